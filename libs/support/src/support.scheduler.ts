import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SupportPaymentsService } from './sessions/support-payments.service';

const TICK_MS = 30_000;

/** Releases the holds of supported sessions that went idle or expired without a last heartbeat. */
@Injectable()
export class SupportScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Support');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly payments: SupportPaymentsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** One round (also what tests call); how many sessions were released. */
  tick(now = new Date()): Promise<number> {
    if (this.running) return this.running;
    this.running = this.payments
      .closeDue(now)
      .catch((err: Error) => {
        this.log.error(`support holds: ${err.message}`);
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
