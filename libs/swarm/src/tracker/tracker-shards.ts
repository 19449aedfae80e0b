import { createHash } from 'node:crypto';

const INFO_HASH = /^[0-9a-f]{40}$/i;

/**
 * Which tracker holds which swarm. With shards configured (TRACKER_URLS: the WebSocket URL of each
 * tracker process), an infohash goes to the shard with the highest rendezvous score
 * (highest-random-weight hashing: sha256(shard URL, infohash)); adding a shard moves only the swarms
 * that now score highest on it (about 1/N of them), removing one moves only its own. Every process
 * that names an announce URL (transcoder, api, seeder, browser via GraphQL) computes the same answer
 * from the same list, so the peers of one swarm always meet on one tracker.
 *
 * Without shards: the api's embedded tracker (`<api>/tracker`), today's behaviour.
 */
export class TrackerShards {
  private readonly shards: string[];

  /** @param shardUrls ws:// or wss:// tracker URLs (may be empty); @param apiUrl the api's public URL (embedded tracker). */
  constructor(
    shardUrls: readonly string[],
    private readonly apiUrl: string,
  ) {
    this.shards = shardUrls.map((u) => u.trim().replace(/\/+$/, '')).filter(Boolean);
    for (const url of this.shards) {
      if (!/^wss?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(url))
        throw new Error(`tracker shard URL ${JSON.stringify(url)} must be a ws:// or wss:// URL without query`);
    }
    if (new Set(this.shards).size !== this.shards.length) throw new Error(`tracker shard URLs must be distinct: ${this.shards.join(', ')}`);
  }

  /** True when trackers run as their own processes (TRACKER_URLS set). */
  get sharded(): boolean {
    return this.shards.length > 0;
  }

  /** The WebSocket URL of the tracker that holds this infohash's swarm. */
  shardOf(infoHash: string): string {
    if (!INFO_HASH.test(infoHash)) throw new Error(`infohash ${JSON.stringify(infoHash)} must be 40 hex characters`);
    if (!this.sharded) return `${this.apiUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/tracker`;
    return rendezvous(infoHash.toLowerCase(), this.shards);
  }

  /** Announce URLs for this infohash: the shard's WebSocket URL (browsers) and its HTTP announce URL (other clients). */
  announceUrls(infoHash: string): [string, string] {
    return shardAnnounceUrls(this.shardOf(infoHash));
  }

  /** Every tracker's announce URLs (WebSocket, HTTP), in configuration order. */
  allAnnounceUrls(): string[] {
    return this.sharded ? this.shards.flatMap(shardAnnounceUrls) : shardAnnounceUrls(this.shardOf('0'.repeat(40)));
  }
}

/** `ws(s)://host/tracker` → `[ws(s)://host/tracker, http(s)://host/tracker/announce]`. */
export function shardAnnounceUrls(wsUrl: string): [string, string] {
  return [wsUrl, `${wsUrl.replace(/^ws/, 'http')}/announce`];
}

/** Highest-random-weight choice: the shard whose sha256(shard, key) is largest (ties: first listed). */
export function rendezvous(key: string, shards: readonly string[]): string {
  let best = shards[0];
  let bestScore = -1n;
  for (const shard of shards) {
    const score = createHash('sha256').update(shard).update('\0').update(key).digest().readBigUInt64BE(0);
    if (score > bestScore) {
      best = shard;
      bestScore = score;
    }
  }
  return best;
}
