import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Observable, Subject, filter } from 'rxjs';
import { InjectTranscodeQueue, TranscodeQueue } from '../videos/transcode-queue';
import { VideoStatus } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';

export interface VideoProgress {
  id: string;
  status: VideoStatus;
  progress: number;
  failureReason: string | null;
}

/**
 * Live transcode progress for the web: relays the queue's events (which cross processes when the
 * queue is BullMQ) and, on completion or failure, the video's final state from the database.
 */
@Injectable()
export class VideoProgressHub implements OnModuleInit, OnModuleDestroy {
  private readonly updates = new Subject<VideoProgress>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    @InjectTranscodeQueue() private readonly queue: TranscodeQueue,
    private readonly videos: VideosService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.queue.on('progress', (id, percent) =>
        this.updates.next({ id, status: VideoStatus.PROCESSING, progress: Math.min(99, Math.floor(percent)), failureReason: null }),
      ),
      this.queue.on('completed', (id) => void this.publishCurrent(id)),
      this.queue.on('failed', (id) => void this.publishCurrent(id)),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe.forEach((u) => u());
    this.updates.complete();
  }

  /** Updates for one video. */
  watch(videoId: string): Observable<VideoProgress> {
    return this.updates.pipe(filter((u) => u.id === videoId));
  }

  async current(videoId: string): Promise<VideoProgress | null> {
    const v = await this.videos.findById(videoId);
    return v && { id: v.id, status: v.status, progress: v.progress, failureReason: v.failureReason };
  }

  private async publishCurrent(videoId: string): Promise<void> {
    const state = await this.current(videoId).catch(() => null);
    if (state) this.updates.next(state);
  }
}
