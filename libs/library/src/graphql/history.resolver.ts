import { UseGuards } from '@nestjs/common';
import { Args, Float, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { canEdit, VideoEntity, VideoType } from '@wetube/catalog';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import { AppConfig, checkFirst, RateLimiter, RateLimiterFactory, UserError } from '@wetube/platform';
import { WatchHistoryService } from '../history/watch-history.service';
import { decodeHistoryCursor, historyCursor } from './cursors';
import {
  ClearWatchHistoryPayload,
  HistorySettings,
  RecordWatchProgressPayload,
  RemoveFromHistoryPayload,
  ViewerProgress,
  WatchHistoryConnection,
  WatchHistoryEntry,
} from './history.types';

/** Reports a player may send per account: every ~10 s while playing, plus pauses, seeks and leaving. */
export const WATCH_PROGRESS_LIMIT = { burst: 30, perSecond: 0.5 };

@Resolver()
export class HistoryResolver {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly history: WatchHistoryService,
    private readonly config: AppConfig,
    limits: RateLimiterFactory,
  ) {
    this.limiter = limits.create('watch-progress', WATCH_PROGRESS_LIMIT);
  }

  @Mutation(() => RecordWatchProgressPayload, {
    description: 'The player: the signed-in viewer is at this position (every ~10 s while playing, on pause and on leaving)',
  })
  @UseGuards(AuthenticatedGuard)
  async recordWatchProgress(
    @Args('videoId', { type: () => ID }) videoId: string,
    @Args('positionSeconds', { type: () => Float }) positionSeconds: number,
    @CurrentUser() viewer: AuthUser,
  ): Promise<RecordWatchProgressPayload> {
    const allowed = await this.limiter.consume(viewer.id);
    if (!allowed.ok) {
      return {
        recorded: false,
        progress: null,
        userErrors: [UserError.of('videoId', `Too many progress reports; try again in ${allowed.retryAfterSec} s.`, 'RATE_LIMITED')],
      };
    }
    const r = await this.history.record(viewer, videoId, positionSeconds);
    if (!r.ok) return { recorded: false, progress: null, userErrors: [r.error] };
    return { recorded: r.recorded, progress: r.record ? ViewerProgress.from(r.record) : null, userErrors: [] };
  }

  @Query(() => WatchHistoryConnection, { description: "The caller's watch history, newest first (videos they may still watch)" })
  @UseGuards(AuthenticatedGuard)
  async watchHistory(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() viewer: AuthUser,
  ): Promise<WatchHistoryConnection> {
    const page = await this.history.list(viewer, checkFirst(first), decodeHistoryCursor(after));
    const edges = page.entries.map((e) => ({
      cursor: historyCursor(e.record.watchedAt, e.record.videoId),
      node: this.entry(e.video, e.record, viewer),
    }));
    return {
      edges,
      totalCount: await this.history.count(viewer),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => [WatchHistoryEntry], { description: 'Started, unfinished videos, most recently watched first (home: "Continue watching")' })
  @UseGuards(AuthenticatedGuard)
  async continueWatching(
    @Args('first', { type: () => Int, defaultValue: 12 }) first: number,
    @CurrentUser() viewer: AuthUser,
  ): Promise<WatchHistoryEntry[]> {
    const entries = await this.history.continueWatching(viewer, checkFirst(first, 50));
    return entries.map((e) => this.entry(e.video, e.record, viewer));
  }

  @Query(() => HistorySettings)
  @UseGuards(AuthenticatedGuard)
  async historySettings(@CurrentUser() viewer: AuthUser): Promise<HistorySettings> {
    return { paused: await this.history.isPaused(viewer) };
  }

  @Mutation(() => HistorySettings, { description: 'Paused: nothing is recorded until resumed (what is there stays)' })
  @UseGuards(AuthenticatedGuard)
  async setHistoryPaused(@Args('paused') paused: boolean, @CurrentUser() viewer: AuthUser): Promise<HistorySettings> {
    return { paused: await this.history.setPaused(viewer, paused) };
  }

  @Mutation(() => ClearWatchHistoryPayload)
  @UseGuards(AuthenticatedGuard)
  async clearWatchHistory(@CurrentUser() viewer: AuthUser): Promise<ClearWatchHistoryPayload> {
    return { removedCount: await this.history.clear(viewer) };
  }

  @Mutation(() => RemoveFromHistoryPayload)
  @UseGuards(AuthenticatedGuard)
  async removeFromHistory(
    @Args('videoId', { type: () => ID }) videoId: string,
    @CurrentUser() viewer: AuthUser,
  ): Promise<RemoveFromHistoryPayload> {
    return { removed: await this.history.remove(viewer, videoId) };
  }

  private entry(video: VideoEntity, record: Parameters<typeof ViewerProgress.from>[0], viewer: AuthUser): WatchHistoryEntry {
    return { video: VideoType.from(video, this.config.publicApiUrl, canEdit(video, viewer)), progress: ViewerProgress.from(record) };
  }
}
