import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database, toDate } from '@wetube/platform';
import type { ImpressionCounts } from '../decision/decision.types';

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

/** A viewer's impressions per line item in the frequency caps' windows, and whether one break already has a live pod. */
export interface ViewerHistory {
  counts: Map<string, ImpressionCounts>;
  livePod: boolean;
}

/** Which break a history or a live pod is asked for. */
export interface BreakKey {
  sessionId: string;
  viewerKey: string;
  videoId: string;
  breakIndex: number;
}

/** One impression of a live pod with its line item and creative (the creative video's facts come from catalog). */
export interface LivePodImpression {
  id: string;
  lineItemId: string;
  creativeId: string;
  price: bigint;
  expiresAt: Date;
  lineItemName: string;
  cpmBid: bigint;
  advertiserId: string;
  videoId: string;
  clickThroughUrl: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The ad_impressions and ad_events tables, and the line item counters an impression moves (charging and expiry). */
@Injectable()
export class ImpressionsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The viewer's impressions (reserved, not yet shown, included; expired ones not) counted per line
   * item in the frequency caps' windows before `now`, in SQL (one row per line item the viewer has
   * seen, whatever the history's length), and whether the break already has a live pod.
   */
  async viewerHistory(key: BreakKey, now: Date): Promise<ViewerHistory> {
    const t = now.getTime();
    const rows = await this.db.query(
      `SELECT line_item_id, COUNT(*) AS lifetime,
              SUM(CASE WHEN created_at > ? THEN 1 ELSE 0 END) AS last_24h,
              SUM(CASE WHEN created_at > ? THEN 1 ELSE 0 END) AS last_hour,
              SUM(CASE WHEN session_id = ? THEN 1 ELSE 0 END) AS this_stream,
              SUM(CASE WHEN session_id = ? AND video_id = ? AND break_index = ? AND expires_at > ? THEN 1 ELSE 0 END) AS live_pod
         FROM ad_impressions WHERE viewer_key = ? AND status <> 'EXPIRED' GROUP BY line_item_id`,
      [
        this.db.dialect.time(new Date(t - DAY_MS)),
        this.db.dialect.time(new Date(t - HOUR_MS)),
        key.sessionId,
        key.sessionId,
        key.videoId,
        key.breakIndex,
        this.db.dialect.time(now),
        key.viewerKey,
      ],
    );
    const counts = new Map<string, ImpressionCounts>();
    let livePod = false;
    for (const r of rows) {
      counts.set(String(r.line_item_id), {
        lifetime: Number(r.lifetime),
        last24h: Number(r.last_24h),
        lastHour: Number(r.last_hour),
        thisStream: Number(r.this_stream),
      });
      if (Number(r.live_pod) > 0) livePod = true;
    }
    return { counts, livePod };
  }

  /**
   * The live pod reserved for a break (RESERVED or CHARGED, not expired at `now`, made after
   * `since`), in the order served; [] if none. Found through the viewer index (viewer_key, created_at).
   */
  async livePod(key: BreakKey, since: Date, now: Date): Promise<LivePodImpression[]> {
    const rows = await this.db.query(
      `SELECT i.id, i.line_item_id, i.creative_id, CAST(i.price AS TEXT) AS price, i.expires_at, li.name, CAST(li.cpm_bid AS TEXT) AS cpm_bid, li.advertiser_id,
              c.video_id, c.click_through_url
         FROM ad_impressions i
         JOIN ad_line_items li ON li.id = i.line_item_id
         JOIN ad_creatives c ON c.id = i.creative_id
        WHERE i.viewer_key = ? AND i.created_at > ? AND i.session_id = ? AND i.video_id = ? AND i.break_index = ?
          AND i.status IN ('RESERVED', 'CHARGED') AND i.expires_at > ?
        ORDER BY i.created_at, i.id`,
      [key.viewerKey, this.db.dialect.time(since), key.sessionId, key.videoId, key.breakIndex, this.db.dialect.time(now)],
    );
    return rows.map((r) => ({
      id: String(r.id),
      lineItemId: String(r.line_item_id),
      creativeId: String(r.creative_id),
      price: BigInt(String(r.price)),
      expiresAt: toDate(r.expires_at),
      lineItemName: String(r.name),
      cpmBid: BigInt(String(r.cpm_bid)),
      advertiserId: String(r.advertiser_id),
      videoId: String(r.video_id),
      clickThroughUrl: String(r.click_through_url),
    }));
  }

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
