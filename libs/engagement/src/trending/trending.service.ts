import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { VideoEntity, VideosService, VideoStatus, Visibility } from '@wetube/catalog';
import { VideoViewsRepository } from '../views/video-views.repository';

/** Trending ranks by the views of the last 48 hours. */
export const TRENDING_WINDOW_MS = 48 * 3600_000;
/** The most a trending list holds. */
export const TRENDING_MAX = 50;
/** A list is reused for this long (every home page asks; the ranking moves slowly). */
const CACHE_MS = 10_000;

/**
 * Trending: PUBLIC, READY videos ranked by their views in the last 48 h, the newest first among
 * equals. The ranking (ids) is cached for a few seconds; the rows are read and re-checked on every
 * call, so a video made private or deleted leaves the list at once.
 */
@Injectable()
export class TrendingService {
  private readonly ranking = new LRUCache<number, string[]>({ max: TRENDING_MAX, ttl: CACHE_MS });

  constructor(
    private readonly views: VideoViewsRepository,
    private readonly videos: VideosService,
  ) {}

  /** The first `first` (1..TRENDING_MAX) trending videos. `now` (tests) ranks as of then, uncached. */
  async trending(first: number, now?: Date): Promise<VideoEntity[]> {
    let ids = now ? undefined : this.ranking.get(first);
    if (!ids) {
      const at = now ?? new Date();
      ids = (await this.views.mostViewed(new Date(at.getTime() - TRENDING_WINDOW_MS), at, first)).map((r) => r.videoId);
      if (!now) this.ranking.set(first, ids);
    }
    return (await this.videos.findByIds(ids)).filter((v) => v.status === VideoStatus.READY && v.visibility === Visibility.PUBLIC);
  }
}
