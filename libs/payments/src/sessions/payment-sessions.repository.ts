import { Injectable } from '@nestjs/common';
import { Database, Row, toBool, toDate, toDateOrNull } from '@wetube/platform';

/** A playback session as payments sees it: who watches what, and the hold that pays its peers. */
export interface PaymentSession {
  id: string;
  videoId: string;
  creatorId: string;
  viewerId: string | null;
  viewerKey: string;
  sessionPublicKey: string;
  adFree: boolean;
  funding: 'WALLET' | 'POOL' | 'NONE';
  holdId: string | null;
  budget: bigint;
  segmentMs: number;
  streams: number;
  videoSegments: number;
  startedAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  watchedMs: number;
  closedAt: Date | null;
}

/** A new session's row (no hold yet: funding NONE, budget 0). */
export type NewPaymentSession = Pick<
  PaymentSession,
  | 'id'
  | 'videoId'
  | 'creatorId'
  | 'viewerId'
  | 'viewerKey'
  | 'sessionPublicKey'
  | 'adFree'
  | 'segmentMs'
  | 'streams'
  | 'videoSegments'
  | 'expiresAt'
> & { startedAt: Date };

const COLUMNS = `id, video_id, creator_id, viewer_id, viewer_key, session_public_key, ad_free, funding, hold_id, CAST(budget AS TEXT) AS budget,
  segment_ms, streams, video_segments, started_at, expires_at, last_seen_at, ended_at, CAST(watched_ms AS TEXT) AS watched_ms, closed_at`;

function toSession(r: Row): PaymentSession {
  return {
    id: String(r.id),
    videoId: String(r.video_id),
    creatorId: String(r.creator_id),
    viewerId: r.viewer_id == null ? null : String(r.viewer_id),
    viewerKey: String(r.viewer_key),
    sessionPublicKey: String(r.session_public_key),
    adFree: toBool(r.ad_free),
    funding: String(r.funding) as PaymentSession['funding'],
    holdId: r.hold_id == null ? null : String(r.hold_id),
    budget: BigInt(r.budget as string),
    segmentMs: Number(r.segment_ms),
    streams: Number(r.streams),
    videoSegments: Number(r.video_segments),
    startedAt: toDate(r.started_at),
    expiresAt: toDate(r.expires_at),
    lastSeenAt: toDate(r.last_seen_at),
    endedAt: toDateOrNull(r.ended_at),
    watchedMs: Number(r.watched_ms),
    closedAt: toDateOrNull(r.closed_at),
  };
}

/** The payment_sessions table. */
@Injectable()
export class PaymentSessionsRepository {
  constructor(private readonly db: Database) {}

  async insert(s: NewPaymentSession): Promise<void> {
    const d = this.db.dialect;
    await this.db.query(
      `INSERT INTO payment_sessions (id, video_id, creator_id, viewer_id, viewer_key, session_public_key, ad_free, funding, hold_id, budget,
         segment_ms, streams, video_segments, started_at, expires_at, last_seen_at, ended_at, watched_ms, closed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'NONE', NULL, 0, ?, ?, ?, ?, ?, ?, NULL, 0, NULL)`,
      [
        s.id,
        s.videoId,
        s.creatorId,
        s.viewerId,
        s.viewerKey,
        s.sessionPublicKey,
        d.bool(s.adFree),
        s.segmentMs,
        s.streams,
        s.videoSegments,
        d.time(s.startedAt),
        d.time(s.expiresAt),
        d.time(s.startedAt),
      ],
    );
  }

  async setFunding(id: string, holdId: string, budget: bigint, funding: PaymentSession['funding']): Promise<void> {
    await this.db.query(`UPDATE payment_sessions SET hold_id = ?, budget = ?, funding = ? WHERE id = ?`, [
      holdId,
      budget.toString(),
      funding,
      id,
    ]);
  }

  /** Sessions of this viewer funded by the pool and not closed yet. */
  async countOpenPoolSessions(viewerKey: string): Promise<number> {
    const [r] = await this.db.query(
      `SELECT COUNT(*) AS n FROM payment_sessions WHERE viewer_key = ? AND closed_at IS NULL AND funding = 'POOL'`,
      [viewerKey],
    );
    return Number(r.n);
  }

  async get(id: string): Promise<PaymentSession | null> {
    const [r] = await this.db.query(`SELECT ${COLUMNS} FROM payment_sessions WHERE id = ?`, [id]);
    return r ? toSession(r) : null;
  }

  /** Sessions whose `column` (id or session_public_key) is one of `values`, 500 per statement. */
  async where(column: 'id' | 'session_public_key', values: string[]): Promise<PaymentSession[]> {
    const out: PaymentSession[] = [];
    const unique = [...new Set(values)];
    for (let i = 0; i < unique.length; i += 500) {
      const where = this.db.dialect.inList(column, unique.slice(i, i + 500));
      for (const r of await this.db.query(`SELECT ${COLUMNS} FROM payment_sessions WHERE ${where.sql}`, where.params))
        out.push(toSession(r));
    }
    return out;
  }

  /** Records a heartbeat: watch time only grows; `ended` sets ended_at once. */
  async heartbeat(id: string, now: Date, watchedMs: number, ended: boolean): Promise<void> {
    const t = (d: Date) => this.db.dialect.time(d);
    await this.db.query(
      `UPDATE payment_sessions SET last_seen_at = ?, watched_ms = CASE WHEN watched_ms < ? THEN ? ELSE watched_ms END${ended ? ', ended_at = COALESCE(ended_at, ?)' : ''} WHERE id = ? AND closed_at IS NULL`,
      [t(now), watchedMs, watchedMs, ...(ended ? [t(now)] : []), id],
    );
  }

  /** Open sessions ended before `endedBefore`, idle since before `idleBefore` or expired before `endedBefore`; oldest first, 500 at most. */
  async due(endedBefore: Date, idleBefore: Date): Promise<PaymentSession[]> {
    const t = (d: Date) => this.db.dialect.time(d);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM payment_sessions WHERE closed_at IS NULL AND (ended_at < ? OR last_seen_at < ? OR expires_at < ?) ORDER BY started_at LIMIT 500`,
      [t(endedBefore), t(idleBefore), t(endedBefore)],
    );
    return rows.map(toSession);
  }

  async close(id: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE payment_sessions SET closed_at = ? WHERE id = ?`, [this.db.dialect.time(now), id]);
  }
}
