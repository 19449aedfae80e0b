import { Injectable } from '@nestjs/common';
import { canView, VideoEntity, VideosService, VideoStatus } from '@wetube/catalog';
import type { AuthUser } from '@wetube/identity';
import { Database, RateLimiterFactory, type RateLimiter, UserError } from '@wetube/platform';
import { ratingCounts, VideoRating } from './video-rating';
import { RatingCounts, VideoRatingsRepository } from './video-ratings.repository';

/** Rating changes one account may make: 30 in a 30 s window (a person clicks a few; a script is held back). */
export const RATINGS_LIMIT = { burst: 30, perSecond: 1 };

export type RateResult = { ok: true; video: VideoEntity; rating: VideoRating; counts: RatingCounts } | { ok: false; error: UserError };

/**
 * Likes and dislikes: one rating per account and video, changeable (LIKE ↔ DISLIKE) and removable
 * (NONE). Who may rate is who may watch (catalog's `canView`: public and unlisted READY videos, a
 * private one only by its owner); others get NOT_FOUND, as for a video that does not exist. The
 * rating row and the video's counters change in one transaction that locks the video's row first.
 */
@Injectable()
export class VideoRatingsService {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly db: Database,
    private readonly ratings: VideoRatingsRepository,
    private readonly videos: VideosService,
    limits: RateLimiterFactory,
  ) {
    this.limiter = limits.create('video-ratings', RATINGS_LIMIT);
  }

  async rate(viewer: AuthUser, videoId: string, rating: VideoRating, now = new Date()): Promise<RateResult> {
    if (!Object.values(VideoRating).includes(rating))
      return { ok: false, error: UserError.of('rating', 'The rating must be LIKE, DISLIKE or NONE.', 'INVALID_RATING') };
    const video = await this.videos.findById(videoId);
    if (!video || !canView(video, viewer)) return { ok: false, error: UserError.of('videoId', 'No such video.', 'NOT_FOUND') };
    if (video.status !== VideoStatus.READY)
      return { ok: false, error: UserError.of('videoId', 'This video is not ready yet; rate it once it plays.', 'NOT_READY') };
    const allowed = await this.limiter.consume(viewer.id);
    if (!allowed.ok) {
      return {
        ok: false,
        error: UserError.of('rating', `Too many rating changes; try again in ${allowed.retryAfterSec} s.`, 'RATE_LIMITED'),
      };
    }
    const counts = await this.db.transaction(async () => {
      if (!(await this.ratings.lockVideo(videoId))) return null; // deleted meanwhile
      const before = await this.ratings.get(videoId, viewer.id);
      if (before === rating) return this.ratings.counts(videoId);
      if (rating === VideoRating.NONE) await this.ratings.remove(videoId, viewer.id);
      else await this.ratings.put(videoId, viewer.id, rating, now);
      const [was, is] = [ratingCounts(before), ratingCounts(rating)];
      return this.ratings.addToCounts(videoId, is.likes - was.likes, is.dislikes - was.dislikes);
    });
    if (!counts) return { ok: false, error: UserError.of('videoId', 'No such video.', 'NOT_FOUND') };
    const fresh = (await this.videos.findById(videoId)) ?? video;
    return { ok: true, video: fresh, rating, counts };
  }

  /** The account's rating of each of these videos (NONE when unrated). */
  async ratingsOf(userId: string, videoIds: readonly string[]): Promise<VideoRating[]> {
    const found = await this.ratings.ofUser(userId, videoIds);
    return videoIds.map((id) => found.get(id) ?? VideoRating.NONE);
  }
}
