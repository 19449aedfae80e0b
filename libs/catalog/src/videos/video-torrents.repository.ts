import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { VideoTorrentEntity } from './video-torrent.entity';

/** The video_torrents table: every query on it. The rules are in VideoTorrentsService. */
@Injectable()
export class VideoTorrentsRepository {
  constructor(@InjectRepository(VideoTorrentEntity) private readonly torrents: Repository<VideoTorrentEntity>) {}

  /** Deletes a video's rows and inserts `rows` instead, in one transaction. */
  async replaceOfVideo(videoId: string, rows: VideoTorrentEntity[]): Promise<void> {
    await this.torrents.manager.transaction(async (m) => {
      await m.delete(VideoTorrentEntity, { videoId });
      if (rows.length) await m.insert(VideoTorrentEntity, rows);
    });
  }

  existsByInfoHash(infoHash: string): Promise<boolean> {
    return this.torrents.existsBy({ infoHash });
  }

  /** The rows of these videos, rendition order. */
  findByVideoIds(videoIds: string[]): Promise<VideoTorrentEntity[]> {
    return this.torrents.find({ where: { videoId: In(videoIds) }, order: { rendition: 'ASC' } });
  }
}
