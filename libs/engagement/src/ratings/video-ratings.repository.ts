import { Injectable } from '@nestjs/common';
import { Database } from '@wetube/platform';
import { VideoRating } from './video-rating';

/** The like and dislike counters of a video as they are after a change. */
export interface RatingCounts {
  likeCount: number;
  dislikeCount: number;
}

const stored = (v: unknown): VideoRating => (v === 'LIKE' ? VideoRating.LIKE : v === 'DISLIKE' ? VideoRating.DISLIKE : VideoRating.NONE);

/**
 * `video_ratings` (one LIKE or DISLIKE per account and video) and the `videos.like_count` /
 * `dislike_count` counters engagement keeps in step with it. A change runs in one transaction that
 * first locks the video's row (VideoRatingsService), so concurrent changes of one video — the same
 * account's included — apply one after the other and the counters stay exact.
 */
@Injectable()
export class VideoRatingsRepository {
  constructor(private readonly db: Database) {}

  /** Locks the video's row for this transaction (PostgreSQL; SQLite's transaction holds the write lock). False when there is no such video. */
  async lockVideo(videoId: string): Promise<boolean> {
    return (await this.db.query(`SELECT id FROM videos WHERE id = ?${this.db.dialect.forUpdate}`, [videoId])).length > 0;
  }

  async get(videoId: string, userId: string): Promise<VideoRating> {
    const [r] = await this.db.query(`SELECT rating FROM video_ratings WHERE video_id = ? AND user_id = ?`, [videoId, userId]);
    return stored(r?.rating);
  }

  /** The account's ratings of these videos (NONE for the unrated ones are left out). */
  async ofUser(userId: string, videoIds: readonly string[]): Promise<Map<string, VideoRating>> {
    const out = new Map<string, VideoRating>();
    const ids = [...new Set(videoIds)];
    for (let i = 0; i < ids.length; i += 500) {
      const where = this.db.dialect.inList('video_id', ids.slice(i, i + 500));
      const rows = await this.db.query(`SELECT video_id, rating FROM video_ratings WHERE user_id = ? AND ${where.sql}`, [
        userId,
        ...where.params,
      ]);
      for (const r of rows) out.set(String(r.video_id), stored(r.rating));
    }
    return out;
  }

  /** Writes the account's rating (LIKE or DISLIKE), replacing any. */
  async put(videoId: string, userId: string, rating: VideoRating.LIKE | VideoRating.DISLIKE, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO video_ratings (video_id, user_id, rating, rated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (video_id, user_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at`,
      [videoId, userId, rating, this.db.dialect.time(at)],
    );
  }

  async remove(videoId: string, userId: string): Promise<void> {
    await this.db.query(`DELETE FROM video_ratings WHERE video_id = ? AND user_id = ?`, [videoId, userId]);
  }

  /** Adds to the video's counters and returns them. */
  async addToCounts(videoId: string, likes: number, dislikes: number): Promise<RatingCounts> {
    const [r] = await this.db.query(
      `UPDATE videos SET like_count = like_count + ?, dislike_count = dislike_count + ? WHERE id = ? RETURNING like_count, dislike_count`,
      [likes, dislikes, videoId],
    );
    return { likeCount: Number(r?.like_count ?? 0), dislikeCount: Number(r?.dislike_count ?? 0) };
  }

  /** The counters as they are (a rating that changed nothing). */
  async counts(videoId: string): Promise<RatingCounts> {
    const [r] = await this.db.query(`SELECT like_count, dislike_count FROM videos WHERE id = ?`, [videoId]);
    return { likeCount: Number(r?.like_count ?? 0), dislikeCount: Number(r?.dislike_count ?? 0) };
  }

  /** Counts recomputed from the rows (tests check the counters against them). */
  async countRows(videoId: string): Promise<RatingCounts> {
    const [r] = await this.db.query(
      `SELECT COALESCE(SUM(CASE WHEN rating = 'LIKE' THEN 1 ELSE 0 END), 0) AS likes, COALESCE(SUM(CASE WHEN rating = 'DISLIKE' THEN 1 ELSE 0 END), 0) AS dislikes
       FROM video_ratings WHERE video_id = ?`,
      [videoId],
    );
    return { likeCount: Number(r.likes), dislikeCount: Number(r.dislikes) };
  }
}
