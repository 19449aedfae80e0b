import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type PlaybackProgress, VideoEntity, VideosService, VideoStatus, Visibility } from '@wetube/catalog';
import { UserEntity } from '@wetube/identity';
import { Database, RateLimiterFactory } from '@wetube/platform';
import { type DbKind, testDataSource } from '@wetube/testing';
// Test support only: catalog's VideosRepository is not exported (repositories are their lib's own), so this
// file reaches it by path to build a real VideosService on the test database without booting Nest.
import { VideosRepository } from '../../catalog/src/videos/videos.repository';
import { VideoRatingsRepository } from './ratings/video-ratings.repository';
import { VideoRatingsService } from './ratings/video-ratings.service';
import { TrendingService } from './trending/trending.service';
import { VideoViewsRepository } from './views/video-views.repository';
import { ViewsService } from './views/views.service';

// The database matrix lives in libs/testing (one copy for every harness). (Test support, not exported by index.ts.)
export { databaseMatrix, type DbKind } from '@wetube/testing';

export interface EngagementTestDb {
  ds: DataSource;
  db: Database;
  videos: VideosService;
  viewRows: VideoViewsRepository;
  ratingRows: VideoRatingsRepository;
  views: ViewsService;
  ratings: VideoRatingsService;
  trending: TrendingService;
  /** A new account; its id. */
  user(displayName?: string): Promise<string>;
  /** A new video (PUBLIC, READY, 2 minutes unless given). */
  video(v: Partial<VideoEntity> & { ownerId: string }): Promise<VideoEntity>;
  /** A heartbeat's progress for a new session (fresh ViewsService caches do not hide it). */
  progress(p: Partial<PlaybackProgress> & { videoId: string; viewerKey: string; watchedMs: number }): PlaybackProgress;
  /** The video's counters as stored. */
  counts(videoId: string): Promise<{ viewCount: number; likeCount: number; dislikeCount: number }>;
  close(): Promise<void>;
}

/** A migrated private database (a temp SQLite file, or a PostgreSQL database cloned from the migrated template) with the engagement services on it. */
export async function engagementTestDb(kind: DbKind, poolSize = 10): Promise<EngagementTestDb> {
  const { ds, close } = await testDataSource(kind, [UserEntity, VideoEntity], { prefix: 'wetube_e', poolSize });
  const db = new Database(ds);
  const videos = new VideosService(new VideosRepository(ds.getRepository(VideoEntity)));
  const viewRows = new VideoViewsRepository(db);
  const ratingRows = new VideoRatingsRepository(db);
  let n = 0;
  return {
    ds,
    db,
    videos,
    viewRows,
    ratingRows,
    views: new ViewsService(db, viewRows, videos),
    ratings: new VideoRatingsService(db, ratingRows, videos, RateLimiterFactory.inMemory()),
    trending: new TrendingService(viewRows, videos),
    user: async (displayName = 'Someone') => {
      const id = randomUUID();
      await ds.getRepository(UserEntity).insert({
        id,
        email: `e${++n}-${id.slice(0, 8)}@example.test`,
        passwordHash: 'x',
        displayName,
        roles: [],
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      return id;
    },
    video: async (v) => {
      const now = v.createdAt ?? new Date();
      const row = ds.getRepository(VideoEntity).create({
        id: randomUUID(),
        title: 'A video',
        description: '',
        tags: [],
        visibility: Visibility.PUBLIC,
        status: VideoStatus.READY,
        progress: 100,
        failureReason: null,
        durationMs: 120_000,
        width: 1280,
        height: 720,
        sourceName: null,
        sourceBytes: null,
        uploadId: null,
        renditions: [],
        attempts: 1,
        midrolls: null,
        category: null,
        createdAt: now,
        updatedAt: now,
        readyAt: now,
        ...v,
      });
      await ds.getRepository(VideoEntity).insert(row);
      return row;
    },
    progress: (p) => ({ sessionId: randomUUID(), viewerId: null, at: new Date(), ...p }),
    counts: async (videoId) => {
      const v = await videos.findById(videoId);
      if (!v) throw new Error(`no video ${videoId}`);
      return { viewCount: v.viewCount, likeCount: v.likeCount, dislikeCount: v.dislikeCount };
    },
    close,
  };
}
