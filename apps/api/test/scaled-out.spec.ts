import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BullMqQueue } from '@wetube/platform';
import { freePort, generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { freshPostgres } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';
import { exists, list, scratchDir, sleep, storage } from './support-files';
import { API_MAIN, JWT_SECRET, Proc, spawnNode, TRANSCODER_MAIN, waitForLog, waitHealthy, waitMidEncode } from './support-proc';

/**
 * The scaled-out mode: the api only ingests and queues (REDIS_URL, TRANSCODE_IN_PROCESS=false);
 * separate transcoder processes take the jobs from BullMQ. PostgreSQL when DATABASE_URL is set,
 * else one SQLite file shared by both processes.
 */
const REDIS_URL = process.env.REDIS_URL;
const LONG_SEC = 30;

async function health(url: string): Promise<any> {
  const res = await fetch(`${url}/api/health`);
  assert.equal(res.status, 200);
  return res.json();
}

describe(`scaled out: api + transcoder processes over BullMQ (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  let shortClip: string;
  let longClip: string;
  let dataDir: string;
  let pg: Awaited<ReturnType<typeof freshPostgres>> | null = null;
  let url: string;
  let env: Record<string, string>;
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const procs: Proc[] = [];
  let api: Proc;
  let creator: ApiClient;
  let queuedId: string;

  const startTranscoder = async (name: string): Promise<Proc> => {
    const p = spawnNode(name, TRANSCODER_MAIN, env);
    procs.push(p);
    await waitForLog(p, /consuming transcode jobs \(bullmq/);
    return p;
  };

  before(async () => {
    if (!REDIS_URL) return;
    scratch = await scratchDir('scaled');
    const clips = Promise.all([
      generateClip({ path: join(scratch.dir, 'short.mp4'), durationSec: 4, width: 320, height: 180 }),
      generateClip({ path: join(scratch.dir, 'long.mp4'), durationSec: LONG_SEC, width: 640, height: 360 }),
    ]);
    dataDir = await mkdtemp(join(tmpdir(), 'wetube-scaled-'));
    pg = process.env.DATABASE_URL ? await freshPostgres() : null;
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = {
      DATA_DIR: dataDir,
      JWT_SECRET,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      TRANSCODE_PRESET: 'ultrafast',
      TRANSCODE_RUNGS: '360,240',
      ...(pg ? { DATABASE_URL: pg.url } : {}),
    };
    api = spawnNode('api', API_MAIN, { ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_API_URL: url, TRANSCODE_IN_PROCESS: 'false' });
    procs.push(api);
    await waitHealthy(url, api);
    [shortClip, longClip] = await clips;
    creator = new ApiClient(url);
    await creator.signUp('Scaler');
  });

  after(async () => {
    for (const p of procs) await p.stop();
    if (REDIS_URL) {
      const q = new BullMqQueue('transcode', REDIS_URL, { attempts: 1, backoffMs: 1000, prefix });
      await q.obliterate().catch(() => undefined);
      await q.close();
    }
    await pg?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await scratch?.remove();
  });

  it('with no transcoder running, an upload stays UPLOADED (queued) and /api/health shows a job waiting', async (t) => {
    if (!REDIS_URL) return t.skip('needs REDIS_URL');
    const up = await tusUpload(creator, shortClip, { title: 'Queued' });
    assert.ok(up.videoId, JSON.stringify(up.error));
    queuedId = up.videoId!;
    await sleep(2500);
    const v = await waitForStatus(creator, queuedId, ['UPLOADED', 'PROCESSING', 'READY', 'FAILED']);
    assert.equal(v.status, 'UPLOADED', 'the api must not transcode when TRANSCODE_IN_PROCESS=false');
    assert.equal(v.progress, 0);
    const h = await health(url);
    assert.equal(h.status, 'ok');
    assert.equal(h.queue, 'bullmq');
    assert.equal(h.jobs.waiting, 1, JSON.stringify(h));
    assert.equal(h.jobs.active, 0, JSON.stringify(h));
    assert.equal(await exists(storage(dataDir).videoDir(queuedId)), false);
  });

  it('a transcoder process takes the queued job and the video becomes READY', async (t) => {
    if (!REDIS_URL) return t.skip('needs REDIS_URL');
    const transcoder = await startTranscoder('transcoder#1');
    const v = await waitForStatus(creator, queuedId, ['READY', 'FAILED'], 60_000);
    assert.equal(v.status, 'READY', `${v.failureReason}\n${transcoder.logs()}`);
    assert.deepEqual(
      v.renditions.map((r: { name: string }) => r.name),
      ['180p'],
    );
    // Done by the transcoder, not by the api.
    assert.match(transcoder.logs(), new RegExp(`video ${queuedId} READY`));
    assert.doesNotMatch(api.logs(), new RegExp(`video ${queuedId} READY`));
    const master = await fetch(`${url}/hls/${queuedId}/master.m3u8`);
    assert.equal(master.status, 200);
    assert.match(await master.text(), /#EXTM3U/);
    const h = await health(url);
    assert.deepEqual({ waiting: h.jobs.waiting, active: h.jobs.active }, { waiting: 0, active: 0 });
  });

  it('a transcoder killed mid-job: a new transcoder picks the stalled job up and the video becomes READY', async (t) => {
    if (!REDIS_URL) return t.skip('needs REDIS_URL');
    const first = procs.find((p) => p.name === 'transcoder#1')!;
    assert.ok(first.isRunning());
    const up = await tusUpload(creator, longClip, { title: 'Survives a dead worker' });
    assert.ok(up.videoId, JSON.stringify(up.error));
    const id = up.videoId!;
    const s = storage(dataDir);
    const seen = await waitMidEncode(creator, id, s.tmp);
    t.diagnostic(`killed the transcoder at progress ${seen.progress}% with ${seen.segments}/${LONG_SEC / 2} segments written`);
    assert.ok(seen.segments < LONG_SEC / 2, 'the encode must still be running when we kill it');
    first.killGroup('SIGKILL');
    await first.exited;
    assert.equal(await exists(s.videoDir(id)), false, 'no half video published');
    const during = await waitForStatus(creator, id, ['PROCESSING', 'UPLOADED', 'READY', 'FAILED']);
    assert.equal(during.status, 'PROCESSING', 'the video waits for its job to be recovered');

    const second = await startTranscoder('transcoder#2');
    const started = Date.now();
    const v = await waitForStatus(creator, id, ['READY', 'FAILED'], 90_000).catch((err) => {
      throw new Error(`${err.message}\n--- transcoder#2 ---\n${second.logs()}`);
    });
    t.diagnostic(`recovered and finished ${((Date.now() - started) / 1000).toFixed(1)} s after the new transcoder started`);
    assert.equal(v.status, 'READY', `${v.failureReason}\n${second.logs()}`);
    assert.deepEqual(v.renditions.map((r: { name: string }) => r.name).sort(), ['240p', '360p']);
    assert.match(second.logs(), new RegExp(`video ${id} READY`));
    assert.deepEqual(await readdir(s.tmp), [], 'tmp/ is empty afterwards');
    const published = await readdir(s.videoDir(id));
    assert.ok(published.includes('master.m3u8'));
    assert.equal((await list(join(s.videoDir(id), '360p'))).filter((f) => f.endsWith('.m4s')).length, LONG_SEC / 2);
    const h = await health(url);
    assert.deepEqual({ waiting: h.jobs.waiting, active: h.jobs.active }, { waiting: 0, active: 0 });
  });
});
