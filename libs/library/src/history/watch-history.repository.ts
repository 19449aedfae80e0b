import { Injectable } from '@nestjs/common';
import { Database, Row, keysetAfter, toBool, toDate } from '@wetube/platform';

/** Where an account left one video. */
export interface WatchRecord {
  userId: string;
  videoId: string;
  positionSec: number;
  finished: boolean;
  watchedAt: Date;
}

function toWatchRecord(r: Row): WatchRecord {
  return {
    userId: String(r.user_id),
    videoId: String(r.video_id),
    positionSec: Number(r.position_sec),
    finished: toBool(r.finished),
    watchedAt: toDate(r.watched_at),
  };
}

/** Which of a listing's rows the viewer may still watch: their own videos, or READY ones that are not private. */
const WATCHABLE = `(v.owner_id = h.user_id OR (v.status = 'READY' AND v.visibility <> 'PRIVATE'))`;

/** The watch_history and history_settings tables (one row per account and video; one per account). */
@Injectable()
export class WatchHistoryRepository {
  constructor(private readonly db: Database) {}

  /** Writes where the account is in the video now (one row per account and video, the newest wins). */
  async upsert(w: WatchRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO watch_history (user_id, video_id, position_sec, finished, watched_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, video_id) DO UPDATE SET position_sec = excluded.position_sec, finished = excluded.finished, watched_at = excluded.watched_at`,
      [w.userId, w.videoId, w.positionSec, this.db.dialect.bool(w.finished), this.db.dialect.time(w.watchedAt)],
    );
  }

  async find(userId: string, videoId: string): Promise<WatchRecord | null> {
    const [r] = await this.db.query(`SELECT * FROM watch_history WHERE user_id = ? AND video_id = ?`, [userId, videoId]);
    return r ? toWatchRecord(r) : null;
  }

  /** The account's rows for these videos (the cards and the watch page ask per video). */
  async findMany(userId: string, videoIds: readonly string[]): Promise<WatchRecord[]> {
    if (videoIds.length === 0) return [];
    const ids = this.db.dialect.inList('video_id', [...videoIds]);
    const rows = await this.db.query(`SELECT * FROM watch_history WHERE user_id = ? AND ${ids.sql}`, [userId, ...ids.params]);
    return rows.map(toWatchRecord);
  }

  /**
   * The account's history, newest first ((watched_at, video_id) DESC), `limit` rows after the cursor,
   * only videos the account may still watch. `unfinishedFrom`: only unfinished ones at or past that position.
   */
  async page(
    userId: string,
    limit: number,
    after: { watchedAt: Date; videoId: string } | null,
    unfinishedFrom?: number,
  ): Promise<WatchRecord[]> {
    const where = [`h.user_id = ?`, WATCHABLE];
    const params: unknown[] = [userId];
    if (unfinishedFrom !== undefined) {
      where.push(`h.finished = ?`, `h.position_sec >= ?`);
      params.push(this.db.dialect.bool(false), unfinishedFrom);
    }
    if (after) {
      const k = keysetAfter([
        { column: 'h.watched_at', value: this.db.dialect.time(after.watchedAt), order: 'DESC' },
        { column: 'h.video_id', value: after.videoId, order: 'DESC' },
      ]);
      where.push(k.sql);
      params.push(...k.params);
    }
    const rows = await this.db.query(
      `SELECT h.* FROM watch_history h JOIN videos v ON v.id = h.video_id WHERE ${where.join(' AND ')}
       ORDER BY h.watched_at DESC, h.video_id DESC LIMIT ?`,
      [...params, limit],
    );
    return rows.map(toWatchRecord);
  }

  /** How many entries of the account's history are listed (videos it may still watch). */
  async count(userId: string): Promise<number> {
    const [r] = await this.db.query(
      `SELECT COUNT(*) AS n FROM watch_history h JOIN videos v ON v.id = h.video_id WHERE h.user_id = ? AND ${WATCHABLE}`,
      [userId],
    );
    return Number(r.n);
  }

  /** Removes one entry; true when there was one. */
  async remove(userId: string, videoId: string): Promise<boolean> {
    const rows = await this.db.query(`DELETE FROM watch_history WHERE user_id = ? AND video_id = ? RETURNING video_id`, [userId, videoId]);
    return rows.length > 0;
  }

  /** Removes the account's whole history; the number of entries removed. */
  async clear(userId: string): Promise<number> {
    const rows = await this.db.query(`DELETE FROM watch_history WHERE user_id = ? RETURNING video_id`, [userId]);
    return rows.length;
  }

  async isPaused(userId: string): Promise<boolean> {
    const [r] = await this.db.query(`SELECT paused FROM history_settings WHERE user_id = ?`, [userId]);
    return r ? toBool(r.paused) : false;
  }

  async setPaused(userId: string, paused: boolean, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO history_settings (user_id, paused, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET paused = excluded.paused, updated_at = excluded.updated_at`,
      [userId, this.db.dialect.bool(paused), this.db.dialect.time(at)],
    );
  }
}
