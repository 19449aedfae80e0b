import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { type PlaybackListener, PlaybackListeners, type PlaybackProgress, type StartedPlaybackSession } from '@wetube/catalog';
import { SupportPaymentsService } from './support-payments.service';

/** Playback sessions as support hears them (catalog's fan-out): hold at start, pay per heartbeat, release at the end. */
@Injectable()
export class SupportPlaybackListener implements PlaybackListener, OnModuleInit, OnModuleDestroy {
  private remove: (() => void) | null = null;

  constructor(
    private readonly payments: SupportPaymentsService,
    private readonly listeners: PlaybackListeners,
  ) {}

  onModuleInit(): void {
    this.remove = this.listeners.add(this);
  }

  onModuleDestroy(): void {
    this.remove?.();
  }

  async sessionStarted(session: StartedPlaybackSession): Promise<void> {
    await this.payments.start(session);
  }

  async progressed(progress: PlaybackProgress): Promise<void> {
    await this.payments.progressed(progress);
  }
}
