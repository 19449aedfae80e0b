import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BullMqQueue } from '@wetube/platform';
import { freePort, generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { tusUpload, waitForStatus } from './upload.helper';
import { eventually, list, scratchDir, sleep, storage } from './support-files';
import { API_MAIN, JWT_SECRET, Proc, spawnNode, TRANSCODER_MAIN, waitForLog, waitHealthy, waitMidEncode } from './support-proc';

/**
 * The api (embedded transcode worker) is killed with SIGKILL, only the node process, not its
 * process group, as the OOM killer or `kill -9 <pid>` would, while ffmpeg is encoding. No encoder
 * may keep running for the dead run: (a) ffmpeg dies with its worker; (b) with (a) turned off
 * (FFMPEG_DIE_WITH_PARENT=0) the orphan keeps encoding, and the next start ends it and removes its
 * folder before the retried job makes the video READY.
 */
const CLIP_SEC = 60;
let clip: string;
let scratch: Awaited<ReturnType<typeof scratchDir>>;

/** Live (not zombie) processes, from /proc. */
async function processes(): Promise<{ pid: number; ppid: number; argv: string[] }[]> {
  const out: { pid: number; ppid: number; argv: string[] }[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (rest[0] === 'Z' || rest[0] === 'X') continue;
      const argv = (await readFile(`/proc/${name}/cmdline`, 'utf8')).split('\0').filter(Boolean);
      out.push({ pid: Number(name), ppid: Number(rest[1]), argv });
    } catch {
      /* gone */
    }
  }
  return out;
}

/** ffmpeg processes writing into `dir`. */
async function encodersIn(dir: string) {
  return (await processes()).filter((p) => basename(p.argv[0] ?? '') === 'ffmpeg' && p.argv.some((a) => a.startsWith(`${dir}/`)));
}

before(async () => {
  scratch = await scratchDir('orphans');
  // 60 s at 640x360: the 360/240 ultrafast ladder keeps ffmpeg busy for several seconds.
  clip = await generateClip({ path: join(scratch.dir, 'long.mp4'), durationSec: CLIP_SEC, width: 640, height: 360 });
});
after(async () => {
  await scratch?.remove();
});

describe('no encoder outlives a worker killed with SIGKILL (the api embedded worker, a transcoder process)', () => {
  const procs: Proc[] = [];
  const dataDirs: string[] = [];
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const REDIS_URL = process.env.REDIS_URL;

  after(async () => {
    for (const p of procs) await p.stop(); // also SIGKILLs what is left of each process group
    if (REDIS_URL) {
      const q = new BullMqQueue('transcode', REDIS_URL, { attempts: 1, backoffMs: 1000, prefix });
      await q.obliterate().catch(() => undefined);
      await q.close();
    }
    for (const d of dataDirs) await rm(d, { recursive: true, force: true });
  });

  async function platform() {
    const dataDir = await mkdtemp(join(tmpdir(), 'wetube-orphans-'));
    dataDirs.push(dataDir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const start = async (name: string, env: Record<string, string> = {}) => {
      const proc = spawnNode(name, API_MAIN, {
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_API_URL: url,
        JWT_SECRET,
        TRANSCODE_PRESET: 'ultrafast',
        TRANSCODE_RUNGS: '360,240',
        TRANSCODE_ATTEMPTS: '2',
        ...env,
      });
      procs.push(proc);
      await waitHealthy(url, proc);
      return proc;
    };
    /** A separate transcoder process on the same data folder (BullMQ). */
    const startTranscoder = async (name: string) => {
      const proc = spawnNode(name, TRANSCODER_MAIN, {
        DATA_DIR: dataDir,
        JWT_SECRET,
        REDIS_URL: REDIS_URL!,
        QUEUE_PREFIX: prefix,
        TRANSCODE_PRESET: 'ultrafast',
        TRANSCODE_RUNGS: '360,240',
        TRANSCODE_ATTEMPTS: '2',
      });
      procs.push(proc);
      await waitForLog(proc, /consuming transcode jobs \(bullmq/);
      return proc;
    };
    return { dataDir, url, s: storage(dataDir), start, startTranscoder };
  }

  /** Uploads the clip and waits until the api's ffmpeg is encoding it; returns that encoder. */
  async function encoding(p: Awaited<ReturnType<typeof platform>>, api: Proc) {
    const creator = new ApiClient(p.url);
    await creator.signUp('Killed mid-encode');
    const up = await tusUpload(creator, clip, { title: 'Outlives its encoder' });
    assert.ok(up.videoId, JSON.stringify(up.error));
    const seen = await waitMidEncode(creator, up.videoId!, p.s.tmp);
    assert.equal(seen.tmpEntries.length, 1, `one run folder: ${seen.tmpEntries}`);
    const runDir = join(p.s.tmp, seen.tmpEntries[0]);
    const [encoder, ...more] = await encodersIn(runDir);
    assert.ok(encoder, `an ffmpeg writes into ${runDir}`);
    assert.equal(more.length, 0);
    assert.equal(encoder.ppid, api.pid, 'the encoder is the api process child');
    return { creator, id: up.videoId!, runDir, encoder, progress: seen.progress };
  }

  it('(a) SIGKILL to the api: its ffmpeg dies with it; the restarted api makes the video READY', async (t) => {
    const p = await platform();
    const api1 = await p.start('api#1');
    const run = await encoding(p, api1);
    t.diagnostic(`killing api ${api1.pid} at ${run.progress}%, ffmpeg ${run.encoder.pid}`);
    process.kill(api1.pid, 'SIGKILL');
    await api1.exited;

    await eventually('no ffmpeg left writing into the dead run folder', async () => (await encodersIn(run.runDir)).length === 0, 3000, 50);

    const api2 = await p.start('api#2');
    const video = await waitForStatus(run.creator, run.id, ['READY', 'FAILED'], 120_000);
    assert.equal(video.status, 'READY', `${video.failureReason}\n${api2.logs()}`);
    assert.doesNotMatch(api2.logs(), /leftover encoder/, 'nothing was left for the restart to end');
    assert.match(api2.logs(), /removed 1 unfinished transcode folder/);
    assert.deepEqual(await list(p.s.tmp), []);
  });

  it('(b) with (a) off the orphan keeps encoding; the next start ends it, removes its folder, and the retry makes the video READY', async (t) => {
    const p = await platform();
    // A slow preset stands for a long source: the orphan would encode for minutes.
    const api1 = await p.start('api#1', { FFMPEG_DIE_WITH_PARENT: '0', TRANSCODE_PRESET: 'slow' });
    const run = await encoding(p, api1);
    process.kill(api1.pid, 'SIGKILL');
    await api1.exited;

    // The bug this guards against: the encoder outlives its worker and goes on writing.
    await sleep(1000);
    const [orphan] = await encodersIn(run.runDir);
    assert.ok(orphan, 'without (a), ffmpeg survives the SIGKILL of its worker');
    assert.equal(orphan.pid, run.encoder.pid);
    assert.notEqual(orphan.ppid, api1.pid, 're-parented');
    const before = (await list(join(run.runDir, '360p'))).length;
    await eventually('the orphan to write more segments', async () => (await list(join(run.runDir, '360p'))).length > before, 10_000);
    t.diagnostic(`orphan ffmpeg ${orphan.pid} still encoding into ${basename(run.runDir)}`);

    assert.equal((await encodersIn(run.runDir))[0]?.pid, orphan.pid, 'still encoding when the api restarts');
    const api2 = await p.start('api#2');
    await waitForLog(api2, /ended 1 leftover encoder/);
    assert.match(api2.logs(), new RegExp(`ffmpeg ${orphan.pid} of worker ${api1.pid}`));
    assert.deepEqual(await encodersIn(run.runDir), [], 'the orphan is gone once the api is up');
    assert.ok(!(await processes()).some((x) => x.pid === orphan.pid), `ffmpeg ${orphan.pid} is not running`);
    assert.ok(!(await list(p.s.tmp)).includes(basename(run.runDir)), 'its folder is removed');

    const video = await waitForStatus(run.creator, run.id, ['READY', 'FAILED'], 120_000);
    assert.equal(video.status, 'READY', `${video.failureReason}\n${api2.logs()}`);
    assert.deepEqual(await list(p.s.tmp), []);
    const published = await readdir(join(p.s.videoDir(run.id), '360p'));
    assert.equal(published.filter((f) => f.endsWith('.m4s')).length, CLIP_SEC / 2);
    assert.ok(!(await readdir(p.s.videoDir(run.id))).some((f) => f.startsWith('.encoder-')), 'no encoder record is published');
  });

  it(
    '(a) for a transcoder process too: SIGKILL leaves no encoder, and a new transcoder makes the video READY',
    { skip: !REDIS_URL && 'needs REDIS_URL (BullMQ)' },
    async (t) => {
      const p = await platform();
      await p.start('api', { REDIS_URL: REDIS_URL!, QUEUE_PREFIX: prefix, TRANSCODE_IN_PROCESS: 'false' });
      const tr1 = await p.startTranscoder('transcoder#1');
      const run = await encoding(p, tr1);
      t.diagnostic(`killing transcoder ${tr1.pid} at ${run.progress}%, ffmpeg ${run.encoder.pid}`);
      process.kill(tr1.pid, 'SIGKILL');
      await tr1.exited;
      await eventually(
        'no ffmpeg left writing into the dead run folder',
        async () => (await encodersIn(run.runDir)).length === 0,
        3000,
        50,
      );

      const tr2 = await p.startTranscoder('transcoder#2');
      const video = await waitForStatus(run.creator, run.id, ['READY', 'FAILED'], 150_000);
      assert.equal(video.status, 'READY', `${video.failureReason}\n${tr2.logs()}`);
      assert.match(tr2.logs(), /removed 1 unfinished transcode folder/);
      assert.deepEqual(await list(p.s.tmp), []);
    },
  );
});
