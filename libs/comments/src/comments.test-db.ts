import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { VideoEntity, VideosService, VideoStatus, Visibility } from '@wetube/catalog';
import { AuthUser, Role, UserEntity } from '@wetube/identity';
import { Database, RateLimiterFactory } from '@wetube/platform';
import { type DbKind, testDataSource } from '@wetube/testing';
import type { CommentLimits } from './comment-limits';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

// The database matrix lives in libs/testing (one copy for every harness). (Test support, not exported by index.ts.)
export { databaseMatrix, type DbKind } from '@wetube/testing';

export interface CommentsTestDb {
  ds: DataSource;
  repo: CommentsRepository;
  service: CommentsService;
  /** The stand-in for catalog's VideosService the service reads videos through. */
  videos: VideosService;
  user(displayName: string, roles?: Role[]): Promise<AuthUser>;
  video(owner: AuthUser, v?: Partial<VideoEntity>): Promise<VideoEntity>;
  close(): Promise<void>;
}

/**
 * A migrated private database (a temp SQLite file, or a PostgreSQL database cloned from the
 * migrated template) with a CommentsService on it; videos are read from the database by a small
 * stand-in for catalog's VideosService (its `findById` only).
 */
export async function commentsTestDb(db: DbKind, limits?: CommentLimits): Promise<CommentsTestDb> {
  const { ds, close } = await testDataSource(db, [UserEntity, VideoEntity], { prefix: 'wetube_c' });
  const repo = new CommentsRepository(new Database(ds));
  const videos = { findById: (id: string) => ds.getRepository(VideoEntity).findOneBy({ id }) } as unknown as VideosService;
  const service = new CommentsService(repo, videos, RateLimiterFactory.inMemory(), limits);
  let n = 0;
  return {
    ds,
    repo,
    service,
    videos,
    user: async (displayName, roles = [Role.CREATOR]) => {
      const id = randomUUID();
      await ds.getRepository(UserEntity).insert({
        id,
        email: `c${++n}-${id.slice(0, 8)}@example.test`,
        passwordHash: 'x',
        displayName,
        roles,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      return { id, roles };
    },
    video: async (owner, v = {}) => {
      const now = new Date();
      const row = ds.getRepository(VideoEntity).create({
        id: randomUUID(),
        ownerId: owner.id,
        title: 'A video',
        description: '',
        tags: [],
        visibility: Visibility.PUBLIC,
        status: VideoStatus.READY,
        progress: 100,
        failureReason: null,
        durationMs: 60_000,
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
    close,
  };
}
