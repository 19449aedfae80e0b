import { Injectable } from '@nestjs/common';
import { bulkInsert, Database, toDate } from '@wetube/platform';

/** The high-water mark of one (session, peer): what its receipts were paid up to. */
export interface ReceiptMark {
  sessionId: string;
  peerId: string;
  peerUserId: string;
  seq: number;
  segments: number;
  bytes: number;
  paid: bigint;
}

/** A viewer-peer pair's counter over its 24-hour window (pair decay). */
export interface PairCounter {
  viewerKey: string;
  peerUserId: string;
  windowStart: Date;
  segments: number;
}

/** One peer's share of a PEER_REWARD entry: segments paid in one session. */
export interface Reward {
  entryId: string;
  sessionId: string;
  peerId: string;
  peerUserId: string;
  segments: number;
}

/**
 * Receipt redemption's tables: high-water marks (payment_receipt_marks), pair counters
 * (payment_pair_stats) and rewards (payment_rewards). Written in the redemption's ledger batch,
 * whose transaction these statements join.
 */
@Injectable()
export class ReceiptsRepository {
  constructor(private readonly db: Database) {}

  async marksOf(sessionIds: string[]): Promise<ReceiptMark[]> {
    const inSessions = this.db.dialect.inList('session_id', sessionIds);
    const rows = await this.db.query(
      `SELECT session_id, peer_id, peer_user_id, CAST(seq AS TEXT) AS seq, segments, CAST(bytes AS TEXT) AS bytes, CAST(paid AS TEXT) AS paid FROM payment_receipt_marks WHERE ${inSessions.sql}`,
      inSessions.params,
    );
    return rows.map((r) => ({
      sessionId: String(r.session_id),
      peerId: String(r.peer_id),
      peerUserId: String(r.peer_user_id),
      seq: Number(r.seq),
      segments: Number(r.segments),
      bytes: Number(r.bytes),
      paid: BigInt(r.paid as string),
    }));
  }

  /** The stored counters of these (viewer key, peer user) pairs, 400 pairs per statement. */
  async pairsOf(keys: Array<[viewerKey: string, peerUserId: string]>): Promise<PairCounter[]> {
    const out: PairCounter[] = [];
    for (let i = 0; i < keys.length; i += 400) {
      const part = keys.slice(i, i + 400);
      const rows = this.db.dialect.postgres
        ? await this.db.query(
            `SELECT viewer_key, peer_user_id, window_start, segments FROM payment_pair_stats WHERE (viewer_key, peer_user_id) IN (SELECT * FROM unnest(?::varchar[], ?::varchar[]))`,
            [part.map((p) => p[0]), part.map((p) => p[1])],
          )
        : await this.db.query(
            `SELECT viewer_key, peer_user_id, window_start, segments FROM payment_pair_stats WHERE (viewer_key, peer_user_id) IN (VALUES ${part.map(() => '(?, ?)').join(', ')})`,
            part.flat(),
          );
      for (const r of rows)
        out.push({
          viewerKey: String(r.viewer_key),
          peerUserId: String(r.peer_user_id),
          windowStart: toDate(r.window_start),
          segments: Number(r.segments),
        });
    }
    return out;
  }

  /** Upserts the marks (one statement on PostgreSQL). */
  async saveMarks(marks: ReceiptMark[], now: Date): Promise<void> {
    const at = this.db.dialect.time(now);
    await bulkInsert(
      this.db,
      'payment_receipt_marks',
      [
        ['session_id', 'varchar'],
        ['peer_id', 'varchar'],
        ['peer_user_id', 'varchar'],
        ['seq', 'bigint'],
        ['segments', 'int'],
        ['bytes', 'bigint'],
        ['paid', 'bigint'],
        ['updated_at', 'timestamptz'],
      ],
      marks.map((m) => [m.sessionId, m.peerId, m.peerUserId, m.seq, m.segments, m.bytes, m.paid.toString(), at]),
      'ON CONFLICT (session_id, peer_id) DO UPDATE SET seq = excluded.seq, segments = excluded.segments, bytes = excluded.bytes, paid = excluded.paid, updated_at = excluded.updated_at',
    );
  }

  async insertRewards(rewards: Reward[], now: Date): Promise<void> {
    const at = this.db.dialect.time(now);
    await bulkInsert(
      this.db,
      'payment_rewards',
      [
        ['entry_id', 'varchar'],
        ['session_id', 'varchar'],
        ['peer_id', 'varchar'],
        ['peer_user_id', 'varchar'],
        ['segments', 'int'],
        ['created_at', 'timestamptz'],
      ],
      rewards.map((r) => [r.entryId, r.sessionId, r.peerId, r.peerUserId, r.segments, at]),
    );
  }

  /** Upserts the pair counters in the order given (callers sort them: two calls take their row locks in one order). */
  async savePairs(pairs: PairCounter[]): Promise<void> {
    await bulkInsert(
      this.db,
      'payment_pair_stats',
      [
        ['viewer_key', 'varchar'],
        ['peer_user_id', 'varchar'],
        ['window_start', 'timestamptz'],
        ['segments', 'int'],
      ],
      pairs.map((p) => [p.viewerKey, p.peerUserId, this.db.dialect.time(p.windowStart), p.segments]),
      'ON CONFLICT (viewer_key, peer_user_id) DO UPDATE SET window_start = excluded.window_start, segments = excluded.segments',
    );
  }

  /** A peer user's rewards since `since`, with the UTC day each was paid on. */
  async rewardsOf(peerUserId: string, since: Date): Promise<Array<{ entryId: string; day: string; segments: number }>> {
    const rows = await this.db.query(
      `SELECT entry_id, ${this.db.dialect.utcDay('created_at')} AS day, segments FROM payment_rewards WHERE peer_user_id = ? AND created_at >= ?`,
      [peerUserId, this.db.dialect.time(since)],
    );
    return rows.map((r) => ({ entryId: String(r.entry_id), day: String(r.day), segments: Number(r.segments) }));
  }
}
