import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { CoverStore, VideoEntity, VideosService, VideoStatus, Visibility } from '@wetube/catalog';
import { AuthUser, Role, UserEntity } from '@wetube/identity';
import { AppConfig, Database, StorageRepository } from '@wetube/platform';
import { type DbKind, testDataSource } from '@wetube/testing';
import { WatchHistoryRepository } from './history/watch-history.repository';
import { WatchHistoryService } from './history/watch-history.service';
import { PlaylistsRepository } from './playlists/playlists.repository';
import { PlaylistsService } from './playlists/playlists.service';
import { PlaylistCoversService } from './playlists/playlist-covers.service';

// The database matrix lives in libs/testing (one copy for every harness). (Test support, not exported by index.ts.)
export { databaseMatrix, type DbKind } from '@wetube/testing';

export interface LibraryTestDb {
  ds: DataSource;
  db: Database;
  history: WatchHistoryService;
  playlists: PlaylistsService;
  /** Albums' and shows' artwork, stored in a private folder (`storageDir`). */
  covers: PlaylistCoversService;
  storageDir: string;
  /** A new account. */
  user(displayName?: string): Promise<AuthUser>;
  /** A video row (READY, PUBLIC, 60 s unless told). */
  video(ownerId: string, v?: Partial<VideoEntity>): Promise<VideoEntity>;
  setVideo(id: string, changes: Partial<VideoEntity>): Promise<void>;
  close(): Promise<void>;
}

/**
 * A migrated private database with the library's services on it. The catalog is reached through
 * what VideosService offers the library (findById, findByIds) read from the same tables.
 */
export async function libraryTestDb(kind: DbKind): Promise<LibraryTestDb> {
  const { ds, close } = await testDataSource(kind, [UserEntity, VideoEntity], { prefix: 'wetube_lib' });
  const db = new Database(ds);
  const rows = ds.getRepository(VideoEntity);
  const videos = {
    findById: (id: string) => rows.findOneBy({ id }),
    findByIds: (ids: readonly string[]) => (ids.length ? rows.findBy({ id: In([...ids]) }) : Promise.resolve([])),
  } as unknown as VideosService;
  const storageDir = await mkdtemp(join(tmpdir(), 'wetube-lib-'));
  const config = { storageDir, publicApiUrl: 'http://api.test' } as AppConfig;
  const store = new CoverStore(new StorageRepository(config), config);
  const playlistRows = new PlaylistsRepository(db);
  const playlists = new PlaylistsService(playlistRows, videos, db, store);
  let n = 0;
  return {
    ds,
    db,
    history: new WatchHistoryService(new WatchHistoryRepository(db), videos),
    playlists,
    covers: new PlaylistCoversService(playlists, playlistRows, store),
    storageDir,
    user: async (displayName = 'Viewer') => {
      const id = randomUUID();
      await ds.getRepository(UserEntity).insert({
        id,
        email: `u${++n}-${id.slice(0, 8)}@example.test`,
        passwordHash: 'x',
        displayName,
        roles: [Role.VIEWER],
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      return { id, roles: [Role.VIEWER] };
    },
    video: async (ownerId, v = {}) => {
      const now = v.createdAt ?? new Date();
      const row = rows.create({
        id: randomUUID(),
        ownerId,
        title: `Video ${++n}`,
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
      await rows.insert(row);
      return row;
    },
    setVideo: async (id, changes) => {
      await rows.update({ id }, changes);
    },
    close: async () => {
      await close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
