import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { OriginKeyRepository } from '@wetube/content';
import { Role } from '@wetube/identity';
import { AppConfig } from '@wetube/platform';
import { NodeEd25519Signer, NodeEd25519Verifier, parseSignedSessionCert, rawPublicKey, verifySessionCert } from '@wetube/swarm';
import { fake, newTestService } from '@wetube/testing';
import type { VideoEntity } from '../videos/video.entity';
import { VideoStatus, Visibility } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';
import { VideoTorrentsService } from '../videos/video-torrents.service';
import { IceServersService } from './ice-servers.service';
import { PlaybackSessionHooks } from './playback-session.hooks';
import { PlaybackSessionService } from './playback-session.service';

// Small tests of starting a playback session: the video, the origin key, ICE and the payments hook faked.

const config = AppConfig.fromEnv({
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/wetube',
  JWT_SECRET: 'x'.repeat(32),
  PUBLIC_API_URL: 'https://tube.example',
});
const origin = NodeEd25519Signer.generate();
const sessionKey = Buffer.from(rawPublicKey(generateKeyPairSync('ed25519').publicKey)).toString('base64url');
const HOUR = 3600_000;

function video(over: Partial<VideoEntity> = {}): VideoEntity {
  return {
    id: 'v1',
    ownerId: 'creator',
    status: VideoStatus.READY,
    visibility: Visibility.PUBLIC,
    durationMs: 60_000,
    ...over,
  } as VideoEntity;
}

function service(v: VideoEntity | null, hook?: PlaybackSessionHooks['sessionStarted']) {
  return newTestService(PlaybackSessionService, {
    fakes: [
      fake(AppConfig, config),
      fake(VideosService, { findById: async () => v }),
      fake(OriginKeyRepository, {
        publicKeyRaw: () => Buffer.from(origin.publicKey),
        sign: (msg: Uint8Array) => Buffer.from(origin.signSync(msg)),
      }),
      fake(IceServersService, { forSession: () => [{ urls: ['stun:stun.tube.example:3478'] }] }),
      fake(VideoTorrentsService, {}),
      ...(hook ? [fake(PlaybackSessionHooks, { sessionStarted: hook })] : []),
    ],
  });
}

describe('PlaybackSessionService (small)', () => {
  it('certifies the viewer’s session key for this video with the origin key, for 3× its length but at least 2 h', async () => {
    const t = service(video({ durationMs: 3 * HOUR }));
    const before = Date.now();
    const r = await t.sut.start('v1', sessionKey, { id: 'viewer', roles: [] });
    assert.ok(r.ok);
    const s = r.session;
    const { cert, signature } = parseSignedSessionCert(s.certificate);
    const check = await verifySessionCert(cert, signature, origin.publicKey, new NodeEd25519Verifier());
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.equal(cert.sessionId, s.sessionId);
    assert.equal(cert.videoId, 'v1');
    assert.equal(cert.viewerId, 'viewer');
    assert.equal(Buffer.from(cert.sessionPublicKey).toString('base64url'), sessionKey);
    assert.ok(s.expiresAt.getTime() >= before + 9 * HOUR && s.expiresAt.getTime() <= Date.now() + 9 * HOUR);
    assert.equal(s.masterUrl, 'https://tube.example/hls/v1/master.m3u8');
    assert.deepEqual(s.trackerUrls, ['wss://tube.example/tracker', 'https://tube.example/tracker/announce']);
    assert.deepEqual(s.iceServers, [{ urls: ['stun:stun.tube.example:3478'] }]);
    assert.deepEqual(t.callsTo('IceServersService.forSession'), [[s.sessionId, s.expiresAt]]);
    // Without the payments lib: no budget, never ad-free.
    assert.equal(s.adFree, false);
    assert.equal(s.bandwidthBudget, 0n);

    const short = await service(video({ durationMs: 60_000 })).sut.start('v1', sessionKey, null);
    assert.ok(short.ok && short.session.expiresAt.getTime() >= before + 2 * HOUR);
    assert.ok(short.ok && short.session.expiresAt.getTime() <= Date.now() + 2 * HOUR);
  });

  it('a missing video, or one the viewer may not see, is NOT_FOUND; one still processing is NOT_READY', async () => {
    const code = async (v: VideoEntity | null, viewer: { id: string; roles: Role[] } | null = null) => {
      const r = await service(v).sut.start('v1', sessionKey, viewer);
      return r.ok ? 'OK' : r.error.code;
    };
    assert.equal(await code(null), 'NOT_FOUND');
    assert.equal(await code(video({ visibility: Visibility.PRIVATE })), 'NOT_FOUND');
    assert.equal(await code(video({ visibility: Visibility.PRIVATE }), { id: 'creator', roles: [] }), 'OK', 'its owner sees it');
    assert.equal(await code(video({ status: VideoStatus.PROCESSING }), { id: 'creator', roles: [] }), 'NOT_READY');
    assert.equal(await code(video({ visibility: Visibility.UNLISTED })), 'OK');
  });

  it('a session key that is not a raw 32-byte Ed25519 key in base64url is INVALID_SESSION_KEY, before anything is signed', async () => {
    for (const bad of ['', 'abc', `${sessionKey}A`, sessionKey.replace(/^./, '+')]) {
      const t = service(video());
      const r = await t.sut.start('v1', bad, null);
      assert.equal(!r.ok && r.error.code, 'INVALID_SESSION_KEY', bad);
      assert.deepEqual(t.callNames('OriginKeyRepository'), []);
    }
  });

  it('the payments hook is told about the session and its terms come back; a reused key is SESSION_KEY_IN_USE', async () => {
    const t = service(video(), async () => ({ adFree: true, bandwidthBudget: 1234n }));
    const r = await t.sut.start('v1', sessionKey, { id: 'viewer', roles: [] }, '198.51.100.7');
    assert.ok(r.ok);
    assert.equal(r.session.adFree, true);
    assert.equal(r.session.bandwidthBudget, 1234n);
    const [[started]] = t.callsTo('PlaybackSessionHooks.sessionStarted') as [[Record<string, unknown>]];
    assert.deepEqual(started, {
      sessionId: r.session.sessionId,
      videoId: 'v1',
      creatorId: 'creator',
      viewerId: 'viewer',
      viewerIp: '198.51.100.7',
      sessionPublicKey: sessionKey,
      expiresAt: r.session.expiresAt,
      durationMs: 60_000,
    });

    const reused = await service(video(), async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    }).sut.start('v1', sessionKey, null);
    assert.equal(!reused.ok && reused.error.code, 'SESSION_KEY_IN_USE');

    const broken = service(video(), async () => {
      throw new Error('connection terminated');
    });
    await assert.rejects(broken.sut.start('v1', sessionKey, null), /connection terminated/);
  });
});
