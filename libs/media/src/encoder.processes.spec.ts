/**
 * No encoder outlives its worker: real ffmpeg processes started by a real node process through
 * MediaRepository, that process killed with SIGKILL, /proc read to see what is left.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dieWithParentEnabled, encoderCommand, findSetpriv, isEncoderOf, readProc } from './encoder.processes';
import { TranscodeAbortedError, TranscodeError } from './media.errors';
import { MediaRepository } from './media.repository';
import type { FfmpegInvocation } from './ffmpeg-args.builder';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A slow encode of a generated picture into runDir (no source file needed). */
function slowEncode(runDir: string): FfmpegInvocation {
  return {
    input: 'testsrc2=size=640x360:rate=30',
    inputOptions: ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi'],
    outputs: [{ options: ['-t', '120', '-c:v', 'libx264', '-preset', 'veryslow', '-f', 'matroska'], target: join(runDir, 'out.mkv') }],
    durationSec: 120,
  };
}

/** Pids of live processes whose command line mentions `text`. */
async function processesMentioning(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const p = await readProc(Number(name));
    if (p && p.argv.some((a) => a.includes(text))) pids.push(Number(name));
  }
  return pids;
}

async function until<T>(what: string, get: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await get();
    if (v) return v;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('encoderCommand / isEncoderOf', () => {
  it('wraps ffmpeg in setpriv --pdeathsig KILL on Linux, unless FFMPEG_DIE_WITH_PARENT=0', () => {
    assert.equal(dieWithParentEnabled({}), true);
    assert.equal(dieWithParentEnabled({ FFMPEG_DIE_WITH_PARENT: '0' }), false);
    assert.equal(dieWithParentEnabled({ FFMPEG_DIE_WITH_PARENT: 'off' }), false);
    const setpriv = findSetpriv();
    assert.ok(setpriv, 'setpriv (util-linux) is on PATH on the machines we run on');
    assert.deepEqual(encoderCommand('/usr/bin/ffmpeg', ['-i', 'x']), {
      command: setpriv,
      args: ['--pdeathsig', 'KILL', '--', '/usr/bin/ffmpeg', '-i', 'x'],
    });
  });

  it('recognises only an ffmpeg (or setpriv about to exec it) writing into that run folder', () => {
    const run = '/data/storage/tmp/v1.host.12.ab';
    assert.equal(isEncoderOf(['ffmpeg', '-i', 'src', `${run}/720p/playlist.m3u8`], run, 'ffmpeg'), true);
    assert.equal(isEncoderOf(['/opt/ff/ffmpeg7', '-i', 'src', `${run}/poster.jpg`], run, '/opt/ff/ffmpeg7'), true);
    assert.equal(isEncoderOf(['/usr/bin/setpriv', '--pdeathsig', 'KILL', '--', 'ffmpeg', `${run}/a`], run, 'ffmpeg'), true);
    assert.equal(isEncoderOf(['ffmpeg', '-i', 'src', '/data/storage/tmp/v1.host.12.abc/x'], run, 'ffmpeg'), false, 'another run');
    assert.equal(isEncoderOf(['sleep', '100', `${run}/x`], run, 'ffmpeg'), false, 'not an ffmpeg');
    assert.equal(isEncoderOf(['bash', '-c', 'ffmpeg', `${run}/x`], run, 'ffmpeg'), false, 'a shell naming ffmpeg');
  });
});

describe('no encoder outlives its worker (real ffmpeg, SIGKILL)', () => {
  let root: string;
  let tmpRoot: string;
  const children: ChildProcess[] = [];
  const repo = new MediaRepository();

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'wetube-orphans-'));
    tmpRoot = join(root, 'tmp');
    await mkdir(tmpRoot);
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const pid of await processesMentioning(root)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    await rm(root, { recursive: true, force: true });
  });

  /** A node "worker" running one slow encode through MediaRepository into a fresh run folder. */
  async function workerEncoding(name: string, env: Record<string, string>) {
    const runDir = join(tmpRoot, name);
    await mkdir(runDir);
    const script = join(root, `${name}.js`);
    await writeFile(
      script,
      `const { MediaRepository } = require(${JSON.stringify(join(__dirname, 'media.repository.js'))});
       new MediaRepository().transcode(${JSON.stringify(slowEncode(runDir))}, { workDir: ${JSON.stringify(runDir)} })
         .then(() => console.log('done'), (e) => console.log('failed', e.message));`,
    );
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: 'ignore' });
    children.push(child);
    const recordName = await until('the encoder record', async () => (await readdir(runDir)).find((f) => /^\.encoder-\d+\.json$/.test(f)));
    const record = JSON.parse(await readFile(join(runDir, recordName), 'utf8'));
    assert.equal(record.ownerPid, child.pid);
    await until('ffmpeg running with the run folder in its arguments', async () => {
      const p = await readProc(record.pid);
      return p && p.argv[0].endsWith('ffmpeg') && isEncoderOf(p.argv, runDir, 'ffmpeg');
    });
    return { child, runDir, encoderPid: record.pid as number, recordFile: join(runDir, recordName) };
  }

  it('(a) ffmpeg dies with its worker: SIGKILL to the worker leaves no encoder', async () => {
    const w = await workerEncoding('run-a', {});
    assert.equal((await readProc(w.encoderPid))?.ppid, w.child.pid, 'ffmpeg is the worker child');
    process.kill(w.child.pid!, 'SIGKILL');
    await until('the encoder to be gone', async () => !(await readProc(w.encoderPid)), 3000);
    assert.deepEqual(await processesMentioning(w.runDir), []);
  });

  it('(b) with (a) off, the encoder survives the SIGKILL, and endOrphanEncoders ends it', async () => {
    const w = await workerEncoding('run-b', { FFMPEG_DIE_WITH_PARENT: '0' });
    process.kill(w.child.pid!, 'SIGKILL');
    await until('the worker to be gone', async () => w.child.exitCode !== null || w.child.signalCode !== null);
    await sleep(1000);
    const orphan = await readProc(w.encoderPid);
    assert.ok(orphan, 'without (a) the encoder keeps running after its worker died (the bug (b) cleans up)');
    assert.notEqual(orphan.ppid, w.child.pid, 're-parented');

    const ended = await repo.endOrphanEncoders(tmpRoot);
    assert.deepEqual(ended, [{ pid: w.encoderPid, ownerPid: w.child.pid, runDir: w.runDir }]);
    assert.equal(await readProc(w.encoderPid), null, 'ended, and waited for');
    assert.deepEqual(await processesMentioning(w.runDir), []);
    assert.ok(!(await readdir(w.runDir)).some((f) => f.startsWith('.encoder-')), 'the record is gone');
    assert.deepEqual(await repo.endOrphanEncoders(tmpRoot), [], 'nothing twice');
  });

  it("leaves a live worker's encoder alone, and never kills a process that is not that run's ffmpeg", async () => {
    // Our own encode, running: its owner (this process) is alive and its parent.
    const mine = join(tmpRoot, 'run-live');
    await mkdir(mine);
    const controller = new AbortController();
    const job = repo.transcode(slowEncode(mine), { workDir: mine, signal: controller.signal });
    const recordName = await until('our record', async () => (await readdir(mine)).find((f) => /^\.encoder-\d+\.json$/.test(f)));
    const pid = Number(/\d+/.exec(recordName)![0]);
    // A stale record (dead owner) pointing at a process that is not an ffmpeg of that folder.
    const other = join(tmpRoot, 'run-stale');
    await mkdir(other);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', other], { stdio: 'ignore' });
    await until('the other process', async () => (await readProc(sleeper.pid!))?.argv.includes(other));
    children.push(sleeper);
    await writeFile(
      join(other, `.encoder-${sleeper.pid}.json`),
      JSON.stringify({ pid: sleeper.pid, ownerPid: 999_999_999, host: (await import('node:os')).hostname(), runDir: other }),
    );

    assert.deepEqual(await repo.endOrphanEncoders(tmpRoot), []);
    assert.ok(await readProc(pid), 'our encoder still runs');
    assert.ok(await readProc(sleeper.pid!), 'the unrelated process still runs');
    assert.ok((await readdir(mine)).includes(recordName), 'a live record is kept');
    assert.deepEqual(await readdir(other), [], 'the stale record is removed');

    controller.abort();
    await assert.rejects(job, TranscodeAbortedError);
    assert.ok(!(await readdir(mine)).some((f) => f.startsWith('.encoder-')), 'the record goes with the encoder');
  });

  it('says so when ffmpeg cannot start', async () => {
    const saved = process.env.FFMPEG_PATH;
    process.env.FFMPEG_PATH = join(root, 'no-such-ffmpeg');
    try {
      const run = join(tmpRoot, 'run-missing');
      await assert.rejects(repo.transcode(slowEncode(run), { workDir: run }), (err: unknown) => {
        assert.ok(err instanceof TranscodeError, String(err));
        assert.match(err.message, /ffmpeg (could not start|failed)/);
        return true;
      });
    } finally {
      if (saved === undefined) delete process.env.FFMPEG_PATH;
      else process.env.FFMPEG_PATH = saved;
    }
  });
});
