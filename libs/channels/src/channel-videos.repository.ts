import { Injectable } from '@nestjs/common';
import { Database, toDate, type Cursor } from '@wetube/platform';

export type ChannelVideoOrder = 'NEWEST' | 'OLDEST' | 'MOST_VIEWED';

/** One video of a listing: its keyset (created_at, id); the service loads the videos. */
export type VideoKey = Cursor;

/** Where a channel page starts: after this row; MOST_VIEWED also needs the row's view count. */
export type ChannelVideoAfter = Cursor & { viewCount?: number };

const LISTED = `status = 'READY' AND visibility = 'PUBLIC'`;

/**
 * The catalog's `videos` as channels list them: a channel's videos and the subscription feed. Read
 * only (the videos are the catalog's); the rows' keys come back and VideosService loads the videos.
 */
@Injectable()
export class ChannelVideosRepository {
  constructor(private readonly db: Database) {}

  /**
   * A channel's videos in `order` after the cursor: only PUBLIC READY ones unless `all` (the owner).
   * NEWEST/OLDEST: (created_at, id); MOST_VIEWED: (view_count DESC, created_at DESC, id DESC), so
   * equal counts keep a total order and the keyset never skips or repeats a row of a stable list.
   */
  async channelPage(
    ownerId: string,
    all: boolean,
    order: ChannelVideoOrder,
    first: number,
    after: ChannelVideoAfter | null,
  ): Promise<Array<VideoKey & { viewCount: number }>> {
    const dir = order === 'OLDEST' ? 'ASC' : 'DESC';
    const params: unknown[] = [ownerId];
    let where = `owner_id = ?${all ? '' : ` AND ${LISTED}`}`;
    if (after && order === 'MOST_VIEWED') {
      // One row-value comparison over the whole key (all DESC), as for the dates below.
      where += ` AND (view_count, created_at, id) < (?, ?, ?)`;
      params.push(after.viewCount ?? 0, this.db.dialect.time(after.createdAt), after.id);
    } else if (after) {
      // A row-value comparison, so the index range can start at the cursor (the OR form may only filter).
      where += ` AND (created_at, id) ${dir === 'ASC' ? '>' : '<'} (?, ?)`;
      params.push(this.db.dialect.time(after.createdAt), after.id);
    }
    params.push(first);
    const orderBy = order === 'MOST_VIEWED' ? 'view_count DESC, created_at DESC, id DESC' : `created_at ${dir}, id ${dir}`;
    const rows = await this.db.query(`SELECT id, created_at, view_count FROM videos WHERE ${where} ORDER BY ${orderBy} LIMIT ?`, params);
    return rows.map((r) => ({ id: String(r.id), createdAt: toDate(r.created_at), viewCount: Number(r.view_count ?? 0) }));
  }

  /** How many videos the channel lists (PUBLIC READY), or has in all for its owner. */
  async channelCounts(ownerIds: readonly string[], all = false): Promise<Map<string, number>> {
    const out = new Map(ownerIds.map((id) => [id, 0]));
    if (ownerIds.length === 0) return out;
    const list = this.db.dialect.inList('owner_id', [...ownerIds]);
    const rows = await this.db.query(
      `SELECT owner_id, COUNT(*) AS n FROM videos WHERE ${list.sql}${all ? '' : ` AND ${LISTED}`} GROUP BY owner_id`,
      list.params,
    );
    for (const r of rows) out.set(String(r.owner_id), Number(r.n));
    return out;
  }

  /**
   * The subscription feed: the newest PUBLIC READY videos of the channels `subscriberId` follows,
   * after the cursor. Each followed channel gives at most `first` rows through the partial index
   * idx_videos_channel_feed (owner_id, created_at, id) — a LATERAL join on PostgreSQL, a correlated
   * rowid subquery on SQLite — and only those are merged and sorted, so the work grows with
   * (channels followed × page size), not with how many videos those channels have.
   */
  async feedPage(subscriberId: string, first: number, after: Cursor | null): Promise<VideoKey[]> {
    let keyset = '';
    let keysetParams: unknown[] = [];
    if (after) {
      // (created_at, id) DESC keyset as a row value, so each channel's index range starts at the cursor.
      keyset = 'AND (v.created_at, v.id) < (?, ?)';
      keysetParams = [this.db.dialect.time(after.createdAt), after.id];
    }
    const listed = `v.status = 'READY' AND v.visibility = 'PUBLIC'`;
    const sql = this.db.postgres
      ? `SELECT f.id, f.created_at FROM channel_subscriptions s
           CROSS JOIN LATERAL (SELECT v.id, v.created_at FROM videos v
             WHERE v.owner_id = s.channel_id AND ${listed} ${keyset} ORDER BY v.created_at DESC, v.id DESC LIMIT ?) f
           WHERE s.subscriber_id = ? ORDER BY f.created_at DESC, f.id DESC LIMIT ?`
      : `SELECT w.id, w.created_at FROM channel_subscriptions s CROSS JOIN videos w ON w.rowid IN (
             SELECT v.rowid FROM videos v INDEXED BY idx_videos_channel_feed
             WHERE v.owner_id = s.channel_id AND ${listed} ${keyset} ORDER BY v.created_at DESC, v.id DESC LIMIT ?)
           WHERE s.subscriber_id = ? ORDER BY w.created_at DESC, w.id DESC LIMIT ?`;
    // In the order of the text: the per-channel keyset and limit, then the subscriber and the page's limit.
    const rows = await this.db.query(sql, [...keysetParams, first, subscriberId, first]);
    return rows.map((r) => ({ id: String(r.id), createdAt: toDate(r.created_at) }));
  }

  /**
   * The baseline the feed bench compares with (not used by the app): the plain statement — the
   * followed channels' listed videos filtered by `owner_id IN (…)` and sorted, as the planner likes.
   */
  async feedPageNaive(subscriberId: string, first: number): Promise<VideoKey[]> {
    const rows = await this.db.query(
      `SELECT id, created_at FROM videos WHERE owner_id IN (SELECT channel_id FROM channel_subscriptions WHERE subscriber_id = ?)
         AND ${LISTED} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [subscriberId, first],
    );
    return rows.map((r) => ({ id: String(r.id), createdAt: toDate(r.created_at) }));
  }
}
