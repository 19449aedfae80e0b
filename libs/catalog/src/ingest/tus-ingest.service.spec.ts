import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Upload } from '@tus/server';
import { StorageRepository } from '@wetube/content';
import { Role, SessionTokenService, type AuthUser } from '@wetube/identity';
import { AppConfig } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import type { VideoEntity } from '../videos/video.entity';
import { TRANSCODE_QUEUE, type TranscodeQueue } from '../videos/transcode-queue';
import { Visibility } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';
import { TusIngestService } from './tus-ingest.service';

// Small tests of the tus ingest's rules (who may upload, what is refused before a byte, what a
// finished upload becomes): the hooks @tus/server calls, with tokens, videos, the queue and the
// upload store faked. The HTTP side (tus itself) is in apps/api/test/upload*.spec.ts.

const config = AppConfig.fromEnv({
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/wetube',
  JWT_SECRET: 'x'.repeat(32),
  MAX_UPLOAD_BYTES: '1MB',
});

const USERS: Record<string, AuthUser> = {
  creator: { id: 'creator', roles: [Role.VIEWER, Role.CREATOR] } as AuthUser,
  other: { id: 'other', roles: [Role.VIEWER, Role.CREATOR] } as AuthUser,
  advertiser: { id: 'adv', roles: [Role.VIEWER, Role.ADVERTISER] } as AuthUser,
  viewer: { id: 'viewer', roles: [Role.VIEWER] } as AuthUser,
};

/** The tus server's hooks as the service gives them (private: @tus/server is their only caller). */
interface Hooks {
  store: { getUpload(id: string): Promise<Upload> };
  checkCaller(req: Request, uploadId: string): Promise<void>;
  onCreate(req: Request, upload: Upload): Promise<{ metadata: Upload['metadata'] }>;
  onFinish(req: Request, upload: Upload): Promise<{ headers: Record<string, string> }>;
}

function request(method: string, token?: string): Request {
  return new Request('http://api.test/api/uploads', { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

function upload(over: Partial<ConstructorParameters<typeof Upload>[0]> = {}): Upload {
  return new Upload({ id: 'up-1', offset: 0, size: 500_000, metadata: { filename: 'holiday.mp4' }, ...over });
}

function service(o: { stored?: Upload | null } = {}) {
  const t = newTestService(TusIngestService, {
    fakes: [
      fake(AppConfig, config),
      fake(StorageRepository, {}),
      fake(SessionTokenService, { verify: (token) => (token ? (USERS[token] ?? null) : null) }),
      fake(VideosService, { createFromUpload: async (input) => ({ id: 'video-1', ...input }) as unknown as VideoEntity }),
      fake<TranscodeQueue>(TRANSCODE_QUEUE, { add: async () => undefined }),
    ],
  });
  const hooks = t.sut as unknown as Hooks;
  hooks.store = {
    getUpload: async () => {
      if (!o.stored) throw new Error('no such upload');
      return o.stored;
    },
  };
  return { ...t, hooks };
}

/** The tus error a hook threw: its status and JSON body. */
async function refusal(p: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    const e = err as { status_code: number; body: string };
    return { status: e.status_code, body: JSON.parse(e.body) as Record<string, unknown> };
  }
  throw new Error('the hook did not refuse');
}

describe('TusIngestService (small)', () => {
  it('only signed-in creators, advertisers and admins upload; CORS preflights pass', async () => {
    const { hooks } = service();
    assert.deepEqual(await refusal(hooks.checkCaller(request('POST'), '')), {
      status: 401,
      body: { message: 'Sign in to upload videos.' },
    });
    assert.deepEqual(await refusal(hooks.checkCaller(request('POST', 'forged'), '')), {
      status: 401,
      body: { message: 'Sign in to upload videos.' },
    });
    const viewer = await refusal(hooks.checkCaller(request('POST', 'viewer'), ''));
    assert.equal(viewer.status, 403);
    assert.match(String(viewer.body.message), /creator or advertiser role/);
    await hooks.checkCaller(request('POST', 'creator'), '');
    await hooks.checkCaller(request('POST', 'advertiser'), '');
    await hooks.checkCaller(request('OPTIONS'), 'up-1');
  });

  it('only the uploader may continue an upload', async () => {
    const mine = upload({ metadata: { filename: 'a.mp4', ownerId: 'creator' } });
    const { hooks, callsTo } = service({ stored: mine });
    await hooks.checkCaller(request('PATCH', 'creator'), 'up-1');
    await hooks.checkCaller(request('HEAD', 'creator'), 'up-1');
    assert.deepEqual(await refusal(hooks.checkCaller(request('PATCH', 'other'), 'up-1')), {
      status: 403,
      body: { message: 'This upload belongs to another account.' },
    });
    assert.deepEqual(callsTo('SessionTokenService.verify').slice(-1), [['other']]);
    // An upload the store does not know is left to tus (it answers 404 itself).
    await service({ stored: null }).hooks.checkCaller(request('PATCH', 'other'), 'gone');
  });

  it('an upload is refused when it is created, before a byte: no declared size, over the limit, or bad details naming the field', async () => {
    const { hooks } = service();
    const req = request('POST', 'creator');
    assert.equal((await refusal(hooks.onCreate(req, upload({ size: undefined })))).status, 400);
    const big = await refusal(hooks.onCreate(req, upload({ size: 1_500_000 })));
    assert.equal(big.status, 413);
    assert.match(String(big.body.message), /1\.5 MB.*the limit is 1 MB/);
    const badVisibility = await refusal(hooks.onCreate(req, upload({ metadata: { filename: 'a.mp4', visibility: 'SECRET' } })));
    assert.equal(badVisibility.status, 400);
    assert.equal(badVisibility.body.field, 'visibility');
    assert.equal(badVisibility.body.code, 'VISIBILITY_UNKNOWN');
  });

  it('a created upload records its owner and a plain file name (never a path)', async () => {
    const { hooks } = service();
    const { metadata } = await hooks.onCreate(
      request('POST', 'creator'),
      upload({ metadata: { filename: '../../etc/holiday.mp4', ownerId: 'someone-else', visibility: 'unlisted' } }),
    );
    assert.equal(metadata?.ownerId, 'creator', 'the owner comes from the token, not from the metadata sent');
    assert.equal(metadata?.filename, 'holiday.mp4');
  });

  it('a finished upload becomes a video of its owner with its details, and its transcode is queued', async () => {
    const { hooks, callsTo, callNames } = service();
    const done = upload({
      offset: 500_000,
      metadata: { filename: 'holiday.mp4', ownerId: 'creator', title: '  Summer  ', tags: 'sea, sun', visibility: 'unlisted' },
    });
    const r = await hooks.onFinish(request('PATCH', 'creator'), done);
    assert.deepEqual(r, { headers: { 'Wetube-Video-Id': 'video-1' } });
    const [[input]] = callsTo('VideosService.createFromUpload') as [[Record<string, unknown>]];
    assert.equal(input.ownerId, 'creator');
    assert.equal(input.uploadId, 'up-1');
    assert.equal(input.title, 'Summer');
    assert.deepEqual(input.tags, ['sea', 'sun']);
    assert.equal(input.visibility, Visibility.UNLISTED);
    assert.equal(input.sourceName, 'holiday.mp4');
    assert.equal(input.sourceBytes, 500_000);
    assert.deepEqual(callsTo('TRANSCODE_QUEUE.add'), [['video-1', { videoId: 'video-1' }]]);
    assert.deepEqual(callNames(), ['VideosService.createFromUpload', 'TRANSCODE_QUEUE.add'], 'recorded first, then queued');

    // Without a title the file's name (without its extension) is the title.
    const untitled = service();
    await untitled.hooks.onFinish(request('PATCH', 'creator'), upload({ metadata: { filename: 'my trip.mov', ownerId: 'creator' } }));
    assert.equal((untitled.callsTo('VideosService.createFromUpload')[0][0] as { title: string }).title, 'my trip');
  });
});
