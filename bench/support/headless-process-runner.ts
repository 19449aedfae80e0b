import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ENDED_PREFIX, RESULT_PREFIX, type HeadlessProcessConfig, type HeadlessProcessResult } from './headless-peer-process';

export interface HeadlessProcess {
  /** Every viewer of the process played to its end (or the process exited). */
  ended: Promise<void>;
  /** The viewers leave the swarm; `done` then resolves with the results. */
  leave: () => void;
  done: Promise<HeadlessProcessResult>;
  kill: () => void;
}

/**
 * Starts one process of headless viewers (see headless-peer-process.ts), inside network namespace
 * `netns` when given (a home of the NAT lab: `ip netns exec`, as root).
 */
export function runHeadlessProcess(cfg: HeadlessProcessConfig, opts: { netns?: string } = {}): HeadlessProcess {
  const node = [process.execPath, join(__dirname, 'headless-peer-process.js'), JSON.stringify(cfg)];
  const [cmd, ...args] = opts.netns ? ['ip', 'netns', 'exec', opts.netns, ...node] : node;
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let endedCount = 0;
  let onAllEnded: () => void = () => undefined;
  const ended = new Promise<void>((r) => (onAllEnded = r));
  child.stdout.on('data', (d) => {
    out += d;
    endedCount = out.split('\n').filter((l) => l.startsWith(ENDED_PREFIX)).length;
    if (endedCount >= cfg.names.length) onAllEnded();
  });
  child.stderr.on('data', (d) => (err += d));
  child.on('exit', () => onAllEnded());
  const done = new Promise<HeadlessProcessResult>((resolveP, reject) => {
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line) resolveP(JSON.parse(line.slice(RESULT_PREFIX.length)) as HeadlessProcessResult);
      else reject(new Error(`headless process exited ${code} without a result: ${err.slice(-2000)}`));
    });
  });
  return { ended, leave: () => child.stdin.end('leave\n'), done, kill: () => child.kill('SIGTERM') };
}
