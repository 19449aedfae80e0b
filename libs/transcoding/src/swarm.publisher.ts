import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { TorrentRecord } from '@wetube/catalog';
import { StorageRepository } from '@wetube/content';
import { AppConfig } from '@wetube/platform';
import { TorrentBuilder, TrackerShards } from '@wetube/swarm';

const SWARM_FILE = /^(init\.mp4|seg_\d{5}\.m4s)$/;

/**
 * One BitTorrent torrent per rendition (its init segment and segments, in playback order), with
 * the HLS origin as web seed and the platform's tracker as announce URL (the shard its infohash
 * hashes to when TRACKER_URLS is set, else the api's embedded tracker); written next to the
 * playlists as `torrents/<rendition>.torrent` so any WebTorrent client can join the swarm.
 */
@Injectable()
export class SwarmPublisher {
  private readonly trackers: TrackerShards;

  constructor(
    private readonly config: AppConfig,
    private readonly storage: StorageRepository,
    private readonly torrents: TorrentBuilder,
  ) {
    this.trackers = new TrackerShards(config.trackerUrls, config.publicApiUrl);
  }

  async publishTorrents(outDir: string, videoId: string, renditions: string[]): Promise<TorrentRecord[]> {
    const records: TorrentRecord[] = [];
    for (const rendition of renditions) {
      const names = (await this.storage.listFiles(join(outDir, rendition))).filter((n) => SWARM_FILE.test(n));
      const ordered = [...names.filter((n) => n === 'init.mp4'), ...names.filter((n) => n !== 'init.mp4').sort()];
      const torrent = await this.torrents.buildRenditionTorrent({
        videoId,
        rendition,
        files: ordered.map((n) => join(outDir, rendition, n)),
        webSeedUrl: `${this.config.publicApiUrl}/hls/`,
        announceUrls: (infoHash) => this.trackers.announceUrls(infoHash),
      });
      await this.storage.writeFile(join(outDir, 'torrents', `${rendition}.torrent`), torrent.torrentFile);
      records.push({ rendition, infoHash: torrent.infoHash, magnetUri: torrent.magnetURI, bytes: torrent.totalLength });
    }
    return records;
  }
}
