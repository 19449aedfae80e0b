import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('Swarm', { description: 'The BitTorrent swarm of one rendition: join it with any WebTorrent client' })
export class SwarmType {
  @Field({ description: "Rendition folder, e.g. '720p' or 'audio'" })
  rendition: string;
  @Field({ description: 'BitTorrent v1 infohash (hex)' })
  infoHash: string;
  @Field({ description: 'Magnet link with the platform tracker (tr) and the origin web seed (ws)' })
  magnetUri: string;
  @Field()
  torrentUrl: string;
  @Field(() => Float, { description: 'Bytes in the swarm (init segment and segments)' })
  bytes: number;
  @Field(() => [String], {
    description: "This swarm's tracker (the shard its infohash hashes to): WebSocket URL for browsers, then HTTP announce URL",
  })
  trackerUrls: string[];
}

@ObjectType('ContentFile', { description: "A published file's content address, from the signed manifest.json" })
export class ContentFileType {
  @Field({ description: 'Path inside the video, e.g. 720p/seg_00003.m4s' })
  path: string;
  @Field({ description: "CIDv1 (base32), what Kubo's `ipfs add --cid-version=1` gives" })
  cid: string;
  @Field()
  sha256: string;
  @Field(() => Float)
  bytes: number;
}
