import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TorrentBuilder, TrackerShards } from '@wetube/swarm';
import { freePort, generateClip } from '@wetube/testing';
import { SeederService } from '../../seeder/src/seeder.service';
import { ApiClient } from './api.client';
import { freshPostgres } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';
import { API_MAIN, JWT_SECRET, Proc, spawnNode, waitForLog, waitHealthy } from './support-proc';

/**
 * Scaled out: two api processes and two tracker processes (apps/tracker) on one PostgreSQL and one
 * Redis. Each swarm's tracker is the shard its infohash hashes to (TRACKER_URLS), whichever api
 * names it; viewers served by different apis meet on that one tracker process; the playbackSession
 * limit is one limit across both apis (Redis).
 */
const REDIS_URL = process.env.REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL;
const SKIP = !REDIS_URL || !DATABASE_URL ? 'needs REDIS_URL and DATABASE_URL (PostgreSQL and Redis shared by the processes)' : null;
const TRACKER_MAIN = join(__dirname, '..', '..', 'tracker', 'src', 'main.js');
const SESSIONS_BURST = 10;

// ws ships no types here; the part used by this test:
interface WebSocket {
  once(event: 'open', cb: () => void): WebSocket;
  once(event: 'error', cb: (err: Error) => void): WebSocket;
  on(event: 'message', cb: (data: Buffer) => void): WebSocket;
  send(data: string): void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WebSocket = require('ws') as new (url: string) => WebSocket;

const bin = (hex: string) => Buffer.from(hex, 'hex').toString('latin1');
const pct = (hex: string) => hex.replace(/../g, '%$&');

/** Peers a tracker's HTTP scrape reports for one infohash (complete + incomplete). */
async function scrapeCount(wsUrl: string, infoHash: string): Promise<number> {
  const res = await fetch(`${wsUrl.replace(/^ws/, 'http')}/scrape?info_hash=${pct(infoHash)}`);
  const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
  const complete = /8:completei(\d+)e/.exec(text);
  const incomplete = /10:incompletei(\d+)e/.exec(text);
  return Number(complete?.[1] ?? 0) + Number(incomplete?.[1] ?? 0);
}

/** A WebSocket tracker client that keeps every message it gets. */
async function wsPeer(url: string) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once('open', () => resolve(undefined)).once('error', reject));
  const inbox: Record<string, any>[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (d) => {
    inbox.push(JSON.parse(String(d)));
    waiters.splice(0).forEach((w) => w());
  });
  return {
    ws,
    send: (msg: object) => ws.send(JSON.stringify(msg)),
    async next(pred: (m: Record<string, any>) => boolean, timeoutMs = 10_000): Promise<Record<string, any>> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = inbox.findIndex(pred);
        if (i >= 0) return inbox.splice(i, 1)[0];
        if (Date.now() > deadline) throw new Error(`no matching tracker message; got ${JSON.stringify(inbox)}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
    },
  };
}

describe('scaled out: two api and two tracker processes on PostgreSQL + Redis', { skip: SKIP ?? false }, () => {
  const procs: Proc[] = [];
  let pg: Awaited<ReturnType<typeof freshPostgres>>;
  let dataDir: string;
  let apiA: string;
  let apiB: string;
  let trackerUrls: string[];
  let trackerHealth: string[];
  let shards: TrackerShards;
  let videoId: string;
  let swarmsA: any[];
  let swarmsB: any[];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wetube-scaled-tracker-'));
    const clip = generateClip({ path: join(dataDir, 'clip.mp4'), durationSec: 4, width: 320, height: 180 });
    pg = await freshPostgres();
    const [pa, pb, t1, t2] = [await freePort(), await freePort(), await freePort(), await freePort()];
    apiA = `http://127.0.0.1:${pa}`;
    apiB = `http://127.0.0.1:${pb}`;
    trackerUrls = [`ws://127.0.0.1:${t1}/tracker`, `ws://127.0.0.1:${t2}/tracker`];
    trackerHealth = [`http://127.0.0.1:${t1}/health`, `http://127.0.0.1:${t2}/health`];
    shards = new TrackerShards(trackerUrls, 'http://unused');
    const env = {
      DATA_DIR: join(dataDir, 'data'),
      JWT_SECRET,
      DATABASE_URL: pg.url,
      REDIS_URL: REDIS_URL!,
      QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
      TRACKER_URLS: trackerUrls.join(','),
      TRANSCODE_PRESET: 'ultrafast',
      TRANSCODE_RUNGS: '180',
      PLAYBACK_SESSIONS_BURST: String(SESSIONS_BURST),
      PLAYBACK_SESSIONS_PER_MINUTE: '1',
    };
    // api A first (it migrates the schema and makes the origin key in the shared data folder), then B.
    const a = spawnNode('api A', API_MAIN, {
      ...env,
      PORT: String(pa),
      HOST: '127.0.0.1',
      PUBLIC_API_URL: apiA,
      TRANSCODE_IN_PROCESS: 'true',
    });
    procs.push(a);
    await waitHealthy(apiA, a, 60_000);
    const b = spawnNode('api B', API_MAIN, {
      ...env,
      PORT: String(pb),
      HOST: '127.0.0.1',
      PUBLIC_API_URL: apiB,
      TRANSCODE_IN_PROCESS: 'false',
    });
    procs.push(b);
    for (const [i, port] of [t1, t2].entries()) {
      const t = spawnNode(`tracker ${i + 1}`, TRACKER_MAIN, { ...env, TRACKER_PORT: String(port), TRACKER_HOST: '127.0.0.1' });
      procs.push(t);
    }
    await Promise.all([
      waitHealthy(apiB, b, 60_000),
      ...procs.slice(2).map((t) => waitForLog(t, /listening on ws:\/\/127\.0\.0\.1:\d+\/tracker/)),
    ]);

    const creator = new ApiClient(apiA);
    await creator.signUp('Shard Creator');
    const up = await tusUpload(creator, await clip, { title: 'Sharded' });
    assert.ok(up.videoId, JSON.stringify(up.error));
    videoId = up.videoId!;
    const v = await waitForStatus(creator, videoId, ['READY', 'FAILED'], 90_000);
    assert.equal(v.status, 'READY', v.failureReason);
    await creator.gql(`mutation { updateVideo(input: {id: "${videoId}", visibility: PUBLIC}) { video { id } } }`);
    const q = `query($id: ID!) { video(id: $id) { swarms { rendition infoHash torrentUrl trackerUrls } } }`;
    swarmsA = (await new ApiClient(apiA).gql(q, { id: videoId })).data.video.swarms;
    swarmsB = (await new ApiClient(apiB).gql(q, { id: videoId })).data.video.swarms;
  });

  after(async () => {
    for (const p of procs.reverse()) await p.stop();
    await pg?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('neither api runs a tracker of its own; each tracker process is up with its limits in Redis', async () => {
    for (const api of [apiA, apiB]) assert.equal((await fetch(`${api}/tracker/announce`)).status, 404, `${api} has no embedded tracker`);
    for (const h of trackerHealth) assert.equal(((await (await fetch(h)).json()) as { limits: string }).limits, 'redis');
  });

  it('api A and api B name the same shard for each swarm, in GraphQL, in the .torrent files and in playbackSession', async () => {
    assert.deepEqual(
      swarmsA.map((s) => s.rendition),
      ['180p', 'audio'],
    );
    assert.deepEqual(
      swarmsB.map((s) => [s.infoHash, s.trackerUrls]),
      swarmsA.map((s) => [s.infoHash, s.trackerUrls]),
    );
    const builder = new TorrentBuilder();
    for (const [i, s] of swarmsA.entries()) {
      const shard = shards.shardOf(s.infoHash);
      assert.deepEqual(s.trackerUrls, [shard, `${shard.replace(/^ws/, 'http')}/announce`]);
      for (const url of [s.torrentUrl, swarmsB[i].torrentUrl]) {
        const parsed = await builder.parse(Buffer.from(await (await fetch(url)).arrayBuffer()));
        assert.equal(parsed.infoHash, s.infoHash);
        assert.deepEqual(parsed.announce, s.trackerUrls, `${url} announces to its shard`);
      }
    }
    const START = `mutation($input: StartPlaybackInput!) { playbackSession(input: $input) { session { trackerUrls } userErrors { code } } }`;
    const sessions = await Promise.all(
      [apiA, apiB].map(
        async (api) =>
          (await new ApiClient(api).gql(START, { input: { videoId, sessionPublicKey: randomBytes(32).toString('base64url') } })).data
            .playbackSession,
      ),
    );
    for (const s of sessions) {
      assert.deepEqual(s.userErrors, []);
      for (const sw of swarmsA) for (const u of sw.trackerUrls) assert.ok(s.session.trackerUrls.includes(u), `session names ${u}`);
      assert.ok(
        s.session.trackerUrls.every((u: string) => swarmsA.some((sw) => sw.trackerUrls.includes(u))),
        'and no other tracker',
      );
    }
  });

  it('a peer that got its torrent through api A and one through api B meet in one swarm on one tracker process', async () => {
    const swarm = swarmsA.find((s) => s.rendition === '180p');
    const viaA = swarm.trackerUrls[0] as string;
    const viaB = swarmsB.find((s) => s.infoHash === swarm.infoHash).trackerUrls[0] as string;
    assert.equal(viaA, viaB);
    const base = { action: 'announce', info_hash: bin(swarm.infoHash), uploaded: 0, downloaded: 0, left: 1000, event: 'started' };
    const peerA = await wsPeer(viaA);
    const peerB = await wsPeer(viaB);
    try {
      const idA = `-WA0001-${randomBytes(6).toString('hex')}`;
      const idB = `-WB0001-${randomBytes(6).toString('hex')}`;
      peerA.send({ ...base, peer_id: idA, numwant: 0, offers: [] });
      const ra = await peerA.next((m) => m.action === 'announce' && m.interval !== undefined);
      assert.equal(ra['failure reason'], undefined, JSON.stringify(ra));
      const offer = { type: 'offer', sdp: 'v=0 scaled-tracker' };
      peerB.send({ ...base, peer_id: idB, numwant: 1, offers: [{ offer, offer_id: randomBytes(10).toString('hex') }] });
      const rb = await peerB.next((m) => m.action === 'announce' && m.interval !== undefined);
      assert.equal(rb['failure reason'], undefined, JSON.stringify(rb));
      assert.equal(rb.incomplete, 2, 'the tracker holds both peers in the swarm');
      const relayed = await peerA.next((m) => m.offer !== undefined);
      assert.equal(relayed.peer_id, idB, 'peer A got peer B’s WebRTC offer');
      assert.deepEqual(relayed.offer, offer);
      // One tracker process holds the swarm: the shard's; the other knows nothing of it.
      const health = await Promise.all(trackerHealth.map(async (h) => (await (await fetch(h)).json()) as { peers: number }));
      const at = trackerUrls.indexOf(viaA);
      assert.equal(health[at].peers, 2, JSON.stringify(health));
      assert.equal(health[1 - at].peers, 0, JSON.stringify(health));
      // An HTTP client (e.g. a seeder) announcing to the shard's HTTP URL joins the same swarm.
      const http = `${swarm.trackerUrls[1]}?info_hash=${pct(swarm.infoHash)}&peer_id=${encodeURIComponent(`-WS0001-${randomBytes(6).toString('hex')}`)}&port=6881&uploaded=0&downloaded=0&left=0&compact=1&event=started`;
      const answer = Buffer.from(await (await fetch(http)).arrayBuffer()).toString('latin1');
      assert.match(answer, /10:incompletei2e/, answer);
    } finally {
      peerA.ws.close();
      peerB.ws.close();
    }
  });

  it('a tracker process refuses an infohash the database does not list', async () => {
    const peer = await wsPeer(trackerUrls[0]);
    try {
      peer.send({
        action: 'announce',
        info_hash: bin(randomBytes(20).toString('hex')),
        peer_id: `-WX0001-${randomBytes(6).toString('hex')}`,
        numwant: 0,
        offers: [],
        uploaded: 0,
        downloaded: 0,
        left: 0,
        event: 'started',
      });
      const r = await peer.next((m) => m['failure reason'] !== undefined);
      assert.match(r['failure reason'], /Unknown info_hash/);
    } finally {
      peer.ws.close();
    }
  });

  it('a seeder node that asks api B announces each swarm to its shard, and only there', async () => {
    const before = await Promise.all(swarmsA.map((s) => scrapeCount(s.trackerUrls[0], s.infoHash)));
    const dir = await mkdtemp(join(tmpdir(), 'wetube-scaled-seeder-'));
    const logs: string[] = [];
    const seeder = new SeederService({
      apiUrl: apiB,
      selection: { kind: 'ids', ids: [videoId] },
      maxDiskBytes: 100e6,
      dir,
      port: 0,
      webrtc: false,
      refreshMs: 0,
      log: (m) => logs.push(m),
    });
    try {
      await seeder.start();
      const deadline = Date.now() + 30_000;
      let counts: number[] = [];
      while (Date.now() < deadline) {
        counts = await Promise.all(swarmsA.map((s) => scrapeCount(s.trackerUrls[0], s.infoHash)));
        if (counts.every((n, i) => n === before[i] + 1)) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      assert.deepEqual(
        counts,
        before.map((n) => n + 1),
        `the seeder is in every swarm on its shard\n${logs.join('\n')}`,
      );
      for (const s of swarmsA) {
        const other = trackerUrls.find((u) => u !== s.trackerUrls[0])!;
        assert.equal(await scrapeCount(other, s.infoHash), 0, `${s.rendition} is not on the other tracker`);
      }
    } finally {
      await seeder.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it(`a playbackSession flood spread over both apis hits ONE limit: ${SESSIONS_BURST} sessions in all, not ${2 * SESSIONS_BURST}`, async () => {
    const ip = '198.51.100.77';
    const START = `mutation($input: StartPlaybackInput!) { playbackSession(input: $input) { session { sessionId } userErrors { code message } } }`;
    const start = (api: string) =>
      fetch(`${api}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ query: START, variables: { input: { videoId, sessionPublicKey: randomBytes(32).toString('base64url') } } }),
      }).then(async (r) => ((await r.json()) as any).data.playbackSession);
    const answers = await Promise.all(Array.from({ length: 3 * SESSIONS_BURST }, (_, i) => start(i % 2 === 0 ? apiA : apiB)));
    const ok = answers.filter((a) => a.session);
    const limited = answers.filter((a) => a.userErrors[0]?.code === 'RATE_LIMITED');
    assert.equal(ok.length, SESSIONS_BURST, JSON.stringify(answers.filter((a) => !a.session && a.userErrors[0]?.code !== 'RATE_LIMITED')));
    assert.equal(limited.length, 2 * SESSIONS_BURST);
    assert.match(limited[0].userErrors[0].message, /try again in \d+ s/);
    // Per-process limits would have let each api start SESSIONS_BURST of its 1.5 × SESSIONS_BURST.
  });
});
