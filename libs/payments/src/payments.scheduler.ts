import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AccountKind, LedgerService } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import { PlanRevenueSettlement } from './plans/plan-revenue.settlement';
import { PaymentSessionsService } from './sessions/payment-sessions.service';
import { EarningsReleaseService } from './wallet/earnings-release.service';

const TICK_MS = 30_000;

/**
 * The periodic money jobs of the api process: release the holds of finished sessions, release peer
 * earnings past the review window, share plan revenue at each period's end. Every step is idempotent
 * (ledger keys), so several api processes may run them at once. In development an empty bandwidth
 * pool is funded once by mint (BANDWIDTH_POOL_SEED) so peers of free sessions can be paid before ads.
 */
@Injectable()
export class PaymentsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Payments');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly sessions: PaymentSessionsService,
    private readonly earnings: EarningsReleaseService,
    private readonly settlement: PlanRevenueSettlement,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seed = this.config.payments.bandwidthPoolSeed;
    if (seed > 0n) {
      const pool = await this.ledger.systemAccount(AccountKind.BANDWIDTH_POOL);
      if (pool.balance === 0n && !(await this.ledger.entryByKey('mint:bandwidth-pool-seed'))) {
        await this.ledger.mint(pool.id, seed, 'mint:bandwidth-pool-seed', 'Development bandwidth pool (BANDWIDTH_POOL_SEED)');
        this.log.log(`bandwidth pool funded with ${seed} (development seed)`);
      }
    }
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** One round of every job (also what tests call). */
  tick(now = new Date()): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      for (const [name, job] of [
        ['session holds', () => this.sessions.closeFinished(now)],
        ['earnings release', () => this.earnings.releaseMatured(now)],
        ['plan revenue', () => this.settlement.settleDue(now)],
      ] as const) {
        try {
          await job();
        } catch (err) {
          this.log.error(`${name}: ${(err as Error).message}`);
        }
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
