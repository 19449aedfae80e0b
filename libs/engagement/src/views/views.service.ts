import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { hasWatched, type PlaybackProgress, VideosService } from '@wetube/catalog';
import { Database } from '@wetube/platform';
import { VideoViewsRepository } from './video-views.repository';

/** A viewer's views of one video count once per this window (rolling: 24 h after the last counted one). */
export const VIEW_WINDOW_MS = 24 * 3600_000;

/**
 * What a heartbeat did to the count: COUNTED (one more view), NOT_WATCHED (not enough real playback
 * yet), IN_WINDOW (this viewer's view of this video was already counted in the last 24 h, or this
 * session already counted), NO_VIDEO (gone).
 */
export type ViewOutcome = 'COUNTED' | 'NOT_WATCHED' | 'IN_WINDOW' | 'NO_VIDEO';

/**
 * Counts views from the playback session's heartbeats (never from a call the viewer makes for the
 * purpose): a session that has *watched* the video (catalog's one rule, `hasWatched`: 30 s of real
 * playback, or half of a video under a minute; the heartbeat's watch time is already clamped to the
 * wall clock since the session started) counts one view, at most once per viewer (account, or the
 * anonymous session's viewer key) per video per 24 h. The window is taken, the view row written and
 * `videos.view_count` incremented in one transaction.
 */
@Injectable()
export class ViewsService {
  /**
   * Sessions already decided (counted, or their viewer's window was taken): their later heartbeats
   * (every ~30 s for the rest of the watch) skip the database. Only a shortcut: the window in the
   * database is what decides, in every api process.
   */
  private readonly settled = new LRUCache<string, true>({ max: 100_000, ttl: 3600_000 });

  constructor(
    private readonly db: Database,
    private readonly views: VideoViewsRepository,
    private readonly videos: VideosService,
  ) {}

  async recordWatch(p: PlaybackProgress): Promise<ViewOutcome> {
    if (this.settled.has(p.sessionId)) return 'IN_WINDOW';
    const video = await this.videos.findById(p.videoId);
    if (!video) return 'NO_VIDEO';
    if (!hasWatched(p.watchedMs, video.durationMs)) return 'NOT_WATCHED';
    const counted = await this.db.transaction(async () => {
      const openBefore = new Date(p.at.getTime() - VIEW_WINDOW_MS);
      if (!(await this.views.takeWindow(p.videoId, p.viewerKey, p.at, openBefore))) return false;
      await this.views.insert({ videoId: p.videoId, viewerKey: p.viewerKey, viewerId: p.viewerId, sessionId: p.sessionId, viewedAt: p.at });
      await this.views.addToCount(p.videoId);
      return true;
    });
    this.settled.set(p.sessionId, true);
    return counted ? 'COUNTED' : 'IN_WINDOW';
  }

  /**
   * Drops the viewer windows that are over (a mark older than 24 h decides nothing a missing one
   * would not), so `video_view_marks` holds about a day of viewers instead of every viewer ever.
   */
  pruneEndedWindows(now = new Date()): Promise<number> {
    return this.views.pruneMarks(new Date(now.getTime() - VIEW_WINDOW_MS));
  }
}
