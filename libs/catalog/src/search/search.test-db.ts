import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserEntity } from '@wetube/identity';
import { type DbKind, testDataSource } from '@wetube/testing';
import { VideoEntity } from '../videos/video.entity';
import { VideoStatus, Visibility } from '../videos/video.enums';
import { VideosRepository } from '../videos/videos.repository';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

// The database matrix lives in libs/testing (one copy for every harness). (Test and bench support, not exported by index.ts.)
export { databaseMatrix, type DbKind } from '@wetube/testing';

export interface SearchTestDb {
  ds: DataSource;
  repo: SearchRepository;
  service: SearchService;
  user(displayName: string): Promise<string>;
  video(v: Partial<VideoEntity> & { title: string; ownerId: string }): Promise<VideoEntity>;
  close(): Promise<void>;
}

/** A migrated private database (a temp SQLite file or a PostgreSQL database cloned from the migrated template) with the search classes on it. */
export async function searchTestDb(db: DbKind): Promise<SearchTestDb> {
  const { ds, close } = await testDataSource(db, [UserEntity, VideoEntity], { prefix: 'wetube_s' });
  const repo = new SearchRepository(ds);
  await repo.onModuleInit();
  const service = new SearchService(repo, new VideosRepository(ds.getRepository(VideoEntity)));
  let n = 0;
  return {
    ds,
    repo,
    service,
    user: async (displayName) => {
      const id = randomUUID();
      await ds.getRepository(UserEntity).insert({
        id,
        email: `u${++n}-${id.slice(0, 8)}@example.test`,
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
