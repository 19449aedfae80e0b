import { Injectable } from '@nestjs/common';
import { canView, VideoEntity, VideosService } from '@wetube/catalog';
import type { AuthUser } from '@wetube/identity';
import { UserError } from '@wetube/platform';
import { WatchHistoryRepository, WatchRecord } from './watch-history.repository';
import { isFinished, positionProblem, STARTED_AFTER_SEC } from './watch-progress.rules';

/** An entry of a history listing with its video (loaded, and re-checked: the viewer may watch it). */
export interface HistoryEntry {
  record: WatchRecord;
  video: VideoEntity;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  hasNextPage: boolean;
}

export type RecordResult = { ok: true; recorded: boolean; record: WatchRecord | null } | { ok: false; error: UserError };

/**
 * Watch history: where each signed-in viewer left each video (the player reports it), resume
 * positions, "Continue watching", clearing and pausing. Rules in watch-progress.rules.ts; SQL in
 * WatchHistoryRepository.
 */
@Injectable()
export class WatchHistoryService {
  constructor(
    private readonly history: WatchHistoryRepository,
    private readonly videos: VideosService,
  ) {}

  /** The player's report: `viewer` is at `positionSec` in the video. Nothing is written while their history is paused. */
  async record(viewer: AuthUser, videoId: string, positionSec: number, now = new Date()): Promise<RecordResult> {
    const video = await this.videos.findById(videoId);
    if (!video || !canView(video, viewer)) return { ok: false, error: UserError.of('videoId', 'No such video.', 'NOT_FOUND') };
    if (video.status !== 'READY' || video.durationMs == null) {
      return { ok: false, error: UserError.of('videoId', 'This video cannot be played yet.', 'VIDEO_NOT_READY') };
    }
    const durationSec = video.durationMs / 1000;
    const problem = positionProblem(positionSec, durationSec);
    if (problem) return { ok: false, error: UserError.of('positionSeconds', problem, 'BAD_POSITION') };
    if (await this.history.isPaused(viewer.id)) return { ok: true, recorded: false, record: null };
    const position = Math.round(Math.min(positionSec, durationSec) * 10) / 10;
    const record: WatchRecord = {
      userId: viewer.id,
      videoId,
      positionSec: position,
      finished: isFinished(position, durationSec),
      watchedAt: now,
    };
    await this.history.upsert(record);
    return { ok: true, recorded: true, record };
  }

  /** The viewer's history, newest first, only videos they may still watch. */
  async list(viewer: AuthUser, first: number, after: { watchedAt: Date; videoId: string } | null): Promise<HistoryPage> {
    return this.pageOf(viewer, first, after);
  }

  /** Started, unfinished videos, newest first ("Continue watching"). */
  async continueWatching(viewer: AuthUser, first: number): Promise<HistoryEntry[]> {
    return (await this.pageOf(viewer, first, null, STARTED_AFTER_SEC)).entries;
  }

  count(viewer: AuthUser): Promise<number> {
    return this.history.count(viewer.id);
  }

  /** Where the viewer is in each of these videos (absent: never watched, or not signed in). */
  async progressOf(viewerId: string, videoIds: readonly string[]): Promise<Map<string, WatchRecord>> {
    return new Map((await this.history.findMany(viewerId, videoIds)).map((r) => [r.videoId, r]));
  }

  remove(viewer: AuthUser, videoId: string): Promise<boolean> {
    return this.history.remove(viewer.id, videoId);
  }

  clear(viewer: AuthUser): Promise<number> {
    return this.history.clear(viewer.id);
  }

  isPaused(viewer: AuthUser): Promise<boolean> {
    return this.history.isPaused(viewer.id);
  }

  /** Paused: reports are accepted and dropped (nothing recorded) until resumed; what is there stays. */
  async setPaused(viewer: AuthUser, paused: boolean, now = new Date()): Promise<boolean> {
    await this.history.setPaused(viewer.id, paused, now);
    return paused;
  }

  /** One page: the repository filters what the viewer may watch; the loaded videos are checked again with canView. */
  private async pageOf(
    viewer: AuthUser,
    first: number,
    after: { watchedAt: Date; videoId: string } | null,
    unfinishedFrom?: number,
  ): Promise<HistoryPage> {
    const rows = await this.history.page(viewer.id, first + 1, after, unfinishedFrom);
    const page = rows.slice(0, first);
    const videos = new Map((await this.videos.findByIds(page.map((r) => r.videoId))).map((v) => [v.id, v]));
    const entries: HistoryEntry[] = [];
    for (const record of page) {
      const video = videos.get(record.videoId);
      if (video && canView(video, viewer)) entries.push({ record, video });
    }
    return { entries, hasNextPage: rows.length > first };
  }
}
