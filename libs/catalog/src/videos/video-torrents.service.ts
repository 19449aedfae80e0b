import { Injectable } from '@nestjs/common';
import { VideoTorrentEntity } from './video-torrent.entity';
import { VideoTorrentsRepository } from './video-torrents.repository';

export interface TorrentRecord {
  rendition: string;
  infoHash: string;
  magnetUri: string;
  bytes: number;
}

/** The swarms of published videos: what the tracker admits and what GraphQL shows. */
@Injectable()
export class VideoTorrentsService {
  constructor(private readonly torrents: VideoTorrentsRepository) {}

  /** Replaces a video's torrents (a re-transcode makes new ones). */
  async replace(videoId: string, records: TorrentRecord[]): Promise<void> {
    const now = new Date();
    await this.torrents.replaceOfVideo(
      videoId,
      records.map((r) => ({ ...r, infoHash: r.infoHash.toLowerCase(), videoId, createdAt: now })),
    );
  }

  async isKnown(infoHash: string): Promise<boolean> {
    return /^[0-9a-f]{40}$/i.test(infoHash) && this.torrents.existsByInfoHash(infoHash.toLowerCase());
  }

  /** Torrents of several videos at once (for list pages), rendition order. */
  async ofVideos(videoIds: readonly string[]): Promise<Map<string, VideoTorrentEntity[]>> {
    const rows = videoIds.length ? await this.torrents.findByVideoIds([...videoIds]) : [];
    const byVideo = new Map<string, VideoTorrentEntity[]>(videoIds.map((id) => [id, []]));
    for (const row of rows) byVideo.get(row.videoId)?.push(row);
    return byVideo;
  }
}
