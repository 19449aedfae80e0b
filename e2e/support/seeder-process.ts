import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../platform.harness';

export interface SeederStatusLine {
  swarms: number;
  complete: number;
  peers: number;
  uploaded: number;
  webSeedDownloaded: number;
  /** Sessions with a kept receipt, and the bytes those receipts cover. */
  receipts: number;
  receiptedBytes: number;
}

export interface SeederProcess {
  /** The newest JSON status line. */
  status(): SeederStatusLine | null;
  output(): string;
  waitFor(pred: (s: SeederStatusLine) => boolean, timeoutMs: number): Promise<SeederStatusLine>;
  stop(): Promise<void>;
}

/**
 * Runs the seeder node CLI (`npm run seeder -- …`, built) against `apiUrl`, seeding every public
 * video; with `token`, registered to that account as `name`. With `netns`, inside that network
 * namespace (`ip netns exec`, which execs: the child's pid is the seeder's).
 */
export async function startSeeder(
  apiUrl: string,
  account?: { token: string; name: string },
  opts: { netns?: string } = {},
): Promise<SeederProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'wetube-seeder-'));
  const [cmd, ...pre] = opts.netns ? ['ip', 'netns', 'exec', opts.netns, process.execPath] : [process.execPath];
  const child: ChildProcess = spawn(
    cmd,
    [
      ...pre,
      join(ROOT, 'dist/apps/seeder/src/main.js'),
      '--api',
      apiUrl,
      '--videos',
      'all',
      '--dir',
      dir,
      '--json',
      '--status',
      '1',
      ...(account ? ['--token', account.token, '--name', account.name] : []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // However the test ends, the seeder does not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let log = '';
  let last: SeederStatusLine | null = null;
  let pending = '';
  child.stdout!.on('data', (d: Buffer) => {
    log += d;
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const l of lines) {
      if (!l.startsWith('{')) continue;
      try {
        last = JSON.parse(l) as SeederStatusLine;
      } catch {
        /* not a status line */
      }
    }
  });
  child.stderr!.on('data', (d) => (log += d));
  return {
    status: () => last,
    output: () => log,
    async waitFor(pred, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (last && pred(last)) return last;
        if (child.exitCode !== null) throw new Error(`the seeder exited with ${child.exitCode}:\n${log.slice(-3000)}`);
        if (Date.now() > deadline)
          throw new Error(
            `the seeder did not get there in ${timeoutMs / 1000} s; last status ${JSON.stringify(last)}:\n${log.slice(-3000)}`,
          );
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000); // the seeder redeems its receipts at exit (10 s limit)
      await exited;
      clearTimeout(t);
    },
  };
}
