/**
 * HTTP load with autocannon in a separate Node process (so the load generator never shares the
 * event loop of the server it measures). The parent writes the run's plan to a JSON file; the child
 * (this file run by `node`) sends each listed request at most once, in order, across all
 * connections (per-request paths and headers through autocannon's `setupRequest`), stops early if
 * the list runs out, and prints one `ACJSON {…}` line.
 *
 * Two modes:
 *   - closed loop (no `ratePerSec`): autocannon, every connection sends its next request as soon as
 *     the previous answer arrives (saturation: throughput; latency is then mostly queueing).
 *   - open loop (`ratePerSec`): a fixed offered load, request k scheduled at start + k / rate whatever
 *     the answers do, on up to `connections` keep-alive connections (node:http Agent); a request that
 *     finds every connection busy waits for one, and its latency is counted from its scheduled time
 *     (no coordinated omission). Not autocannon's `overallRate`: autocannon 9 limits each connection
 *     to rate / connections requests per one-second window, with the windows of all connections
 *     started together, so every connection sends its quota back to back at the start of each second
 *     (checked: 500 req/s on 50 connections = all 500 requests within the first 100 ms of every
 *     second, then nothing), a closed-loop burst of `connections` concurrent requests each second,
 *     not a rate; and its coordinated-omission correction records each answer with an expected
 *     interval of ceil(1 / rate) = 1 ms (seconds taken for milliseconds), which adds a synthetic
 *     sample per millisecond of every answer's latency.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
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
  /** Open loop: offered requests per second, scheduled evenly (see the file's comment). */
  ratePerSec?: number;
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
  /** Open loop only: the offered rate, and how many requests found every connection busy at their
   *  scheduled time (had to wait for one: if many do, the connections, not the server, bound the run). */
  offeredPerSec?: number;
  waitedForConnection?: number;
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
        if (code === 0) resolve(stdout);
        else reject(new Error(`autocannon child exited with ${code}: ${stderr}${stdout}`));
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
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as LoadPlan;
  const result = plan.ratePerSec ? await openLoop(plan, plan.ratePerSec) : await closedLoop(plan);
  process.stdout.write(`ACJSON ${JSON.stringify(result)}\n`);
}

/** The q-quantile of sorted values (nearest rank). */
const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : 0;

/** Open loop: request k at start + k / rate; latency from that scheduled time to the answer's end. */
async function openLoop(plan: LoadPlan, rate: number): Promise<LoadResult> {
  const url = new URL(plan.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections, maxFreeSockets: plan.connections });
  const total = Math.floor(rate * plan.durationSec);
  const latencies: number[] = [];
  let next = 0;
  let exhausted = false;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let inFlight = 0;
  let waited = 0;
  let pending = 0;
  let lastEnd = 0;
  let sent = 0;
  let allDone!: () => void;
  const done = new Promise<void>((r) => (allDone = r));
  const send = (scheduled: number) => {
    if (next >= plan.requests.length) {
      if (!plan.cycle) {
        exhausted = true;
        return;
      }
      next = 0;
    }
    const r = plan.requests[next++];
    if (inFlight >= plan.connections) waited++;
    inFlight++;
    pending++;
    let settled = false;
    let timedOut = false;
    const finish = (status: number | null) => {
      if (settled) return;
      settled = true;
      inFlight--;
      lastEnd = performance.now();
      if (status === null) {
        errors++;
        if (timedOut) timeouts++;
      } else if (status >= 200 && status < 300) latencies.push(lastEnd - scheduled);
      else non2xx++;
      if (--pending === 0 && (sent >= total || exhausted)) allDone();
    };
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: r.path, method: 'GET', headers: r.headers ?? {}, agent, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode ?? 0));
        res.on('error', () => finish(null));
      },
    );
    req.on('timeout', () => {
      timedOut = true;
      req.destroy(new Error('timeout'));
    });
    req.on('error', () => finish(null));
    req.end();
  };
  const start = performance.now();
  await new Promise<void>((resolveSending) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - start) * rate) / 1000) + 1);
      while (sent < due && !exhausted) send(start + (sent++ * 1000) / rate);
      if (sent >= total || exhausted) return resolveSending();
      setTimeout(tick, Math.max(0, start + (sent * 1000) / rate - performance.now()));
    };
    tick();
  });
  if (pending > 0) await done;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const durationSec = Math.max(plan.durationSec, (lastEnd - start) / 1000);
  const completed = latencies.length + non2xx;
  return {
    requests: completed,
    durationSec,
    requestsPerSec: completed / durationSec,
    p50Ms: quantile(latencies, 0.5),
    p975Ms: quantile(latencies, 0.975),
    p99Ms: quantile(latencies, 0.99),
    meanMs: latencies.reduce((a, x) => a + x, 0) / Math.max(1, latencies.length),
    maxMs: latencies[latencies.length - 1] ?? 0,
    non2xx,
    errors,
    timeouts,
    exhausted,
    offeredPerSec: rate,
    waitedForConnection: waited,
  };
}

async function closedLoop(plan: LoadPlan): Promise<LoadResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const autocannon = require('autocannon') as (opts: Record<string, unknown>) => AutocannonInstance;
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
  return {
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
