import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { type PlaybackListener, PlaybackListeners, type PlaybackProgress } from '@wetube/catalog';
import { ViewsService } from './views.service';

/** The playback session's heartbeats (payments records them), as engagement counts views from them. */
@Injectable()
export class ViewCountingHooks implements PlaybackListener, OnModuleInit, OnModuleDestroy {
  private remove: (() => void) | null = null;

  constructor(
    private readonly views: ViewsService,
    private readonly listeners: PlaybackListeners,
  ) {}

  onModuleInit(): void {
    this.remove = this.listeners.add(this);
  }

  onModuleDestroy(): void {
    this.remove?.();
  }

  async progressed(progress: PlaybackProgress): Promise<void> {
    await this.views.recordWatch(progress);
  }
}
