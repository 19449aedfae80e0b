import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ViewsService } from './views.service';

const EVERY_MS = 3600_000;

/** The api's hourly clean-up of ended view windows (idempotent: several api processes may run it). */
@Injectable()
export class ViewMarksPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Views');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly views: ViewsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  /** One clean-up (also what tests call). */
  tick(now = new Date()): Promise<void> {
    this.running ??= this.views
      .pruneEndedWindows(now)
      .then((n) => void (n > 0 && this.log.debug(`${n} ended view windows forgotten`)))
      .catch((err: Error) => this.log.error(`pruning view windows: ${err.message}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
