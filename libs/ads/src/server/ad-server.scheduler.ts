import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@wetube/platform';
import { CampaignsService } from '../campaigns/campaigns.service';
import { AdChargingService } from './ad-charging.service';

const TICK_MS = 30_000;

/**
 * Every 30 s: expires ad reservations past their time, then ends the line items whose flight is
 * over (a reservation time after the end, so ads served before it can still be charged; what is
 * left of the escrow goes back to the advertiser). Idempotent: several api processes may run it.
 */
@Injectable()
export class AdServerScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('AdServer');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly charging: AdChargingService,
    private readonly campaigns: CampaignsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  tick(now = new Date()): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      let n = 0;
      try {
        n += await this.charging.expireReservations(now);
      } catch (err) {
        this.log.error(`reservation expiry: ${(err as Error).message}`);
      }
      try {
        const ended = await this.campaigns.endFinished(now, this.config.ads.reservationTtlSec);
        if (ended > 0) this.log.log(`${ended} line item(s) ended with their flight; the rest of their escrow went back`);
        n += ended;
      } catch (err) {
        this.log.error(`ending line items: ${(err as Error).message}`);
      }
      return n;
    })().finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
