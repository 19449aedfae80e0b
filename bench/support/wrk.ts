import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const WRK_BIN = process.env.WRK_PATH || '/usr/bin/wrk';

export interface LoadResult {
  connections: number;
  durationSec: number;
  requests: number;
  requestsPerSec: number;
  bytes: number;
  mbPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
}

/** A wrk Lua script that cycles over `paths` (each thread from its own offset) and prints JSON. */
function script(paths: string[]): string {
  return `
local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local n = #paths
local offset = 0
local counter = 0
function setup(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
end
local i = 0
function init(args)
  i = (offset or 0) % n
end
function request()
  i = i + 1
  if i > n then i = 1 end
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p99_us":%d,"mean_us":%f,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99), latency.mean,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
`;
}

/**
 * One load run with wrk as a separate process: keep-alive connections, fixed duration, a request mix
 * cycling over `paths`. Sends only to `baseUrl` (127.0.0.1). Bounded: wrk is killed after duration + 15 s.
 */
export async function runWrk(opts: {
  baseUrl: string;
  paths: string[];
  connections: number;
  durationSec: number;
  threads?: number;
  workDir: string;
}): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(opts.baseUrl)) throw new Error(`load only to 127.0.0.1, not ${opts.baseUrl}`);
  const file = join(opts.workDir, `wrk-${process.pid}-${Date.now()}.lua`);
  await writeFile(file, script(opts.paths));
  const threads = Math.min(opts.threads ?? 2, opts.connections);
  const args = [
    '-t',
    String(threads),
    '-c',
    String(opts.connections),
    '-d',
    `${opts.durationSec}s`,
    '--timeout',
    '5s',
    '-s',
    file,
    `${opts.baseUrl}/`,
  ];
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(WRK_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), (opts.durationSec + 15) * 1000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(stdout);
        else reject(new Error(`wrk exited with ${code}: ${stderr}${stdout}`));
      });
    });
    const line = out.split('\n').find((l) => l.startsWith('WRKJSON '));
    if (!line) throw new Error(`no result from wrk: ${out}`);
    const j = JSON.parse(line.slice(8));
    const secs = j.duration_us / 1e6;
    return {
      connections: opts.connections,
      durationSec: secs,
      requests: j.requests,
      requestsPerSec: j.requests / secs,
      bytes: j.bytes,
      mbPerSec: j.bytes / secs / 1e6,
      p50Ms: j.p50_us / 1000,
      p99Ms: j.p99_us / 1000,
      meanMs: j.mean_us / 1000,
      errors: { connect: j.connect, read: j.read, write: j.write, status: j.status, timeout: j.timeout },
    };
  } finally {
    await rm(file, { force: true });
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
