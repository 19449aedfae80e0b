import { Injectable } from '@nestjs/common';
import { Database, toDate } from '@wetube/platform';

/** One settled plan period. */
export interface Settlement {
  periodStart: Date;
  periodEnd: Date;
  entryId: string | null;
  pool: bigint;
  toCreators: bigint;
  watchedMs: bigint;
  settledAt: Date;
}

/** The payment_settlements table (one row per settled plan period), and the watch time it shares by. */
@Injectable()
export class SettlementsRepository {
  constructor(private readonly db: Database) {}

  async isSettled(periodEnd: Date): Promise<boolean> {
    const [done] = await this.db.query(`SELECT period_end FROM payment_settlements WHERE period_end = ?`, [
      this.db.dialect.time(periodEnd),
    ]);
    return done !== undefined;
  }

  /** The end of the latest settled period, or null. */
  async lastPeriodEnd(): Promise<Date | null> {
    const [last] = await this.db.query(`SELECT MAX(period_end) AS x FROM payment_settlements`);
    return last?.x != null ? toDate(last.x) : null;
  }

  /** Fails on the primary key when the period was settled already. */
  async insert(s: Settlement): Promise<void> {
    const t = (d: Date) => this.db.dialect.time(d);
    await this.db.query(
      `INSERT INTO payment_settlements (period_end, period_start, entry_id, pool, to_creators, watched_ms, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [t(s.periodEnd), t(s.periodStart), s.entryId, s.pool.toString(), s.toCreators.toString(), s.watchedMs.toString(), t(s.settledAt)],
    );
  }

  /** Ad-free viewers' watch time per creator of the sessions started in [start, end), in creator id order. */
  async adFreeWatchByCreator(start: Date, end: Date): Promise<Array<{ id: string; ms: bigint }>> {
    const t = (d: Date) => this.db.dialect.time(d);
    const rows = await this.db.query(
      `SELECT creator_id, CAST(SUM(watched_ms) AS TEXT) AS ms FROM payment_sessions WHERE ad_free = ? AND started_at >= ? AND started_at < ? AND watched_ms > 0 GROUP BY creator_id ORDER BY creator_id`,
      [1, t(start), t(end)],
    );
    return rows.map((r) => ({ id: String(r.creator_id), ms: BigInt(r.ms as string) }));
  }
}
