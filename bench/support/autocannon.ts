/**
 * HTTP load with autocannon in a separate Node process (so the load generator never shares the
 * event loop of the server it measures). The parent writes the run's plan to a JSON file; the child
 * (this file run by `node`) sends each listed request at most once, in order, across all
 * connections (per-request paths and headers through autocannon's `setupRequest`), stops early if
 * the list runs out, and prints one `ACJSON {…}` line.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PlannedRequest {
  path: string;
  headers?: Record<string, string>;
}

export interface LoadPlan {
  /** http://127.0.0.1:<port> only. */
  baseUrl: string;
  connections: number;
  durationSec: number;
  /** Sent in order, each at most once; with `cycle`, the list repeats instead of ending the run. */
  requests: PlannedRequest[];
  cycle?: boolean;
}

export interface LoadResult {
  requests: number;
  durationSec: number;
  requestsPerSec: number;
  p50Ms: number;
  p975Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The list ran out before the duration (the run stopped early; every request was still distinct). */
  exhausted: boolean;
}

/** Runs one load plan in a child process; bounded by duration + 30 s. */
export async function runAutocannon(plan: LoadPlan, workDir: string): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(plan.baseUrl)) throw new Error(`load only to 127.0.0.1, not ${plan.baseUrl}`);
  const file = join(workDir, `autocannon-${process.pid}-${Date.now()}.json`);
  await writeFile(file, JSON.stringify(plan));
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [__filename, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-3000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), (plan.durationSec + 30) * 1000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        code === 0 ? resolve(stdout) : reject(new Error(`autocannon child exited with ${code}: ${stderr}${stdout}`));
      });
    });
    const line = out.split('\n').find((l) => l.startsWith('ACJSON '));
    if (!line) throw new Error(`no result from autocannon: ${out}`);
    return JSON.parse(line.slice(7)) as LoadResult;
  } finally {
    await rm(file, { force: true });
  }
}

/** The child: autocannon has no type declarations here, so its slice of the API is typed below. */
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}
interface AutocannonResult {
  requests: { total: number };
  duration: number;
  latency: { p50: number; p97_5: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonInstance extends Promise<AutocannonResult> {
  stop(): void;
}

async function child(planFile: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const autocannon = require('autocannon') as (opts: Record<string, unknown>) => AutocannonInstance;
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as LoadPlan;
  let next = 0;
  let exhausted = false;
  let instance: AutocannonInstance | null = null;
  const setupRequest = (req: AutocannonRequest): AutocannonRequest => {
    if (next >= plan.requests.length) {
      if (!plan.cycle) {
        if (!exhausted) setImmediate(() => instance?.stop());
        exhausted = true;
      }
      next = 0;
    }
    const r = plan.requests[next++];
    req.path = r.path;
    req.headers = { ...req.headers, ...(r.headers ?? {}) };
    return req;
  };
  instance = autocannon({
    url: plan.baseUrl,
    connections: plan.connections,
    duration: plan.durationSec,
    timeout: 10,
    requests: [{ method: 'GET', setupRequest }],
  });
  const r = await instance;
  const durationSec = r.duration;
  const result: LoadResult = {
    requests: r.requests.total,
    durationSec,
    requestsPerSec: r.requests.total / durationSec,
    p50Ms: r.latency.p50,
    p975Ms: r.latency.p97_5,
    p99Ms: r.latency.p99,
    meanMs: r.latency.average,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    exhausted,
  };
  process.stdout.write(`ACJSON ${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  child(process.argv[2]).then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
