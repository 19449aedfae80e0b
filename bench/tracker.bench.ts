/**
 * Tracker benchmark: how many WebSocket peers one tracker process holds and how many announces per
 * second it answers, OUR tracker process (apps/tracker: infohash filter against the database, the
 * per-(IP, peer id) and per-IP limits) against bittorrent-tracker's own Server run bare (no filter,
 * no limits: bench/support/bare-tracker.ts), in the same run, rounds interleaved.
 *   1. ours: a SQLite database migrated by the api's migrate script with `--swarms` published
 *      infohashes in video_torrents; `node dist/apps/tracker/src/main.js` on a free port, limits raised
 *      so the load generator (all on 127.0.0.1) is never refused (the limit code still runs per
 *      announce). `--redis` (REDIS_URL, default redis://127.0.0.1:6379): limits in Redis, as scaled out.
 *   2. the load generator (this process): `--peers` WebSocket peers (bittorrent-tracker's WebSocket
 *      announce JSON: info_hash / peer_id as 20-byte binary strings), spread over `--swarms` swarms;
 *      each announces `started` with `--offers` WebRTC offers (fake SDP) and answers every offer it is
 *      relayed, as browsers do. Then `--duration` seconds of closed-loop re-announces (each peer sends
 *      its next announce when the answer to the last arrives).
 * Reports per target: peers held (the tracker's own count), join time, tracker RSS delta per peer,
 * announces/s, tracker CPU per 1,000 announces, offers relayed; the ratios ours/bare.
 * The machine: load average before and after, and how much CPU OTHER processes took during each
 * measured phase (from /proc/stat minus this process and the tracker); figures are not reported when
 * something else took more than `--max-other` (default 0.25) of the machine (it says so instead).
 * Run: node dist/bench/tracker.bench.js [--peers 4000] [--swarms 40] [--offers 2] [--duration 10]
 *      [--rounds 2] [--redis] [--max-other 0.25] [--profile] (CPU profiles of both trackers: bench/results/tracker-*.cpuprofile)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, dataSourceOptions } from '@wetube/platform';
import { freePort } from '@wetube/testing';
import { arg, median } from './support/cli';

// ws ships no types here; the part used:
interface WebSocket {
  readyState: number;
  on(event: 'open' | 'close', cb: () => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
  on(event: 'message', cb: (data: Buffer) => void): void;
  send(data: string): void;
  terminate(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WebSocketCtor = require('ws') as new (url: string, opts?: object) => WebSocket;

const PEERS = Number(arg('peers', '4000'));
const SWARMS = Number(arg('swarms', '40'));
const OFFERS = Number(arg('offers', '2'));
const DURATION_SEC = Number(arg('duration', '10'));
const ROUNDS = Number(arg('rounds', '2'));
const MAX_OTHER = Number(arg('max-other', '0.25'));
const PROFILE = process.argv.includes('--profile');
const REDIS = process.argv.includes('--redis') ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : null;
const ROOT = resolve(__dirname, '..');
const SDP = `v=0\r\no=- ${'1'.repeat(19)} 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:abcd\r\na=ice-pwd:${'p'.repeat(24)}\r\na=fingerprint:sha-256 ${'AB:'.repeat(31)}AB\r\na=setup:actpass\r\na=mid:0\r\na=sctp-port:5000\r\n`;

interface Target {
  name: 'ours' | 'bare';
  wsUrl: string;
  pid: number;
  peersHeld(): Promise<number>;
  stop(): Promise<void>;
}

interface RoundResult {
  target: string;
  peersHeld: number;
  joinSec: number;
  rssBaseMb: number;
  rssHeldMb: number;
  bytesPerPeer: number;
  announcesPerSec: number;
  failures: number;
  trackerCpuMsPer1000: number;
  offersRelayedPerSec: number;
  otherShare: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rssBytes(pid: number): Promise<number> {
  const m = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
/** CPU time of a process (user + system), in clock ticks (100/s on Linux). */
async function cpuTicks(pid: number | 'self'): Promise<number> {
  const f = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return Number(f[11]) + Number(f[12]);
}
/** Busy and total ticks of the whole machine. */
async function machineTicks(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = line.reduce((a, b) => a + b, 0);
  const idle = line[3] + (line[4] ?? 0);
  return { busy: total - idle, total };
}
/** Measures what share of the machine processes other than this one and `pid` used while `fn` ran. */
async function measured<T>(pid: number, fn: () => Promise<T>): Promise<{ value: T; otherShare: number; trackerTicks: number }> {
  const [m0, s0, t0] = [await machineTicks(), await cpuTicks('self'), await cpuTicks(pid)];
  const value = await fn();
  const [m1, s1, t1] = [await machineTicks(), await cpuTicks('self'), await cpuTicks(pid)];
  const ours = s1 - s0 + (t1 - t0);
  return { value, otherShare: Math.max(0, m1.busy - m0.busy - ours) / Math.max(1, m1.total - m0.total), trackerTicks: t1 - t0 };
}

function spawnLogged(name: string, args: string[], env: Record<string, string>): { child: ChildProcess; logs: () => string } {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', (code) => code && code !== 0 && console.error(`${name} exited ${code}:\n${tail}`));
  return { child, logs: () => tail };
}
async function waitFor(what: string, logs: () => string, re: RegExp, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!re.test(logs())) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${what} did not start:\n${logs()}`);
    await sleep(100);
  }
}
function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
}

function profileArgs(name: string): string[] {
  return PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, '..', 'bench', 'results')}`, `--cpu-prof-name=tracker-${name}-${Date.now()}.cpuprofile`]
    : [];
}

/** A migrated SQLite database listing `hashes` as published (video_torrents rows). */
async function publishedDatabase(dir: string, hashes: string[]): Promise<Record<string, string>> {
  const env = { DATA_DIR: dir, JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00', LOG_FORMAT: 'json', LOG_LEVEL: 'warn' };
  const migrated = spawnSync(process.execPath, [join(ROOT, 'apps/api/src/migrate.js')], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (migrated.status !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
  const ds = new DataSource(dataSourceOptions(AppConfig.fromEnv(env)));
  await ds.initialize();
  await ds.query('PRAGMA foreign_keys = OFF'); // rows without videos: the tracker reads only video_torrents
  for (const [i, h] of hashes.entries()) {
    await ds.query('INSERT INTO video_torrents (info_hash, video_id, rendition, magnet_uri, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      h,
      randomUUID(),
      `r${i}`,
      `magnet:?xt=urn:btih:${h}`,
      1000,
      new Date().toISOString(),
    ]);
  }
  await ds.destroy();
  return env;
}

async function startOurs(dbEnv: Record<string, string>): Promise<Target> {
  const port = await freePort();
  const { child, logs } = spawnLogged('our tracker', [...profileArgs('ours'), join(ROOT, 'apps/tracker/src/main.js')], {
    ...dbEnv,
    NODE_ENV: 'production',
    TRACKER_PORT: String(port),
    TRACKER_HOST: '127.0.0.1',
    // Every bench peer comes from 127.0.0.1: limits raised so none is refused; they are still counted.
    TRACKER_ANNOUNCE_BURST: '1000000',
    TRACKER_ANNOUNCES_PER_SECOND: '100000',
    TRACKER_ANNOUNCE_IP_BURST: '1000000000',
    LOG_LEVEL: 'info',
    ...(REDIS ? { REDIS_URL: REDIS, QUEUE_PREFIX: `bench${randomBytes(4).toString('hex')}` } : {}),
  });
  await waitFor('our tracker', logs, /listening on ws:/, child);
  return {
    name: 'ours',
    wsUrl: `ws://127.0.0.1:${port}/tracker`,
    pid: child.pid!,
    peersHeld: async () => ((await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { peers: number }).peers,
    stop: stopper(child),
  };
}

async function startBare(): Promise<Target> {
  const port = await freePort();
  const { child, logs } = spawnLogged('bare tracker', [...profileArgs('bare'), join(ROOT, 'bench/support/bare-tracker.js'), String(port)], {
    NODE_ENV: 'production',
  });
  await waitFor('bare tracker', logs, /listening on/, child);
  return {
    name: 'bare',
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    peersHeld: async () => ((await (await fetch(`http://127.0.0.1:${port}/stats.json`)).json()) as { peersAll: number }).peersAll,
    stop: stopper(child),
  };
}

/** One simulated browser peer: a WebSocket to the tracker, one swarm, offers out, answers back. */
class Peer {
  readonly id = `-BW0001-${randomBytes(6).toString('hex')}`; // 20 characters
  private ws!: WebSocket;
  private running = false;
  announced = 0;
  failures = 0;
  offersIn = 0;
  lastFailure = '';
  private pending: (() => void) | null = null;

  constructor(private readonly infoHash: string) {}

  connect(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocketCtor(url, { perMessageDeflate: false });
      this.ws.on('open', () => resolve());
      this.ws.on('error', (err) => reject(err));
      this.ws.on('message', (data) => this.onMessage(JSON.parse(String(data)) as Record<string, unknown>));
    });
  }

  /** Sends an announce and resolves when its answer arrives. */
  announce(event?: 'started'): Promise<void> {
    return new Promise((resolve) => {
      this.pending = resolve;
      const offers = Array.from({ length: OFFERS }, () => ({
        offer: { type: 'offer', sdp: SDP },
        offer_id: randomBytes(10).toString('hex'),
      }));
      this.ws.send(
        JSON.stringify({
          action: 'announce',
          info_hash: this.infoHash,
          peer_id: this.id,
          numwant: OFFERS,
          uploaded: 0,
          downloaded: 0,
          left: 1_000_000,
          event,
          offers,
        }),
      );
    });
  }

  /** Re-announces in a closed loop until stop(). */
  loop(): void {
    this.running = true;
    const next = (): void => {
      if (this.running) void this.announce().then(next);
    };
    next();
  }
  stop(): void {
    this.running = false;
  }
  close(): void {
    this.ws.terminate();
  }

  private onMessage(m: Record<string, unknown>): void {
    if (m.offer && typeof m.peer_id === 'string') {
      this.offersIn++;
      this.ws.send(
        JSON.stringify({
          action: 'announce',
          info_hash: this.infoHash,
          peer_id: this.id,
          to_peer_id: m.peer_id,
          offer_id: m.offer_id,
          answer: { type: 'answer', sdp: SDP },
        }),
      );
      return;
    }
    if (m.answer) return;
    if (m['failure reason'] !== undefined) {
      this.failures++;
      this.lastFailure = String(m['failure reason']);
    } else if (m.interval === undefined) return;
    else this.announced++;
    const done = this.pending;
    this.pending = null;
    done?.();
  }
}

async function runRound(target: Target, hashes: string[]): Promise<RoundResult> {
  await sleep(500);
  const rssBase = await rssBytes(target.pid);
  const peers = Array.from({ length: PEERS }, (_, i) => new Peer(Buffer.from(hashes[i % hashes.length], 'hex').toString('latin1')));
  const joinStart = performance.now();
  for (let i = 0; i < peers.length; i += 200) {
    const batch = peers.slice(i, i + 200);
    await Promise.all(batch.map((p) => p.connect(target.wsUrl)));
    await Promise.all(batch.map((p) => p.announce('started')));
  }
  const joinSec = (performance.now() - joinStart) / 1000;
  await sleep(1000);
  const peersHeld = await target.peersHeld();
  const rssHeld = await rssBytes(target.pid);
  const before = peers.reduce((n, p) => n + p.announced, 0);
  const offersBefore = peers.reduce((n, p) => n + p.offersIn, 0);
  const { otherShare, trackerTicks } = await measured(target.pid, async () => {
    for (const p of peers) p.loop();
    await sleep(DURATION_SEC * 1000);
    for (const p of peers) p.stop();
  });
  await sleep(300);
  const announces = peers.reduce((n, p) => n + p.announced, 0) - before;
  const failures = peers.reduce((n, p) => n + p.failures, 0);
  const offers = peers.reduce((n, p) => n + p.offersIn, 0) - offersBefore;
  if (failures) console.log(`  ${target.name}: ${failures} failures, e.g. "${peers.find((p) => p.failures)?.lastFailure}"`);
  for (const p of peers) p.close();
  return {
    target: target.name,
    peersHeld,
    joinSec,
    rssBaseMb: rssBase / 1048576,
    rssHeldMb: rssHeld / 1048576,
    bytesPerPeer: (rssHeld - rssBase) / Math.max(1, peersHeld),
    announcesPerSec: announces / DURATION_SEC,
    failures,
    trackerCpuMsPer1000: ((trackerTicks * 10) / Math.max(1, announces)) * 1000,
    offersRelayedPerSec: offers / DURATION_SEC,
    otherShare,
  };
}

async function main(): Promise<void> {
  const cores = cpus().length;
  const loadStart = loadavg();
  console.log(
    `machine: ${cores} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(
    `peers ${PEERS} over ${SWARMS} swarms, ${OFFERS} offers per announce, ${DURATION_SEC} s of re-announces, ${ROUNDS} rounds; our limits in ${REDIS ? 'Redis' : 'memory'}`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'wetube-tracker-bench-'));
  const hashes = Array.from({ length: SWARMS }, () => randomBytes(20).toString('hex'));
  const results: RoundResult[] = [];
  try {
    const dbEnv = await publishedDatabase(dir, hashes);
    for (let round = 0; round < ROUNDS; round++) {
      const order: Array<'ours' | 'bare'> = round % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
      for (const name of order) {
        const target = name === 'ours' ? await startOurs(dbEnv) : await startBare();
        try {
          const r = await runRound(target, hashes);
          results.push(r);
          console.log(
            `round ${round + 1} ${name.padEnd(4)}: held ${r.peersHeld} peers (joined in ${r.joinSec.toFixed(1)} s), RSS ${r.rssBaseMb.toFixed(1)} -> ${r.rssHeldMb.toFixed(1)} MB = ${(r.bytesPerPeer / 1024).toFixed(1)} KiB/peer; ` +
              `${r.announcesPerSec.toFixed(0)} announces/s, tracker CPU ${r.trackerCpuMsPer1000.toFixed(0)} ms per 1000, ${r.offersRelayedPerSec.toFixed(0)} offers relayed/s; other processes ${(r.otherShare * 100).toFixed(0)} % of the machine`,
          );
        } finally {
          await target.stop();
        }
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const loadEnd = loadavg();
  console.log(`load average at the end ${loadEnd.map((l) => l.toFixed(2)).join(' ')}`);
  const busy = results.filter((r) => r.otherShare > MAX_OTHER);
  const out = join(ROOT, '..', 'bench', 'results');
  await mkdir(out, { recursive: true });
  await writeFile(
    join(out, 'tracker.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cores, loadStart, loadEnd },
        peers: PEERS,
        swarms: SWARMS,
        offers: OFFERS,
        durationSec: DURATION_SEC,
        redis: !!REDIS,
        results,
      },
      null,
      2,
    ),
  );
  if (busy.length) {
    console.log(
      `NOT REPORTED: other processes took ${busy.map((r) => `${(r.otherShare * 100).toFixed(0)} %`).join(', ')} of the machine during ${busy.length} measured phase(s) (limit ${(MAX_OTHER * 100).toFixed(0)} %); the machine is saturated by something else, figures would not be ours. Run again when it is quiet.`,
    );
    process.exitCode = 3;
    return;
  }
  const of = (name: string, f: (r: RoundResult) => number) => median(results.filter((r) => r.target === name).map(f));
  const spread = (name: string, f: (r: RoundResult) => number) => {
    const xs = results.filter((r) => r.target === name).map(f);
    return `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;
  };
  const row = (label: string, f: (r: RoundResult) => number, unit: string) => {
    const o = of('ours', f);
    const b = of('bare', f);
    console.log(
      `${label.padEnd(34)} ours ${o.toFixed(1)} ${unit} (${spread('ours', f)})  bare ${b.toFixed(1)} ${unit} (${spread('bare', f)})  ours/bare ${(o / b).toFixed(2)}`,
    );
  };
  console.log(`\nmedians over ${ROUNDS} rounds (spread min-max):`);
  row('peers held', (r) => r.peersHeld, 'peers');
  row('announces per second', (r) => r.announcesPerSec, '/s');
  row('tracker CPU per 1000 announces', (r) => r.trackerCpuMsPer1000, 'ms');
  row('memory per peer (RSS delta / peers)', (r) => r.bytesPerPeer / 1024, 'KiB');
  row('join time of all peers', (r) => r.joinSec, 's');
  console.log(`raw figures: bench/results/tracker.json`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
