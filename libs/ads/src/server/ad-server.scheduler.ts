import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AdChargingService } from './ad-charging.service';

const TICK_MS = 30_000;

/** Expires ad reservations past their time, every 30 s (idempotent: several api processes may run it). */
@Injectable()
export class AdServerScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('AdServer');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly charging: AdChargingService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  tick(now = new Date()): Promise<number> {
    if (this.running) return this.running;
    this.running = this.charging
      .expireReservations(now)
      .catch((err: Error) => {
        this.log.error(`reservation expiry: ${err.message}`);
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
