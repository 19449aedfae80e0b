import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ApiClient } from './api.client';
import { list, sleep } from './support-files';

/** dist/ paths of the two real entry points (tests run from dist/apps/api/test). */
export const API_MAIN = join(__dirname, '..', 'src', 'main.js');
export const TRANSCODER_MAIN = join(__dirname, '..', '..', '..', 'transcoder', 'src', 'main.js');

export const JWT_SECRET = 'crash-test-secret-crash-test-secret-0123';

export interface Proc {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal name) when the process has exited. */
  readonly exited: Promise<number | string | null>;
  isRunning(): boolean;
  /** Last few KB of its stdout + stderr, for failure messages. */
  logs(): string;
  /** Signals the whole process group (the node process and the ffmpeg it spawned). */
  killGroup(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `node <script>` in its own process group (detached) with exactly this environment on top
 * of PATH/HOME (DATABASE_URL and REDIS_URL of the test runner are NOT passed on unless given).
 */
export function spawnNode(name: string, script: string, env: Record<string, string>): Proc {
  const base: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'FFMPEG_PATH', 'FFPROBE_PATH']) {
    if (process.env[k]) base[k] = process.env[k]!;
  }
  const child = spawn(process.execPath, [script], {
    env: { ...base, NODE_ENV: 'test', LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-12_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let running = true;
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve(code ?? signal);
    });
  });
  const pid = child.pid!;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      /* already gone */
    }
  };
  return {
    name,
    pid,
    child,
    exited,
    isRunning: () => running,
    logs: () => tail,
    killGroup,
    async stop(graceMs = 10_000) {
      if (!running) return killGroup('SIGKILL'); // leftovers of the group, if any
      killGroup('SIGTERM');
      const t = setTimeout(() => killGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(t);
      killGroup('SIGKILL');
    },
  };
}

/** Waits until GET /api/health answers 200 (or the process dies / time runs out). */
export async function waitHealthy(url: string, proc: Proc, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!proc.isRunning()) throw new Error(`${proc.name} exited before it was healthy:\n${proc.logs()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return res.json();
    } catch {
      /* not listening yet */
    }
    await sleep(150);
  }
  throw new Error(`${proc.name} not healthy after ${timeoutMs} ms:\n${proc.logs()}`);
}

/** Waits until the process logs a line matching `re`. */
export async function waitForLog(proc: Proc, re: RegExp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (re.test(proc.logs())) return;
    if (!proc.isRunning()) throw new Error(`${proc.name} exited while waiting for ${re}:\n${proc.logs()}`);
    await sleep(100);
  }
  throw new Error(`${proc.name} never logged ${re}:\n${proc.logs()}`);
}

/** True when nothing answers HTTP at `url` any more. */
export async function isDown(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{__typename}"}',
      signal: AbortSignal.timeout(2000),
    });
    return false;
  } catch {
    return true;
  }
}

/** Polls until the video is PROCESSING with progress > 0: ffmpeg is mid-encode (segments counted for the log). */
export async function waitMidEncode(client: ApiClient, id: string, tmp: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last: any = null;
  while (Date.now() < deadline) {
    const r = await client.gql(`query($id: ID!) { video(id: $id) { status progress } }`, { id });
    last = r.data?.video;
    const tmpEntries = await list(tmp);
    const segments = tmpEntries.length ? (await list(join(tmp, tmpEntries[0], '360p'))).filter((f) => f.endsWith('.m4s')).length : 0;
    if (last?.status === 'PROCESSING' && last.progress > 0 && last.progress < 95)
      return { ...last, segments, tmpEntries } as { status: string; progress: number; segments: number; tmpEntries: string[] };
    if (last && (last.status === 'READY' || last.status === 'FAILED')) break;
    await sleep(50);
  }
  throw new Error(`video ${id} never seen mid-encode; last: ${JSON.stringify(last)}`);
}
