/**
 * The seeder against the real api, in process: it fetches a published video's renditions from the
 * origin web seed, then serves them to a second, web-seed-less client over TCP, takes that client's
 * payment receipts over wt_receipt (session certificate from the api's playbackSession, origin key
 * from /.well-known/wetube-origin.json), then restarts on the same folder without fetching anything
 * again and still refuses a replayed receipt.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@wetube/platform';
import {
  encodeReceiptMessage,
  NodeEd25519Signer,
  parseSignedSessionCert,
  RECEIPT_DOMAIN,
  type Receipt,
  type ReceiptExtension,
  receiptExtension,
  signReceipt,
  type SignedSessionCert,
} from '@wetube/swarm';
import { freePort, generateClip } from '@wetube/testing';
import { createApi } from '../../api/src/main';
import { ApiClient } from '../../api/test/api.client';
import { tusUpload, waitForStatus } from '../../api/test/upload.helper';
import type { KeeperDecision } from '../src/receipt.keeper';
import { SeederService } from '../src/seeder.service';
import type { ReceiptsFile } from '../src/seeder.store';
import { type TorrentSnapshot, WebTorrentRepository } from '../src/webtorrent.repository';

interface Swarm {
  rendition: string;
  infoHash: string;
  torrentUrl: string;
  bytes: number;
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result in ${ms} ms`)), ms))),
  ]);
};

describe('seeder node against the api', { timeout: 60_000 }, () => {
  let app: NestExpressApplication;
  let config: AppConfig;
  let apiUrl: string;
  let dataDir: string;
  let seederDir: string;
  let leecherDir: string;
  let videoId: string;
  let swarms: Swarm[];
  let seeder: SeederService | undefined;
  let leecher: WebTorrentRepository | undefined;
  let originHits = 0;
  const logs: string[] = [];
  const t0 = Date.now();
  const mark = (what: string) => console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`);

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wetube-seeder-api-'));
    seederDir = await mkdtemp(join(tmpdir(), 'wetube-seeder-'));
    leecherDir = await mkdtemp(join(tmpdir(), 'wetube-leecher-'));
    // The torrents name PUBLIC_API_URL as web seed and tracker, so the api must know its own port.
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    config = AppConfig.fromEnv({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_API_URL: apiUrl,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      TRANSCODE_PRESET: 'ultrafast',
      QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    });
    app = await createApi(config);
    await app.listen(port, '127.0.0.1');
    // Count what the origin serves of the video's segments (web-seed traffic), not the .torrent files.
    app.getHttpServer().prependListener('request', (req: IncomingMessage) => {
      if (videoId && req.url?.startsWith(`/hls/${videoId}/`) && !req.url.includes('/torrents/')) originHits++;
    });
    const client = new ApiClient(apiUrl);
    await client.signUp('Seeder Owner');
    const clip = await generateClip({ path: join(dataDir, 'clip.mp4'), durationSec: 4, width: 320, height: 180 });
    videoId = (await tusUpload(client, clip)).videoId!;
    assert.equal((await waitForStatus(client, videoId, ['READY', 'FAILED'], 40_000)).status, 'READY');
    const r = await client.gql(`query($id: ID!) { video(id: $id) { swarms { rendition infoHash torrentUrl bytes } } }`, { id: videoId });
    swarms = r.data.video.swarms;
    assert.ok(swarms.length >= 2, JSON.stringify(swarms));
    mark(`api up, video ${videoId} published with ${swarms.map((s) => `${s.rendition} ${s.bytes} B`).join(', ')}`);
  });

  after(async () => {
    await leecher?.destroy().catch(() => undefined);
    await seeder?.stop().catch(() => undefined);
    await app?.close();
    for (const dir of [dataDir, seederDir, leecherDir]) if (dir) await rm(dir, { recursive: true, force: true });
    if (process.env.SEEDER_TEST_LOGS) console.log(logs.join('\n'));
  });

  // Every decision the seeder makes on a wt_receipt message, in order.
  const decisions: KeeperDecision[] = [];
  const waiting: Array<(d: KeeperDecision) => void> = [];
  const nextDecision = (): Promise<KeeperDecision> =>
    withTimeout(decisions.length ? Promise.resolve(decisions.shift()!) : new Promise((r) => waiting.push(r)), 10_000, 'receipt decision');

  const newSeeder = () =>
    new SeederService({
      apiUrl,
      selection: { kind: 'ids', ids: [videoId] },
      maxDiskBytes: 100e6,
      dir: seederDir,
      port: 0,
      webrtc: true,
      rtcBindAddress: '127.0.0.1',
      refreshMs: 0,
      log: (m) => logs.push(m),
      debug: (m) => logs.push(`debug: ${m}`),
      receiptsFlushMs: 100,
      onReceipt: (d) => {
        const w = waiting.shift();
        if (w) w(d);
        else decisions.push(d);
      },
    });

  /**
   * A web-seed-less viewer client with wt_receipt (its platform id: its session key) that downloads the
   * smallest rendition from the seeder over TCP; resolves with its wt_receipt end of the seeder's wire.
   */
  const viewerClient = async (
    localPeerId: string,
    dir: string,
  ): Promise<{ client: WebTorrentRepository; ext: ReceiptExtension; swarm: Swarm }> => {
    const seederId = seeder!.publicKeyBase64url;
    let found!: (ext: ReceiptExtension) => void;
    const toSeeder = new Promise<ReceiptExtension>((r) => (found = r));
    const client = await WebTorrentRepository.open({
      torrentPort: 0,
      webrtc: false,
      wireExtensions: [
        receiptExtension({ localPeerId, onExtendedHandshake: (ext) => ext.remotePeerId === seederId && ext.supported && found(ext) }),
      ],
    });
    const swarm = [...swarms].sort((a, b) => a.bytes - b.bytes)[0];
    const file = Buffer.from(await (await fetch(swarm.torrentUrl)).arrayBuffer());
    await client.add(file, { path: dir, webSeeds: false });
    client.addPeer(swarm.infoHash, `127.0.0.1:${seeder!.port}`);
    await withTimeout(client.whenDone(swarm.infoHash), 10_000, 'viewer download');
    return { client, ext: await withTimeout(toSeeder, 5_000, 'wt_receipt handshake with the seeder'), swarm };
  };

  const readReceiptsFile = async (): Promise<ReceiptsFile> => JSON.parse(await readFile(join(seederDir, 'receipts.json'), 'utf8'));

  let firstKey: string;

  it('fetches every piece of every rendition from the origin web seed', async () => {
    seeder = newSeeder();
    await seeder.start();
    firstKey = seeder.publicKeyBase64url;
    assert.equal(Buffer.from(firstKey, 'base64url').length, 32);
    assert.deepEqual([...seeder.held.keys()].sort(), swarms.map((s) => s.infoHash).sort());
    await withTimeout(seeder.whenComplete(), 20_000, 'seeder download');
    const status = seeder.status();
    const total = swarms.reduce((n, s) => n + s.bytes, 0);
    assert.equal(status.complete, swarms.length);
    assert.equal(status.diskUsed, total);
    assert.ok(status.webSeedDownloaded >= total, `web seed gave ${status.webSeedDownloaded} of ${total}`);
    assert.ok(originHits > 0);
    mark(`seeder complete: ${total} B, ${status.webSeedDownloaded} B from the web seed in ${originHits} origin requests`);
  });

  it('serves whole renditions to a peer that has no web seed, byte for byte', async () => {
    assert.ok(seeder);
    leecher = await WebTorrentRepository.open({ torrentPort: 0, webrtc: false });
    const hitsBefore = originHits;
    let viaTracker = 0;
    for (const swarm of swarms) {
      const file = Buffer.from(await (await fetch(swarm.torrentUrl)).arrayBuffer());
      const infoHash = await leecher.add(file, { path: leecherDir, webSeeds: false });
      assert.equal(infoHash, swarm.infoHash);
      // Peer discovery through the api's HTTP tracker; fall back to a direct connection (and say so).
      try {
        await withTimeout(leecher.whenDone(infoHash), 10_000, 'tracker discovery');
        viaTracker++;
      } catch {
        mark(`${swarm.rendition}: not found through the tracker in 10 s; connecting to 127.0.0.1:${seeder.port} directly`);
        leecher.addPeer(infoHash, `127.0.0.1:${seeder.port}`);
        await withTimeout(leecher.whenDone(infoHash), 10_000, 'direct download');
      }
      const snap: TorrentSnapshot = leecher.snapshot(infoHash)!;
      assert.equal(snap.webSeedReceived, 0);
      assert.equal(snap.held, swarm.bytes);
      // Same bytes as the origin's own files.
      const dir = join(config.storageDir, 'videos', videoId, swarm.rendition);
      const got = join(leecherDir, videoId, swarm.rendition);
      const origin = await readFile(join(dir, 'init.mp4'));
      assert.deepEqual(await readFile(join(got, 'init.mp4')), origin);
      for (let i = 0; ; i++) {
        const name = `seg_${String(i).padStart(5, '0')}.m4s`;
        let want: Buffer;
        try {
          want = await readFile(join(dir, name));
        } catch {
          assert.ok(i > 0);
          break;
        }
        assert.ok((await readFile(join(got, name))).equals(want), `${swarm.rendition}/${name}`);
      }
    }
    assert.equal(originHits, hitsBefore, 'the second client never touched the origin');
    assert.ok(seeder.status().uploaded >= swarms.reduce((n, s) => n + s.bytes, 0));
    mark(`second client got ${swarms.length} renditions from the seeder (${viaTracker} found through the HTTP tracker)`);
    assert.equal(viaTracker, swarms.length, 'peer discovery through the HTTP tracker');
    await leecher.destroy();
    leecher = undefined;
  });

  let sessionKey: NodeEd25519Signer;
  let cert: SignedSessionCert;
  let firstMessage: Uint8Array;
  let receiptedBytes: number;

  it('takes a signed receipt from a viewer peer over wt_receipt, keeps it in receipts.json, refuses a replay', async () => {
    assert.ok(seeder);
    // A viewer's playback session: the api certifies its session key with the origin key.
    const viewer = new ApiClient(apiUrl);
    await viewer.signUp('Receipt Viewer');
    sessionKey = NodeEd25519Signer.generate();
    const r = await viewer.gql(
      `mutation($input: StartPlaybackInput!) { playbackSession(input: $input) { session { sessionId certificate } userErrors { code message } } }`,
      { input: { videoId, sessionPublicKey: Buffer.from(sessionKey.publicKey).toString('base64url') } },
    );
    assert.deepEqual(r.data.playbackSession.userErrors, []);
    cert = parseSignedSessionCert(r.data.playbackSession.session.certificate);

    const dir = await mkdtemp(join(tmpdir(), 'wetube-viewer-'));
    const { client, ext, swarm } = await viewerClient(Buffer.from(sessionKey.publicKey).toString('base64url'), dir);
    try {
      // The viewer learned whom to pay from the extended handshake.
      assert.equal(ext.remotePeerId, seeder.publicKeyBase64url);
      receiptedBytes = swarm.bytes;
      const receipt: Receipt = {
        domain: RECEIPT_DOMAIN,
        sessionId: cert.cert.sessionId,
        peerId: ext.remotePeerId!,
        seq: 1,
        lastSegmentCid: 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku',
        cumulativeSegments: 2,
        cumulativeBytes: swarm.bytes,
      };
      firstMessage = encodeReceiptMessage({ cert, receipt, signature: await signReceipt(receipt, sessionKey) });
      assert.equal(ext.send(firstMessage), true);
      const accepted = await nextDecision();
      assert.ok(accepted.accepted, JSON.stringify(accepted));
      assert.equal(seeder.status().receipts, 1);
      assert.equal(seeder.status().receiptedBytes, swarm.bytes);

      assert.equal(ext.send(firstMessage), true);
      const replay = await nextDecision();
      assert.equal(!replay.accepted && replay.reason, 'replayed');
      assert.ok(
        logs.some((l) => l.startsWith('debug: receipt refused (replayed)')),
        'refusal logged with its reason',
      );
      assert.deepEqual(seeder.receiptStats().refusedBy, { replayed: 1 });

      await seeder.flushReceipts(); // (the debounced write would come 100 ms later anyway)
      const kept = await readReceiptsFile();
      assert.equal(kept.peerId, seeder.publicKeyBase64url);
      assert.equal(kept.receipts.length, 1);
      assert.equal(kept.receipts[0].sessionId, cert.cert.sessionId);
      assert.equal(kept.receipts[0].videoId, videoId);
      assert.equal(kept.receipts[0].seq, 1);
      assert.equal(kept.receipts[0].cumulativeBytes, swarm.bytes);
      assert.equal(kept.receipts[0].message, Buffer.from(firstMessage).toString('base64url'));
      mark(`seeder kept a receipt for ${swarm.bytes} B from session ${cert.cert.sessionId} and refused its replay`);
    } finally {
      await client.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('restarts on the same folder complete, without fetching anything from the web seed', async () => {
    await seeder!.stop();
    originHits = 0;
    seeder = newSeeder();
    await seeder.start();
    assert.equal(seeder.publicKeyBase64url, firstKey, 'same identity');
    await withTimeout(seeder.whenComplete(), 10_000, 'restart verification');
    const status = seeder.status();
    assert.equal(status.complete, swarms.length);
    assert.equal(
      status.diskUsed,
      swarms.reduce((n, s) => n + s.bytes, 0),
    );
    assert.equal(status.webSeedDownloaded, 0);
    assert.equal(status.downloaded, 0);
    // A moment for any web-seed request that would have been started, then check the origin.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(originHits, 0, 'no segment requested from the origin after restart');
    mark('restarted complete from disk with 0 B downloaded');
    assert.equal(status.receipts, 1, 'receipts.json reloaded');
    assert.equal(status.receiptedBytes, receiptedBytes);
  });

  it('after the restart, a replayed receipt is still refused and a newer one is kept', async () => {
    assert.ok(seeder);
    const dir = await mkdtemp(join(tmpdir(), 'wetube-viewer-'));
    const { client, ext, swarm } = await viewerClient(Buffer.from(sessionKey.publicKey).toString('base64url'), dir);
    try {
      assert.equal(ext.send(firstMessage), true);
      const replay = await nextDecision();
      assert.equal(!replay.accepted && replay.reason, 'replayed');
      const receipt: Receipt = {
        domain: RECEIPT_DOMAIN,
        sessionId: cert.cert.sessionId,
        peerId: ext.remotePeerId!,
        seq: 2,
        lastSegmentCid: 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4',
        cumulativeSegments: 4,
        cumulativeBytes: 2 * swarm.bytes,
      };
      assert.equal(ext.send(encodeReceiptMessage({ cert, receipt, signature: await signReceipt(receipt, sessionKey) })), true);
      const newer = await nextDecision();
      assert.ok(newer.accepted && newer.added.bytes === swarm.bytes, JSON.stringify(newer));
      await seeder.stop(); // flushes receipts.json
      seeder = undefined;
      const kept = await readReceiptsFile();
      assert.deepEqual(
        kept.receipts.map((k) => [k.seq, k.cumulativeBytes]),
        [[2, 2 * swarm.bytes]],
      );
      mark('after the restart: replay refused, seq 2 kept');
    } finally {
      await client.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
