import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { VideoTorrentEntity } from './video-torrent.entity';

export interface TorrentRecord {
  rendition: string;
  infoHash: string;
  magnetUri: string;
  bytes: number;
}

/** The swarms of published videos: what the tracker admits and what GraphQL shows. */
@Injectable()
export class VideoTorrentsService {
  constructor(@InjectRepository(VideoTorrentEntity) private readonly torrents: Repository<VideoTorrentEntity>) {}

  /** Replaces a video's torrents (a re-transcode makes new ones). */
  async replace(videoId: string, records: TorrentRecord[]): Promise<void> {
    await this.torrents.manager.transaction(async (m) => {
      await m.delete(VideoTorrentEntity, { videoId });
      const now = new Date();
      if (records.length)
        await m.insert(
          VideoTorrentEntity,
          records.map((r) => ({ ...r, infoHash: r.infoHash.toLowerCase(), videoId, createdAt: now })),
        );
    });
  }

  async isKnown(infoHash: string): Promise<boolean> {
    return /^[0-9a-f]{40}$/i.test(infoHash) && this.torrents.existsBy({ infoHash: infoHash.toLowerCase() });
  }

  /** Torrents of several videos at once (for list pages), rendition order. */
  async ofVideos(videoIds: readonly string[]): Promise<Map<string, VideoTorrentEntity[]>> {
    const rows = videoIds.length ? await this.torrents.find({ where: { videoId: In([...videoIds]) }, order: { rendition: 'ASC' } }) : [];
    const byVideo = new Map<string, VideoTorrentEntity[]>(videoIds.map((id) => [id, []]));
    for (const row of rows) byVideo.get(row.videoId)?.push(row);
    return byVideo;
  }
}
