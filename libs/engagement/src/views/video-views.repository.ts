import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Database } from '@wetube/platform';

/** One counted view (a row of `video_views`). */
export interface CountedView {
  videoId: string;
  /** The account id, or the anonymous playback session's viewer key. */
  viewerKey: string;
  viewerId: string | null;
  sessionId: string | null;
  viewedAt: Date;
}

/** A video and its views in a window, for trending. */
export interface WindowViews {
  videoId: string;
  views: number;
}

/**
 * Views: `video_view_marks` (the per-viewer window), `video_views` (the counted views) and the
 * `videos.view_count` counter that engagement keeps in step with them. Statements join the caller's
 * transaction (ViewsService runs the three writes of a view in one).
 */
@Injectable()
export class VideoViewsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Takes the viewer's window on this video: writes the mark when there is none or it is at or
   * before `openBefore` (the previous window is over), in one conditional upsert, so of two
   * concurrent heartbeats only one gets it. True when this call took it.
   */
  async takeWindow(videoId: string, viewerKey: string, at: Date, openBefore: Date): Promise<boolean> {
    const t = (d: Date) => this.db.dialect.time(d);
    const rows = await this.db.query(
      `INSERT INTO video_view_marks (video_id, viewer_key, counted_at) VALUES (?, ?, ?)
       ON CONFLICT (video_id, viewer_key) DO UPDATE SET counted_at = excluded.counted_at WHERE video_view_marks.counted_at <= ?
       RETURNING video_id`,
      [videoId, viewerKey, t(at), t(openBefore)],
    );
    return rows.length > 0;
  }

  /** Forgets the windows that ended before `before` (a later view takes a fresh one, as it would the old); how many. */
  async pruneMarks(before: Date): Promise<number> {
    const rows = await this.db.query(`DELETE FROM video_view_marks WHERE counted_at <= ? RETURNING video_id`, [
      this.db.dialect.time(before),
    ]);
    return rows.length;
  }

  async insert(v: CountedView): Promise<void> {
    await this.db.query(`INSERT INTO video_views (id, video_id, viewer_key, viewer_id, session_id, viewed_at) VALUES (?, ?, ?, ?, ?, ?)`, [
      randomUUID(),
      v.videoId,
      v.viewerKey,
      v.viewerId,
      v.sessionId,
      this.db.dialect.time(v.viewedAt),
    ]);
  }

  /** One more view on the video's counter. */
  async addToCount(videoId: string): Promise<void> {
    await this.db.query(`UPDATE videos SET view_count = view_count + 1 WHERE id = ?`, [videoId]);
  }

  /** Counted views of a video in [from, to) (tests and reports; the counter is what pages read). */
  async countBetween(videoId: string, from: Date, to: Date): Promise<number> {
    const t = (d: Date) => this.db.dialect.time(d);
    const [r] = await this.db.query(`SELECT COUNT(*) AS n FROM video_views WHERE video_id = ? AND viewed_at >= ? AND viewed_at < ?`, [
      videoId,
      t(from),
      t(to),
    ]);
    return Number(r.n);
  }

  /**
   * PUBLIC, READY videos by their views in [from, to], most first, the newest video first among
   * equals (then by id, so the order is total). Private, unlisted and unfinished videos never appear.
   */
  async mostViewed(from: Date, to: Date, limit: number): Promise<WindowViews[]> {
    const t = (d: Date) => this.db.dialect.time(d);
    const rows = await this.db.query(
      `SELECT w.video_id AS video_id, COUNT(*) AS views
       FROM video_views w JOIN videos v ON v.id = w.video_id
       WHERE w.viewed_at >= ? AND w.viewed_at <= ? AND v.status = 'READY' AND v.visibility = 'PUBLIC'
       GROUP BY w.video_id, v.created_at
       ORDER BY COUNT(*) DESC, v.created_at DESC, w.video_id DESC
       LIMIT ?`,
      [t(from), t(to), limit],
    );
    return rows.map((r) => ({ videoId: String(r.video_id), views: Number(r.views) }));
  }
}
