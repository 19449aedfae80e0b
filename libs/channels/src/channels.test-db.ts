import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { VideoEntity, VideosService, VideoStatus, Visibility } from '@wetube/catalog';
import { UserEntity, UsersService } from '@wetube/identity';
import { Database, UserError } from '@wetube/platform';
import { type DbKind, testDataSource } from '@wetube/testing';
import { ChannelVideosRepository } from './channel-videos.repository';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { SubscriptionsService } from './subscriptions.service';

// The database matrix lives in libs/testing. (Test and bench support, not exported by index.ts.)
export { databaseMatrix, type DbKind } from '@wetube/testing';

export interface ChannelsTestDb {
  ds: DataSource;
  db: Database;
  repo: ChannelsRepository;
  videoKeys: ChannelVideosRepository;
  channels: ChannelsService;
  subs: SubscriptionsService;
  user(displayName: string): Promise<string>;
  video(v: Partial<VideoEntity> & { ownerId: string }): Promise<VideoEntity>;
  close(): Promise<void>;
}

/**
 * A migrated private database with the channel classes on it. The two catalog/identity services they
 * call are thin stand-ins over the same tables (their repositories are private to their libs).
 */
export async function channelsTestDb(kind: DbKind): Promise<ChannelsTestDb> {
  const { ds, close } = await testDataSource(kind, [UserEntity, VideoEntity], { prefix: 'wetube_ch' });
  const db = new Database(ds);
  const repo = new ChannelsRepository(db);
  const videoKeys = new ChannelVideosRepository(db);
  const users = {
    updateDisplayName: async (id: string, name: string) => {
      await ds.getRepository(UserEntity).update({ id }, { displayName: name, updatedAt: new Date() });
      return { ok: true as const, user: (await ds.getRepository(UserEntity).findOneByOrFail({ id })) as UserEntity };
    },
  } as unknown as UsersService;
  const videos = {
    findByIds: async (ids: string[]) => {
      const found = new Map((await ds.getRepository(VideoEntity).findBy({ id: In(ids) })).map((v) => [v.id, v]));
      return ids.flatMap((id) => found.get(id) ?? []);
    },
  } as unknown as VideosService;
  const channels = new ChannelsService(repo, users);
  const subs = new SubscriptionsService(channels, repo, videoKeys, videos);
  let n = 0;
  return {
    ds,
    db,
    repo,
    videoKeys,
    channels,
    subs,
    user: async (displayName) => {
      const id = randomUUID();
      await ds.getRepository(UserEntity).insert({
        id,
        email: `c${++n}-${id.slice(0, 8)}@example.test`,
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

/** The codes of a failed result, for asserts. */
export function codes(r: { ok: boolean; errors?: UserError[] }): string[] {
  return r.ok ? [] : (r.errors ?? []).map((e) => e.code);
}
