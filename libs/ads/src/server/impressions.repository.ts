import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '@wetube/platform';

/** What charging an impression needs to know about it and its line item. */
export interface ImpressionToCharge {
  id: string;
  lineItemId: string;
  lineItemName: string;
  creatorId: string;
  sessionId: string | null;
  status: string;
  price: bigint;
  holdId: string | null;
}

/** The ad_impressions and ad_events tables, and the line item counters an impression moves (charging and expiry). */
@Injectable()
export class ImpressionsRepository {
  constructor(private readonly db: Database) {}

  async toCharge(impressionId: string): Promise<ImpressionToCharge | null> {
    const [r] = await this.db.query(
      `SELECT i.id, i.line_item_id, i.creator_id, i.session_id, i.status, CAST(i.price AS TEXT) AS price, li.hold_id, li.name
         FROM ad_impressions i JOIN ad_line_items li ON li.id = i.line_item_id WHERE i.id = ?`,
      [impressionId],
    );
    if (!r) return null;
    return {
      id: String(r.id),
      lineItemId: String(r.line_item_id),
      lineItemName: String(r.name),
      creatorId: String(r.creator_id),
      sessionId: r.session_id == null ? null : String(r.session_id),
      status: String(r.status),
      price: BigInt(String(r.price)),
      holdId: r.hold_id == null ? null : String(r.hold_id),
    };
  }

  /** RESERVED → CHARGED; true for the one caller that flipped it. */
  async markCharged(impressionId: string, now: Date): Promise<boolean> {
    const won = await this.db.query(
      `UPDATE ad_impressions SET status = 'CHARGED', charged_at = ? WHERE id = ? AND status = 'RESERVED' RETURNING id`,
      [this.db.dialect.time(now), impressionId],
    );
    return won.length > 0;
  }

  /** A charged price leaves the line item's `reserved` for its `spent`. */
  async moveReservedToSpent(lineItemId: string, price: bigint): Promise<void> {
    await this.db.query(
      `UPDATE ad_line_items SET spent = spent + CAST(? AS BIGINT), reserved = reserved - CAST(? AS BIGINT) WHERE id = ?`,
      [price.toString(), price.toString(), lineItemId],
    );
  }

  /** Records a beacon event; a second one of the same impression and event fails on the unique index. */
  async insertEvent(impressionId: string, event: string, now: Date): Promise<void> {
    await this.db.query(`INSERT INTO ad_events (id, impression_id, event, created_at) VALUES (?, ?, ?, ?)`, [
      randomUUID(),
      impressionId,
      event,
      this.db.dialect.time(now),
    ]);
  }

  async hasEvent(impressionId: string, event: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 AS x FROM ad_events WHERE impression_id = ? AND event = ?`, [impressionId, event])).length > 0;
  }

  /** Ids of RESERVED impressions past their time, soonest first. */
  async expiredReservations(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT id FROM ad_impressions WHERE status = 'RESERVED' AND expires_at < ? ORDER BY expires_at LIMIT ?`,
      [this.db.dialect.time(now), limit],
    );
    return rows.map((r) => String(r.id));
  }

  /**
   * RESERVED → EXPIRED, and its price leaves the line item's `reserved` (and its day's total when
   * still the same day). False when it was no longer RESERVED. Run it in a transaction.
   */
  async expire(impressionId: string): Promise<boolean> {
    const [r] = await this.db.query(
      `UPDATE ad_impressions SET status = 'EXPIRED' WHERE id = ? AND status = 'RESERVED' RETURNING line_item_id, CAST(price AS TEXT) AS price, CAST(day_start_ms AS TEXT) AS day_start_ms`,
      [impressionId],
    );
    if (!r) return false;
    const p = String(r.price);
    await this.db.query(
      `UPDATE ad_line_items SET reserved = reserved - CAST(? AS BIGINT),
              day_spent = CASE WHEN day_start_ms = CAST(? AS BIGINT) THEN day_spent - CAST(? AS BIGINT) ELSE day_spent END
        WHERE id = ?`,
      [p, String(r.day_start_ms), p, String(r.line_item_id)],
    );
    return true;
  }
}
