import { Injectable, Logger } from '@nestjs/common';
import { AccountKind, LedgerError, LedgerService, splitByLargestRemainder } from '@wetube/ledger';
import { PaymentSessionsService } from '@wetube/payments';
import { AppConfig, Database, isUniqueViolation } from '@wetube/platform';
import { ImpressionsRepository } from './impressions.repository';
import { BeaconEvent } from './beacons';

export type BeaconOutcome = 'CHARGED' | 'COUNTED' | 'REPLAYED' | 'UNKNOWN' | 'NOT_RESERVED' | 'REFUSED';

/** The ledger key of an impression's charge: one per impression, so it can never be paid twice. */
export const chargeKey = (impressionId: string) => `ads:impression:${impressionId}:charge`;

/**
 * Beacon events and the impression charge. The `impression` event is one database transaction
 * (a ledger batch): lock the line item's escrow hold and the receiving accounts, flip the
 * impression RESERVED → CHARGED (conditional, so only one caller wins), settle the price out of the
 * hold split by largest remainder among the video's creator (CREATOR_REVENUE), the bandwidth of
 * the playback session the ad ran in (its open pool-funded session hold grows by the share, so the
 * session's peers are paid from its own ads; the rest goes back to the pool when the session ends;
 * without such a hold, the bandwidth pool) and platform fees, move it from `reserved` to `spent` on
 * the line item, and record the event row.
 * Anything refused (hold closed by a cancel, …) rolls all of it back; the reservation then expires.
 */
@Injectable()
export class AdChargingService {
  private readonly log = new Logger('AdServer');

  constructor(
    private readonly db: Database,
    private readonly impressions: ImpressionsRepository,
    private readonly ledger: LedgerService,
    private readonly config: AppConfig,
    private readonly sessions: PaymentSessionsService,
  ) {}

  /** Creator, bandwidth (session or pool), platform shares of `price` (they always sum to the price). */
  split(price: bigint): { creator: bigint; bandwidth: bigint; platform: bigint } {
    const c = BigInt(this.config.ads.creatorSharePercent);
    const bw = BigInt(this.config.ads.bandwidthSharePercent);
    const [creator, bandwidth, platform] = splitByLargestRemainder(price, [c, bw, 100n - c - bw]);
    return { creator, bandwidth, platform };
  }

  async record(impressionId: string, event: BeaconEvent, now = new Date()): Promise<BeaconOutcome> {
    const imp = await this.impressions.toCharge(impressionId);
    if (!imp) return 'UNKNOWN';
    if (event !== 'impression') return this.count(impressionId, event, now);
    if (imp.status !== 'RESERVED' || !imp.holdId)
      return (await this.impressions.hasEvent(impressionId, event)) ? 'REPLAYED' : 'NOT_RESERVED';
    const price = imp.price;
    const shares = this.split(price);
    const creator = await this.ledger.openAccount(AccountKind.CREATOR_REVENUE, imp.creatorId);
    const platform = await this.ledger.systemAccount(AccountKind.PLATFORM_FEES);
    const pool = await this.ledger.systemAccount(AccountKind.BANDWIDTH_POOL);
    const holdId = imp.holdId;
    const sessionHoldId = await this.sessionHoldOf(imp.sessionId);
    try {
      return await this.ledger.batch(
        { idempotencyKey: chargeKey(impressionId), kind: 'AD_IMPRESSION', memo: `Ad impression of "${imp.lineItemName}"`.slice(0, 500) },
        async (b) => {
          await b.lock(sessionHoldId ? [holdId, sessionHoldId] : [holdId], [creator.id, platform.id, pool.id]);
          // Under the hold account's lock: only one caller flips the impression to CHARGED.
          if (!(await this.impressions.markCharged(impressionId, now))) return 'REPLAYED' as const;
          for (const [toId, amount] of [
            [creator.id, shares.creator],
            [platform.id, shares.platform],
          ] as const) {
            if (amount > 0n) b.settle({ holdId, toId, amount });
          }
          if (shares.bandwidth > 0n) {
            // Under the locks: the session's hold may have been released since it was looked up.
            if (sessionHoldId && b.hold(sessionHoldId)?.status === 'OPEN')
              b.fundHold({ holdId, toHoldId: sessionHoldId, amount: shares.bandwidth });
            else b.settle({ holdId, toId: pool.id, amount: shares.bandwidth });
          }
          await this.impressions.moveReservedToSpent(imp.lineItemId, price);
          await this.impressions.insertEvent(impressionId, 'impression', now);
          return 'CHARGED' as const;
        },
      );
    } catch (err) {
      if (err instanceof LedgerError) {
        this.log.warn(`impression ${impressionId} not charged: ${err.code} ${err.message}`);
        return 'REFUSED';
      }
      if (isUniqueViolation(err)) return 'REPLAYED';
      throw err;
    }
  }

  /** The open, pool-funded bandwidth hold of the playback session an ad ran in (never a viewer's own wallet hold). */
  private async sessionHoldOf(sessionId: string | null): Promise<string | null> {
    if (!sessionId) return null;
    const s = await this.sessions.get(sessionId);
    return s && s.funding === 'POOL' && s.holdId && !s.closedAt ? s.holdId : null;
  }

  /** The other events: counted once per impression (the unique index answers replays). */
  private async count(impressionId: string, event: BeaconEvent, now: Date): Promise<BeaconOutcome> {
    try {
      await this.impressions.insertEvent(impressionId, event, now);
      return 'COUNTED';
    } catch (err) {
      if (isUniqueViolation(err)) return 'REPLAYED';
      throw err;
    }
  }

  /**
   * Expires reservations past their time: RESERVED → EXPIRED and the price leaves the line item's
   * `reserved` (and its day's total when still the same day), one transaction per impression, so a
   * concurrent charge and an expiry never both win. Returns how many expired.
   */
  async expireReservations(now = new Date(), limit = 500): Promise<number> {
    let n = 0;
    for (const id of await this.impressions.expiredReservations(now, limit)) {
      // One transaction per impression: a concurrent charge and this expiry never both win.
      if (await this.db.transaction(() => this.impressions.expire(id))) n++;
    }
    return n;
  }
}
