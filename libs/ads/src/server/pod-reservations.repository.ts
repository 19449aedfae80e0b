import { Injectable } from '@nestjs/common';
import { Database } from '@wetube/platform';
import type { AdPosition } from '../decision/decision.types';
import { localDayWindow } from '../decision/zoned-time';

/** One chosen ad of a pod to reserve. */
export interface WantedAd {
  /** The impression id to record. */
  id: string;
  lineItemId: string;
  /** The line item's IANA zone: its daily cap counts per local day. */
  timeZone: string;
  creativeId: string;
  price: bigint;
}

/** Where the pod runs: the same for every ad of it. */
export interface PodContext {
  videoId: string;
  creatorId: string;
  sessionId: string | null;
  viewerKey: string | null;
  position: AdPosition;
  breakIndex: number;
  now: Date;
  expiresAt: Date;
}

type Wanted = Omit<WantedAd, 'price'> & { day: string; price: string };

const IMPRESSION_COLUMNS =
  'id, line_item_id, creative_id, video_id, creator_id, session_id, viewer_key, position, break_index, price, status, day_start_ms, created_at, expires_at, charged_at';

/**
 * Reserves the ads of one pod: for each, a conditional write on its line item (raise `reserved` and
 * the local day's total only while spent + reserved + price ≤ budget and the day's total + price ≤
 * the daily cap) and the impression row as RESERVED, so concurrent requests deciding on the same
 * stale snapshot never overspend. PostgreSQL: ONE statement for the whole pod (an UPDATE … FROM the
 * wanted rows feeding an INSERT … SELECT: atomic, one round trip, row locks taken by the UPDATE and
 * re-checked after a wait), committed with `synchronous_commit = off` for that transaction only: a
 * reservation moves no coin, so a crash that loses the last moments of them loses no money (their
 * beacons then find no impression and charge nothing; the counters went with the rows) — and the
 * decision does not wait for a WAL flush (the tail latency under load). SQLite: one transaction. Answers the impression ids reserved (an ad whose
 * line item had no room left is not, and nothing of it is written).
 */
@Injectable()
export class PodReservationsRepository {
  constructor(private readonly db: Database) {}

  async reserve(ads: WantedAd[], ctx: PodContext): Promise<Set<string>> {
    if (ads.length === 0) return new Set();
    const rows: Wanted[] = ads.map((a) => ({
      ...a,
      day: String(localDayWindow(ctx.now, a.timeZone).start.getTime()),
      price: a.price.toString(),
    }));
    // One ad per line item per statement (an UPDATE … FROM touches a row once).
    const reserved = new Set<string>();
    const rounds: Wanted[][] = [];
    for (const r of rows) {
      const round = rounds.find((x) => !x.some((y) => y.lineItemId === r.lineItemId));
      if (round) round.push(r);
      else rounds.push([r]);
    }
    for (const round of rounds) {
      const ids = this.db.dialect.postgres ? await this.reservePostgres(round, ctx) : await this.reserveSqlite(round, ctx);
      for (const id of ids) reserved.add(id);
    }
    return reserved;
  }

  private async reservePostgres(ads: Wanted[], ctx: PodContext): Promise<string[]> {
    const rows = await this.db.query(
      `WITH async_commit AS (
         -- This statement's own transaction commits without waiting for the WAL flush (see above).
         SELECT set_config('synchronous_commit', 'off', true) AS setting
       ), want (id, line_item_id, creative_id, price, day) AS (
         SELECT u.* FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS bigint[]), CAST(? AS bigint[])) AS u, async_commit
       ), won AS (
         UPDATE ad_line_items l
            SET reserved = l.reserved + w.price,
                day_spent = CASE WHEN l.day_start_ms = w.day THEN l.day_spent + w.price ELSE w.price END,
                day_start_ms = w.day
           FROM want w
          WHERE l.id = w.line_item_id AND l.status = 'ACTIVE'
            AND l.spent + l.reserved + w.price <= l.budget
            AND (l.daily_cap IS NULL OR (CASE WHEN l.day_start_ms = w.day THEN l.day_spent ELSE 0 END) + w.price <= l.daily_cap)
         RETURNING l.id
       )
       INSERT INTO ad_impressions (${IMPRESSION_COLUMNS})
       SELECT w.id, w.line_item_id, w.creative_id, CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS integer),
              w.price, 'RESERVED', w.day, CAST(? AS timestamptz), CAST(? AS timestamptz), NULL
         FROM want w JOIN won ON won.id = w.line_item_id
       RETURNING id`,
      [
        ads.map((a) => a.id),
        ads.map((a) => a.lineItemId),
        ads.map((a) => a.creativeId),
        ads.map((a) => a.price),
        ads.map((a) => a.day),
        ctx.videoId,
        ctx.creatorId,
        ctx.sessionId,
        ctx.viewerKey,
        ctx.position,
        ctx.breakIndex,
        this.db.dialect.time(ctx.now),
        this.db.dialect.time(ctx.expiresAt),
      ],
    );
    return rows.map((r) => String(r.id));
  }

  private async reserveSqlite(ads: Wanted[], ctx: PodContext): Promise<string[]> {
    return this.db.transaction(async (b) => {
      const won: Wanted[] = [];
      for (const a of ads) {
        const rows = await b.query(
          `UPDATE ad_line_items
                SET reserved = reserved + CAST(? AS BIGINT),
                    day_spent = CASE WHEN day_start_ms = CAST(? AS BIGINT) THEN day_spent + CAST(? AS BIGINT) ELSE CAST(? AS BIGINT) END,
                    day_start_ms = CAST(? AS BIGINT)
              WHERE id = ? AND status = 'ACTIVE'
                AND spent + reserved + CAST(? AS BIGINT) <= budget
                AND (daily_cap IS NULL OR (CASE WHEN day_start_ms = CAST(? AS BIGINT) THEN day_spent ELSE 0 END) + CAST(? AS BIGINT) <= daily_cap)
             RETURNING id`,
          [a.price, a.day, a.price, a.price, a.day, a.lineItemId, a.price, a.day, a.price],
        );
        if (rows.length) won.push(a);
      }
      if (won.length === 0) return [];
      await b.query(
        `INSERT INTO ad_impressions (${IMPRESSION_COLUMNS}) VALUES ${won.map(() => `(?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS BIGINT), 'RESERVED', CAST(? AS BIGINT), ?, ?, NULL)`).join(', ')}`,
        won.flatMap((a) => [
          a.id,
          a.lineItemId,
          a.creativeId,
          ctx.videoId,
          ctx.creatorId,
          ctx.sessionId,
          ctx.viewerKey,
          ctx.position,
          ctx.breakIndex,
          a.price,
          a.day,
          this.db.dialect.time(ctx.now),
          this.db.dialect.time(ctx.expiresAt),
        ]),
      );
      return won.map((a) => a.id);
    });
  }
}
