/**
 * One process of headless viewers (bench/support/headless-peer.ts), several per process: started by
 * the P2P benches with `node dist/bench/support/headless-peer-process.js '<json config>'`. Viewers start
 * at their `startAtMs`, each plays to its end (`HEADLESS_ENDED <name>`) and stays in the swarm, as a
 * page left open, until the bench writes `leave` to stdin (or closes it); the process then prints one
 * line `HEADLESS_RESULT <json>` with every viewer's result and the CPU time the process used, and
 * exits. SIGTERM stops the viewers early (their results so far are still printed).
 */
import { HeadlessPeer, type HeadlessPeerResult } from './headless-peer';
import { loadWebTorrent } from './headless-peer-swarm';

export interface HeadlessProcessConfig {
  apiUrl: string;
  videoId: string;
  p2p: boolean;
  /** One viewer per name, in start order. */
  names: string[];
  /** Delay before each viewer (ms from the process start), same length as names. */
  startAtMs: number[];
  timeoutMs: number;
}

export interface HeadlessProcessResult {
  pid: number;
  viewers: HeadlessPeerResult[];
  /** CPU time (user + system) the process used, ms, and its wall time. */
  cpuMs: number;
  wallMs: number;
}

export const RESULT_PREFIX = 'HEADLESS_RESULT ';
/** Printed (with the viewer's name) when a viewer's playback reached its end. */
export const ENDED_PREFIX = 'HEADLESS_ENDED ';

async function main(): Promise<void> {
  const cfg = JSON.parse(process.argv[2] ?? '{}') as HeadlessProcessConfig;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const peers: HeadlessPeer[] = [];
  process.once('SIGTERM', () => peers.forEach((p) => p.stop()));
  // Every viewer that played to the end stays in the swarm (as a page left open) until stdin closes or says "leave".
  process.stdin.on('data', (d) => String(d).includes('leave') && peers.forEach((p) => p.stop()));
  process.stdin.on('end', () => peers.forEach((p) => p.stop()));
  if (cfg.p2p) await loadWebTorrent();
  const results = await Promise.all(
    cfg.names.map(async (name, i) => {
      await new Promise((r) => setTimeout(r, cfg.startAtMs[i] ?? 0));
      const peer = new HeadlessPeer({
        name,
        apiUrl: cfg.apiUrl,
        videoId: cfg.videoId,
        p2p: cfg.p2p,
        onEnded: () => process.stdout.write(`${ENDED_PREFIX}${name}\n`),
      });
      peers.push(peer);
      return peer.run(cfg.timeoutMs);
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const out: HeadlessProcessResult = {
    pid: process.pid,
    viewers: results,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: performance.now() - t0,
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(out)}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
