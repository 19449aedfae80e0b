/**
 * @wetube/swarm: server-side foundations for segment sharing over WebTorrent swarms.
 * Browser code imports `libs/swarm/src/receipts` (browser-safe) instead of this file.
 */
export { SwarmModule, type SwarmModuleAsyncOptions } from './swarm.module';
export * from './receipts';
export { NodeEd25519Signer, NodeEd25519Verifier, nodePublicKeyFromRaw, rawPublicKey } from './receipts/node-ed25519';
export { Ed25519VerifyPool, type VerifyItem } from './receipts/ed25519-verify-pool';
export {
  FIXED_CREATION_DATE,
  PIECE_LENGTH,
  type ParsedTorrent,
  type RenditionTorrent,
  type RenditionTorrentInput,
  TorrentBuilder,
  webSeedFileUrl,
  webSeedRoot,
} from './torrents/torrent-builder';
export {
  SWARM_TRACKER_OPTIONS,
  TRACKER_UNAVAILABLE_REASON,
  type TrackerOptions,
  TrackerService,
  UNKNOWN_INFO_HASH_REASON,
} from './tracker/tracker.service';
export { iceServersFor, turnCredential, type IceServer, type IceSettings } from './ice/ice-servers';
export { TrackerShards, rendezvous, shardAnnounceUrls } from './tracker/tracker-shards';
