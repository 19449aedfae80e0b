import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { VideoTorrentEntity } from '@wetube/catalog';

const INFO_HASH = /^[0-9a-f]{40}$/i;

/**
 * What the tracker process asks the database: is this infohash one the platform published (a row
 * of `video_torrents`, written by the transcoder after publishing)? Never the api's memory, so any
 * number of tracker processes answer alike. TrackerService caches the answers briefly.
 */
@Injectable()
export class PublishedTorrentsRepository {
  constructor(@InjectRepository(VideoTorrentEntity) private readonly torrents: Repository<VideoTorrentEntity>) {}

  async isPublished(infoHash: string): Promise<boolean> {
    return INFO_HASH.test(infoHash) && this.torrents.existsBy({ infoHash: infoHash.toLowerCase() });
  }
}
