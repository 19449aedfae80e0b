import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AccountKind, LedgerError, LedgerService, splitByLargestRemainder } from '@wetube/ledger';
import { PaymentSessionsService } from '@wetube/payments';
import { AppConfig } from '@wetube/platform';
import { AdsDb, isUniqueViolation } from '../advertisers/ads.db';
import { returned } from './ad-server.sql';
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
    private readonly db: AdsDb,
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
    const [imp] = await this.db.query(
      `SELECT i.id, i.line_item_id, i.creator_id, i.session_id, i.status, CAST(i.price AS TEXT) AS price, li.hold_id, li.name
         FROM ad_impressions i JOIN ad_line_items li ON li.id = i.line_item_id WHERE i.id = ?`,
      [impressionId],
    );
    if (!imp) return 'UNKNOWN';
    if (event !== 'impression') return this.count(impressionId, event, now);
    if (imp.status !== 'RESERVED' || !imp.hold_id) return (await this.seen(impressionId, event)) ? 'REPLAYED' : 'NOT_RESERVED';
    const price = BigInt(String(imp.price));
    const shares = this.split(price);
    const creator = await this.ledger.openAccount(AccountKind.CREATOR_REVENUE, String(imp.creator_id));
    const platform = await this.ledger.systemAccount(AccountKind.PLATFORM_FEES);
    const pool = await this.ledger.systemAccount(AccountKind.BANDWIDTH_POOL);
    const holdId = String(imp.hold_id);
    const sessionHoldId = await this.sessionHoldOf(imp.session_id == null ? null : String(imp.session_id));
    try {
      return await this.ledger.batch(
        { idempotencyKey: chargeKey(impressionId), kind: 'AD_IMPRESSION', memo: `Ad impression of "${String(imp.name)}"`.slice(0, 500) },
        async (b) => {
          await b.lock(sessionHoldId ? [holdId, sessionHoldId] : [holdId], [creator.id, platform.id, pool.id]);
          // Under the hold account's lock: only one caller flips the impression to CHARGED.
          const won = returned(
            await b.query(
              `UPDATE ad_impressions SET status = 'CHARGED', charged_at = ? WHERE id = ? AND status = 'RESERVED' RETURNING id`,
              [this.db.time(now), impressionId],
            ),
          );
          if (won.length === 0) return 'REPLAYED' as const;
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
          await b.query(
            `UPDATE ad_line_items SET spent = spent + CAST(? AS BIGINT), reserved = reserved - CAST(? AS BIGINT) WHERE id = ?`,
            [price.toString(), price.toString(), String(imp.line_item_id)],
          );
          await b.query(`INSERT INTO ad_events (id, impression_id, event, created_at) VALUES (?, ?, 'impression', ?)`, [
            randomUUID(),
            impressionId,
            this.db.time(now),
          ]);
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

  private async seen(impressionId: string, event: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 AS x FROM ad_events WHERE impression_id = ? AND event = ?`, [impressionId, event])).length > 0;
  }

  /** The other events: counted once per impression (the unique index answers replays). */
  private async count(impressionId: string, event: BeaconEvent, now: Date): Promise<BeaconOutcome> {
    try {
      await this.db.query(`INSERT INTO ad_events (id, impression_id, event, created_at) VALUES (?, ?, ?, ?)`, [
        randomUUID(),
        impressionId,
        event,
        this.db.time(now),
      ]);
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
    const due = await this.db.query(
      `SELECT id FROM ad_impressions WHERE status = 'RESERVED' AND expires_at < ? ORDER BY expires_at LIMIT ?`,
      [this.db.time(now), limit],
    );
    let n = 0;
    for (const { id } of due) {
      const done = await this.ledger.batch({ idempotencyKey: `ads:expire:${String(id)}`, kind: 'AD_EXPIRE' }, async (b) => {
        const [r] = returned(
          await b.query(
            `UPDATE ad_impressions SET status = 'EXPIRED' WHERE id = ? AND status = 'RESERVED' RETURNING line_item_id, CAST(price AS TEXT) AS price, CAST(day_start_ms AS TEXT) AS day_start_ms`,
            [String(id)],
          ),
        );
        if (!r) return false;
        const p = String(r.price);
        await b.query(
          `UPDATE ad_line_items SET reserved = reserved - CAST(? AS BIGINT),
                  day_spent = CASE WHEN day_start_ms = CAST(? AS BIGINT) THEN day_spent - CAST(? AS BIGINT) ELSE day_spent END
            WHERE id = ?`,
          [p, String(r.day_start_ms), p, String(r.line_item_id)],
        );
        return true;
      });
      if (done) n++;
    }
    return n;
  }
}
