import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WebCryptoEd25519Signer } from '@wetube/swarm';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';

const SECRET = 'the coturn static-auth-secret of this test';
const START = `mutation($input: StartPlaybackInput!) { playbackSession(input: $input) {
  session { sessionId expiresAt iceServers { urls username credential } } userErrors { code message } } }`;
const NODE = `{ peerIceServers { expiresAt iceServers { urls username credential } } }`;

const hmac = (username: string) => createHmac('sha1', SECRET).update(username).digest('base64');

describe("ICE servers: the platform's own STUN/TURN with per-session TURN credentials", () => {
  let api: TestApi;
  let viewer: ApiClient;
  let videoId: string;

  before(async () => {
    api = await startApi('sqlite', {
      STUN_URLS: 'stun:turn.wetube.test:3478',
      TURN_URLS: 'turn:turn.wetube.test:3478?transport=udp,turn:turn.wetube.test:3478?transport=tcp',
      TURN_SECRET: SECRET,
      TURN_TTL_SEC: '3600',
    });
    const owner = new ApiClient(api.url);
    viewer = new ApiClient(api.url);
    await owner.signUp('Owner');
    const clip = await generateClip({ path: join(api.dataDir, 'ice.mp4'), durationSec: 2, width: 320, height: 180 });
    videoId = (await tusUpload(owner, clip)).videoId!;
    assert.equal((await waitForStatus(owner, videoId, ['READY', 'FAILED'])).status, 'READY');
  });
  after(async () => api?.close());

  async function session() {
    const key = await WebCryptoEd25519Signer.generate();
    const r = await viewer.gql(START, { input: { videoId, sessionPublicKey: Buffer.from(key.publicKey).toString('base64url') } });
    assert.deepEqual(r.data.playbackSession.userErrors, []);
    return r.data.playbackSession.session;
  }

  it("hands each playback session the configured STUN servers and TURN with a credential of that session's own, expiring with it (at most TURN_TTL_SEC)", async () => {
    const before = Math.floor(Date.now() / 1000);
    const a = await session();
    const b = await session();
    assert.deepEqual(a.iceServers[0], { urls: ['stun:turn.wetube.test:3478'], username: null, credential: null });
    const turn = a.iceServers[1];
    assert.deepEqual(turn.urls, ['turn:turn.wetube.test:3478?transport=udp', 'turn:turn.wetube.test:3478?transport=tcp']);
    const [expiry, user] = turn.username.split(':');
    assert.equal(user, a.sessionId, 'the TURN user is the session');
    assert.ok(
      Number(expiry) >= before + 3600 - 1 && Number(expiry) <= Math.floor(Date.now() / 1000) + 3600,
      `expires TURN_TTL_SEC from now: ${expiry}`,
    );
    assert.ok(Number(expiry) * 1000 <= new Date(a.expiresAt).getTime(), 'never after the session');
    assert.equal(turn.credential, hmac(turn.username), "coturn's use-auth-secret credential: base64 HMAC-SHA1(secret, username)");
    assert.notEqual(b.iceServers[1].credential, turn.credential, 'another session, another credential');
    assert.equal(b.iceServers[1].username.split(':')[1], b.sessionId);
  });

  it('gives a peer node (seeder) ICE servers with a TURN credential of its own', async () => {
    const r = await new ApiClient(api.url).gql(NODE);
    const { iceServers, expiresAt } = r.data.peerIceServers;
    const turn = iceServers.find((s: { urls: string[] }) => s.urls[0].startsWith('turn:'));
    assert.match(turn.username, /^\d+:node-[0-9a-f-]{36}$/);
    assert.equal(turn.credential, hmac(turn.username));
    assert.equal(Number(turn.username.split(':')[0]), Math.floor(new Date(expiresAt).getTime() / 1000));
  });
});

describe('ICE configuration is validated at start', () => {
  it('refuses TURN URLs without a secret and URLs of the wrong scheme, naming the variable', async () => {
    await assert.rejects(startApi('sqlite', { TURN_URLS: 'turn:x.test:3478' }), /TURN_SECRET/);
    await assert.rejects(startApi('sqlite', { STUN_URLS: 'http://x.test' }), /STUN_URLS/);
    await assert.rejects(startApi('sqlite', { TURN_URLS: 'turn:x.test:3478', TURN_SECRET: 'short' }), /TURN_SECRET/);
  });
});
