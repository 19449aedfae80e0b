/**
 * The seeder against the real api, in process: it fetches a published video's renditions from the
 * origin web seed, then serves them to a second, web-seed-less client over TCP, then restarts on
 * the same folder without fetching anything again.
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
import { freePort, generateClip } from '@wetube/testing';
import { createApi } from '../../api/src/main';
import { ApiClient } from '../../api/test/api.client';
import { tusUpload, waitForStatus } from '../../api/test/upload.helper';
import { SeederService } from '../src/seeder.service';
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
    });

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

  it('restarts on the same folder complete, without fetching anything from the web seed', async () => {
    await seeder!.stop();
    originHits = 0;
    seeder = newSeeder();
    await seeder.start();
    assert.equal(seeder.publicKeyBase64url, firstKey, 'same identity');
    await withTimeout(seeder.whenComplete(), 10_000, 'restart verification');
    const status = seeder.status();
    assert.equal(status.complete, swarms.length);
    assert.equal(status.diskUsed, swarms.reduce((n, s) => n + s.bytes, 0));
    assert.equal(status.webSeedDownloaded, 0);
    assert.equal(status.downloaded, 0);
    // A moment for any web-seed request that would have been started, then check the origin.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(originHits, 0, 'no segment requested from the origin after restart');
    mark('restarted complete from disk with 0 B downloaded');
    await seeder.stop();
    seeder = undefined;
  });
});
