import { Injectable, Logger } from '@nestjs/common';
import { AccountKind, LedgerService, splitByLargestRemainder } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import { SettlementsRepository } from './settlements.repository';

const PAYOUT_KIND = 'CREATOR_PAYOUT';
const PLAN_SHARE_KIND = 'CREATOR_SHARE';
/** What else pays into a creator's revenue account, counted up to the period's end (ads' creator share). */
const CREATOR_INCOME_KINDS = ['AD_IMPRESSION'] as const;
const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

export interface SettlementResult {
  periodStart: Date;
  periodEnd: Date;
  pool: bigint;
  toCreators: Map<string, bigint>;
  toPlatform: bigint;
  watchedMs: number;
}

/**
 * At the end of each plan period (PLAN_SHARE_PERIOD_SEC, aligned to the Unix epoch) the ad-free plan
 * revenue collected so far is shared: CREATOR_PLAN_SHARE_PERCENT of it among creators by the watch
 * time ad-free viewers spent on their videos in the period (largest remainder), the rest to the
 * platform, in one journal entry; then every creator's revenue account (plan shares, and ad revenue
 * once ads exist) is paid into the creator's wallet. Keyed by the period's end: runs once.
 */
@Injectable()
export class PlanRevenueSettlement {
  private readonly log = new Logger('PlanRevenue');

  constructor(
    private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly settlements: SettlementsRepository,
  ) {}

  /** The end of the latest period that has ended by `now`. */
  periodEndBefore(now: Date): Date {
    const p = this.config.payments.planSharePeriodSec * 1000;
    return new Date(Math.floor(now.getTime() / p) * p);
  }

  /** Settles the latest ended period unless it already was; returns what it did (null if nothing to do). */
  async settleDue(now = new Date()): Promise<SettlementResult | null> {
    const end = this.periodEndBefore(now);
    if (await this.settlements.isSettled(end)) return null;
    const start = (await this.settlements.lastPeriodEnd()) ?? new Date(end.getTime() - this.config.payments.planSharePeriodSec * 1000);
    return this.settle(start, end);
  }

  async settle(start: Date, end: Date): Promise<SettlementResult> {
    const creators = await this.settlements.adFreeWatchByCreator(start, end);
    const watchedMs = creators.reduce((s, c) => s + c.ms, 0n);
    const poolAccount = await this.ledger.systemAccount(AccountKind.PLAN_REVENUE);
    const pool = poolAccount.balance;
    const toCreators = new Map<string, bigint>();
    let toPlatform = 0n;
    const key = `plan-share:${end.toISOString()}`;
    let entryId: string | null = null;
    if (pool > 0n) {
      const creatorsTotal = watchedMs > 0n ? (pool * BigInt(this.config.payments.creatorPlanSharePercent)) / 100n : 0n;
      const shares =
        creatorsTotal > 0n
          ? splitByLargestRemainder(
              creatorsTotal,
              creators.map((c) => c.ms),
            )
          : [];
      creators.forEach((c, i) => {
        if (shares[i] > 0n) toCreators.set(c.id, shares[i]);
      });
      toPlatform = pool - [...toCreators.values()].reduce((s, v) => s + v, 0n);
      const platform = await this.ledger.systemAccount(AccountKind.PLATFORM_FEES);
      const postings = [{ accountId: poolAccount.id, amount: -pool }];
      for (const [creatorId, share] of toCreators)
        postings.push({ accountId: (await this.ledger.openAccount(AccountKind.CREATOR_REVENUE, creatorId)).id, amount: share });
      if (toPlatform > 0n) postings.push({ accountId: platform.id, amount: toPlatform });
      const entry = await this.ledger.post({
        kind: PLAN_SHARE_KIND,
        idempotencyKey: key,
        memo: `Ad-free plan revenue ${start.toISOString()} – ${end.toISOString()}`,
        postings,
      });
      entryId = entry.entryId;
    }
    // Creators' revenue of the settled period moves to their wallets: ad revenue earned before the
    // period's end and the plan shares settled so far, less what earlier payouts took. Ad revenue
    // earned after the end stays for the next period.
    for await (const revenue of this.ledger.eachAccountWithBalance(AccountKind.CREATOR_REVENUE)) {
      const key = `creator-payout:${revenue.id}:${end.toISOString()}`;
      if (await this.ledger.entryByKey(key)) continue; // paid by an earlier (interrupted) run
      const ads = await this.ledger.flowTotals(revenue.id, [...CREATOR_INCOME_KINDS], end, [PAYOUT_KIND]);
      const shares = await this.ledger.flowTotals(revenue.id, [PLAN_SHARE_KIND], FAR_FUTURE, [PAYOUT_KIND]);
      const due = ads.incoming + shares.incoming - ads.outgoing;
      const amount = due < revenue.balance ? due : revenue.balance;
      if (amount <= 0n) continue;
      const wallet = await this.ledger.openAccount(AccountKind.USER_WALLET, revenue.ownerId!);
      await this.ledger.post({
        kind: PAYOUT_KIND,
        idempotencyKey: key,
        memo: `Creator revenue up to ${end.toISOString()}`,
        postings: [
          { accountId: revenue.id, amount: -amount },
          { accountId: wallet.id, amount },
        ],
      });
    }
    try {
      await this.settlements.insert({
        periodStart: start,
        periodEnd: end,
        entryId,
        pool,
        toCreators: pool - toPlatform,
        watchedMs,
        settledAt: new Date(),
      });
    } catch {
      // Another process settled the same period at the same time; the ledger keys made its entries once.
    }
    if (pool > 0n)
      this.log.log(`plan revenue ${pool} shared: ${pool - toPlatform} to ${toCreators.size} creator(s), ${toPlatform} to the platform`);
    return { periodStart: start, periodEnd: end, pool, toCreators, toPlatform, watchedMs: Number(watchedMs) };
  }
}
