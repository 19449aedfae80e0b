import { Injectable } from '@nestjs/common';
import { Database, type Row, toDate, toDateOrNull } from '@wetube/platform';

/** A playback session with support on (a row of `support_sessions`). */
export interface SupportSession {
  sessionId: string;
  listenerId: string;
  creatorId: string;
  videoId: string;
  /** The UTC day whose ceiling the hold counts against (the session's start). */
  day: string;
  holdId: string;
  perMinute: bigint;
  held: bigint;
  /** Attended playback (ms) before support began (turned on mid-session): never paid for. */
  baseMs: number;
  /** Attended playback (ms) the session has been paid for: only grows. */
  attendedMs: number;
  paid: bigint;
  status: 'OPEN' | 'CLOSED';
  startedAt: Date;
  lastAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
}

const COLUMNS = `session_id, listener_id, creator_id, video_id, day, hold_id, CAST(per_minute AS TEXT) AS per_minute,
  CAST(held AS TEXT) AS held, CAST(base_ms AS TEXT) AS base_ms, CAST(attended_ms AS TEXT) AS attended_ms, CAST(paid AS TEXT) AS paid, status,
  started_at, last_at, expires_at, closed_at`;

function toSession(r: Row): SupportSession {
  return {
    sessionId: String(r.session_id),
    listenerId: String(r.listener_id),
    creatorId: String(r.creator_id),
    videoId: String(r.video_id),
    day: String(r.day),
    holdId: String(r.hold_id),
    perMinute: BigInt(String(r.per_minute)),
    held: BigInt(String(r.held)),
    baseMs: Number(r.base_ms),
    attendedMs: Number(r.attended_ms),
    paid: BigInt(String(r.paid)),
    status: String(r.status) as SupportSession['status'],
    startedAt: toDate(r.started_at),
    lastAt: toDate(r.last_at),
    expiresAt: toDate(r.expires_at),
    closedAt: toDateOrNull(r.closed_at),
  };
}

/** What one supporter paid a creator. */
export interface SupporterTotal {
  listenerId: string;
  paid: bigint;
}

/**
 * `support_sessions` and `support_days`. Statements join the caller's transaction (the support
 * service runs a session's start, each settlement and its release each in one).
 */
@Injectable()
export class SupportSessionsRepository {
  constructor(private readonly db: Database) {}

  async get(sessionId: string): Promise<SupportSession | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM support_sessions WHERE session_id = ?`, [sessionId]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async insert(s: Omit<SupportSession, 'attendedMs' | 'paid' | 'status' | 'closedAt' | 'lastAt'>): Promise<void> {
    const t = (d: Date) => this.db.dialect.time(d);
    await this.db.query(
      `INSERT INTO support_sessions (session_id, listener_id, creator_id, video_id, day, hold_id, per_minute, held, base_ms, attended_ms, paid,
         status, started_at, last_at, expires_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'OPEN', ?, ?, ?, NULL)`,
      [
        s.sessionId,
        s.listenerId,
        s.creatorId,
        s.videoId,
        s.day,
        s.holdId,
        s.perMinute.toString(),
        s.held.toString(),
        Math.floor(s.baseMs),
        Math.floor(s.baseMs),
        t(s.startedAt),
        t(s.startedAt),
        t(s.expiresAt),
      ],
    );
  }

  /** After a settlement: what the session has paid in all and for how much attended playback (both only grow). */
  async recordPaid(sessionId: string, attendedMs: number, paid: bigint, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE support_sessions SET attended_ms = CASE WHEN attended_ms < ? THEN ? ELSE attended_ms END,
         paid = CASE WHEN paid < ? THEN ? ELSE paid END, last_at = ? WHERE session_id = ?`,
      [attendedMs, attendedMs, paid.toString(), paid.toString(), this.db.dialect.time(at), sessionId],
    );
  }

  /** A heartbeat arrived (paused or not): the session is alive, whatever it pays. */
  async touch(sessionId: string, at: Date): Promise<void> {
    const t = this.db.dialect.time(at);
    await this.db.query(`UPDATE support_sessions SET last_at = ? WHERE session_id = ? AND status = 'OPEN' AND last_at < ?`, [
      t,
      sessionId,
      t,
    ]);
  }

  /** Marks the session closed; true when this call closed it (false: it was closed already). */
  async close(sessionId: string, at: Date): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE support_sessions SET status = 'CLOSED', closed_at = ? WHERE session_id = ? AND status = 'OPEN' RETURNING session_id`,
      [this.db.dialect.time(at), sessionId],
    );
    return rows.length > 0;
  }

  /** Open sessions that expired or whose last heartbeat is at or before `idleBefore`. */
  async due(now: Date, idleBefore: Date, limit = 200): Promise<string[]> {
    const t = (d: Date) => this.db.dialect.time(d);
    const rows = await this.db.query(
      `SELECT session_id FROM support_sessions WHERE status = 'OPEN' AND (last_at <= ? OR expires_at <= ?) ORDER BY last_at LIMIT ${Math.floor(limit)}`,
      [t(idleBefore), t(now)],
    );
    return rows.map((r) => String(r.session_id));
  }

  /**
   * Locks the (listener, creator, day) row the daily ceiling is checked under (made at 0 when new) and
   * returns what that day's holds committed. In a transaction.
   */
  async lockDay(listenerId: string, creatorId: string, day: string): Promise<bigint> {
    await this.db.query(
      `INSERT INTO support_days (listener_id, creator_id, day, committed) VALUES (?, ?, ?, 0) ON CONFLICT (listener_id, creator_id, day) DO NOTHING`,
      [listenerId, creatorId, day],
    );
    const rows = await this.db.query(
      `SELECT CAST(committed AS TEXT) AS committed FROM support_days WHERE listener_id = ? AND creator_id = ? AND day = ?${this.db.dialect.forUpdate}`,
      [listenerId, creatorId, day],
    );
    return BigInt(String(rows[0].committed));
  }

  /** Adds `delta` (negative: the rest of a released hold) to the day's commitment; the row is locked by {@link lockDay}. */
  async addCommitted(listenerId: string, creatorId: string, day: string, delta: bigint): Promise<void> {
    await this.db.query(`UPDATE support_days SET committed = committed + ? WHERE listener_id = ? AND creator_id = ? AND day = ?`, [
      delta.toString(),
      listenerId,
      creatorId,
      day,
    ]);
  }

  async committed(listenerId: string, creatorId: string, day: string): Promise<bigint> {
    const rows = await this.db.query(
      `SELECT CAST(committed AS TEXT) AS committed FROM support_days WHERE listener_id = ? AND creator_id = ? AND day = ?`,
      [listenerId, creatorId, day],
    );
    return rows[0] ? BigInt(String(rows[0].committed)) : 0n;
  }

  /** What the listener's sessions of that day paid the creator. */
  async paidOn(listenerId: string, creatorId: string, day: string): Promise<bigint> {
    const rows = await this.db.query(
      `SELECT CAST(COALESCE(SUM(paid), 0) AS TEXT) AS paid FROM support_sessions WHERE listener_id = ? AND creator_id = ? AND day = ?`,
      [listenerId, creatorId, day],
    );
    return BigInt(String(rows[0].paid));
  }

  /** What supporters paid the creator (since `sinceDay` when given), most first. */
  async supportersOf(creatorId: string, sinceDay: string | null, limit = 50): Promise<SupporterTotal[]> {
    const rows = await this.db.query(
      `SELECT listener_id, CAST(SUM(paid) AS TEXT) AS paid FROM support_sessions WHERE creator_id = ?${sinceDay ? ' AND day >= ?' : ''}
       GROUP BY listener_id HAVING SUM(paid) > 0 ORDER BY SUM(paid) DESC, listener_id LIMIT ${Math.floor(limit)}`,
      sinceDay ? [creatorId, sinceDay] : [creatorId],
    );
    return rows.map((r) => ({ listenerId: String(r.listener_id), paid: BigInt(String(r.paid)) }));
  }
}
