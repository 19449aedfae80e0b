import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { UserEntity } from '@wetube/identity';
import { AppConfig, dataSourceOptions } from '@wetube/platform';
import { VideoEntity } from '../videos/video.entity';
import { VideoStatus, Visibility } from '../videos/video.enums';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

export type DbKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when DATABASE_URL is set. (Test and bench support, not exported by index.ts.) */
export function databaseMatrix(): DbKind[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface SearchTestDb {
  ds: DataSource;
  repo: SearchRepository;
  service: SearchService;
  user(displayName: string): Promise<string>;
  video(v: Partial<VideoEntity> & { title: string; ownerId: string }): Promise<VideoEntity>;
  close(): Promise<void>;
}

/** A migrated private database (a temp SQLite file or a fresh PostgreSQL database) with the search classes on it. */
export async function searchTestDb(db: DbKind): Promise<SearchTestDb> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wetube-search-'));
  let pgName: string | null = null;
  let url: string | undefined;
  if (db === 'postgres') {
    pgName = `wetube_s_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pgName}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${pgName}`;
    url = u.toString();
  }
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: 'x'.repeat(32),
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const ds = new DataSource(dataSourceOptions(config, [UserEntity, VideoEntity]));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  const repo = new SearchRepository(ds);
  await repo.onModuleInit();
  const service = new SearchService(repo, ds);
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
    close: async () => {
      await ds.destroy();
      if (pgName) {
        const c = new Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
        await c.end();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
