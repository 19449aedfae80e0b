import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  NodeEd25519Verifier,
  parseSignedSessionCert,
  RECEIPT_DOMAIN,
  ReceiptBook,
  signReceipt,
  verifySessionCert,
  WebCryptoEd25519Signer,
} from '@wetube/swarm';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';

const START = `mutation($input: StartPlaybackInput!) { playbackSession(input: $input) {
  session { sessionId videoId certificate expiresAt masterUrl trackerUrls iceServers { urls username credential } } userErrors { field code message } } }`;

describe('playback sessions: a certified session key for receipts', () => {
  let api: TestApi;
  let owner: ApiClient;
  let viewer: ApiClient;
  let videoId: string;
  let originKey: Buffer;

  before(async () => {
    api = await startApi('sqlite', { PLAYBACK_SESSIONS_BURST: '8', PLAYBACK_SESSIONS_PER_MINUTE: '1' });
    owner = new ApiClient(api.url);
    viewer = new ApiClient(api.url);
    await owner.signUp('Owner');
    await viewer.signUp('Viewer');
    const clip = await generateClip({ path: join(api.dataDir, 'p.mp4'), durationSec: 3, width: 320, height: 180 });
    videoId = (await tusUpload(owner, clip)).videoId!;
    assert.equal((await waitForStatus(owner, videoId, ['READY', 'FAILED'])).status, 'READY');
    const wellKnown: any = await (await fetch(`${api.url}/.well-known/wetube-origin.json`)).json();
    originKey = Buffer.from(wellKnown.publicKey, 'base64url');
  });
  after(async () => api?.close());

  it('certifies a browser-made (WebCrypto) session key; a peer accepts receipts signed under it', async () => {
    const sessionKey = await WebCryptoEd25519Signer.generate();
    const r = await viewer.gql(START, { input: { videoId, sessionPublicKey: Buffer.from(sessionKey.publicKey).toString('base64url') } });
    const session = r.data.playbackSession.session;
    assert.deepEqual(r.data.playbackSession.userErrors, []);
    assert.ok(session.masterUrl.endsWith(`/hls/${videoId}/master.m3u8`));
    assert.deepEqual(session.iceServers, [], 'no public STUN servers');
    assert.ok(session.trackerUrls.some((u: string) => u.startsWith('ws') && u.endsWith('/tracker')));
    const signed = parseSignedSessionCert(session.certificate);
    const check = await verifySessionCert(signed.cert, signed.signature, originKey, new NodeEd25519Verifier());
    assert.equal(check.ok, true);
    assert.equal(signed.cert.videoId, videoId);
    assert.equal(signed.cert.sessionId, session.sessionId);
    assert.deepEqual(Buffer.from(signed.cert.sessionPublicKey), Buffer.from(sessionKey.publicKey));
    assert.ok(signed.cert.expiresAt > Date.now() + 3600_000);

    // A peer (seeder or browser) holding the origin key accepts a receipt the viewer signs.
    const book = new ReceiptBook({ peerId: 'peer-1', originPublicKey: originKey, verifier: new NodeEd25519Verifier() });
    const receipt = {
      domain: RECEIPT_DOMAIN,
      sessionId: session.sessionId,
      peerId: 'peer-1',
      seq: 1,
      lastSegmentCid: 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4',
      cumulativeSegments: 2,
      cumulativeBytes: 500_000,
    };
    const decision = await book.accept({ cert: signed, receipt, signature: await signReceipt(receipt, sessionKey) });
    assert.equal(decision.accepted, true);
    // The same receipt signed by another key (a forger) is refused.
    const forger = await WebCryptoEd25519Signer.generate();
    const newer = { ...receipt, seq: 2, cumulativeSegments: 3, cumulativeBytes: 750_000 };
    const forged = await book.accept({ cert: signed, receipt: newer, signature: await signReceipt(newer, forger) });
    assert.equal(forged.accepted, false);
    assert.equal((forged as { reason: string }).reason, 'bad-signature');
  });

  it('refuses a malformed key, an unknown video and a private video of someone else', async () => {
    const key = Buffer.alloc(32, 7).toString('base64url');
    const bad = (await viewer.gql(START, { input: { videoId, sessionPublicKey: 'not-a-key' } })).data.playbackSession;
    assert.equal(bad.session, null);
    assert.equal(bad.userErrors[0].code, 'INVALID_SESSION_KEY');
    const missing = (await viewer.gql(START, { input: { videoId: '00000000-0000-0000-0000-000000000000', sessionPublicKey: key } })).data
      .playbackSession;
    assert.equal(missing.userErrors[0].code, 'NOT_FOUND');
    await owner.gql(`mutation { updateVideo(input: {id: "${videoId}", visibility: PRIVATE}) { video { id } } }`);
    const hidden = (await viewer.gql(START, { input: { videoId, sessionPublicKey: key } })).data.playbackSession;
    assert.equal(hidden.userErrors[0].code, 'NOT_FOUND');
    const mine = (await owner.gql(START, { input: { videoId, sessionPublicKey: key } })).data.playbackSession;
    assert.ok(mine.session.sessionId);
    const again = (await owner.gql(START, { input: { videoId, sessionPublicKey: key } })).data.playbackSession;
    assert.equal(again.session, null, 'a session key names one session');
    assert.equal(again.userErrors[0].code, 'SESSION_KEY_IN_USE');
  });

  it('a client address may start PLAYBACK_SESSIONS_BURST sessions at once; then RATE_LIMITED with when to retry, other addresses unaffected', async () => {
    const start = (ip: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ query: START, variables: { input: { videoId, sessionPublicKey: randomBytes(32).toString('base64url') } } }),
      }).then(async (r) => ((await r.json()) as any).data.playbackSession);
    await owner.gql(`mutation { updateVideo(input: {id: "${videoId}", visibility: PUBLIC}) { video { id } } }`);
    for (let i = 0; i < 8; i++) assert.deepEqual((await start('198.51.100.7')).userErrors, [], `session ${i + 1} of the burst`);
    const refused = await start('198.51.100.7');
    assert.equal(refused.session, null);
    assert.equal(refused.userErrors[0].code, 'RATE_LIMITED');
    assert.match(refused.userErrors[0].message, /Too many playback sessions .* try again in \d+ s/);
    assert.deepEqual((await start('198.51.100.8')).userErrors, [], 'another address');
  });
});
