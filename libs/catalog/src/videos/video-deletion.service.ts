import { Injectable } from '@nestjs/common';
import { StorageRepository } from '@wetube/content';
import { CoverStore } from '../covers/cover-store';
import { VideoEntity } from './video.entity';
import { VideosService } from './videos.service';

/** Deletes a video: the row first (so it disappears at once), then its files and its uploaded cover. */
@Injectable()
export class VideoDeletionService {
  constructor(
    private readonly videos: VideosService,
    private readonly storage: StorageRepository,
    private readonly covers: CoverStore,
  ) {}

  async delete(video: VideoEntity): Promise<void> {
    await this.videos.delete(video.id);
    await this.storage.removeVideo(video.id, video.uploadId);
    await this.covers.remove(video.coverKey);
  }
}
