import { Injectable } from '@nestjs/common';
import { StorageRepository } from '@wetube/content';
import { InjectTranscodeQueue, type TranscodeQueue } from './transcode-queue';
import type { VideoEntity } from './video.entity';
import { VideoStatus } from './video.enums';
import { VideosService } from './videos.service';

export type RetryOutcome = { ok: true; video: VideoEntity } | { ok: false; code: 'NOT_FAILED' | 'SOURCE_GONE'; message: string };

/**
 * Another run for a video whose processing failed. Only a failure that kept the uploaded file can run
 * again: a file refused for what it is (not a video, too long, too big) is removed at once, and the
 * same file would be refused again; a crash or an ffmpeg failure after the last attempt keeps it.
 */
@Injectable()
export class VideoRetryService {
  constructor(
    private readonly videos: VideosService,
    private readonly storage: StorageRepository,
    @InjectTranscodeQueue() private readonly queue: TranscodeQueue,
  ) {}

  async canRetry(video: Pick<VideoEntity, 'status' | 'uploadId'>): Promise<boolean> {
    if (video.status !== VideoStatus.FAILED || !video.uploadId) return false;
    return this.storage.exists(this.storage.uploadPath(video.uploadId));
  }

  async retry(video: VideoEntity): Promise<RetryOutcome> {
    // Already queued or running again (a double click, a second tab): nothing more to do.
    if (video.status === VideoStatus.UPLOADED || video.status === VideoStatus.PROCESSING) return { ok: true, video };
    if (video.status !== VideoStatus.FAILED) {
      return {
        ok: false,
        code: 'NOT_FAILED',
        message: `Only a video whose processing failed can be retried; this one is ${video.status.toLowerCase()}.`,
      };
    }
    if (!(await this.canRetry(video))) {
      return {
        ok: false,
        code: 'SOURCE_GONE',
        message: 'The uploaded file is no longer kept (a file that was refused is removed at once): upload it again.',
      };
    }
    if (await this.videos.requeueFailed(video.id)) await this.queue.add(video.id, { videoId: video.id });
    // else another retry moved it first: it is queued once.
    return { ok: true, video: (await this.videos.findById(video.id)) ?? video };
  }
}
