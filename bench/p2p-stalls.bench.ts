/**
 * Stalls with P2P on against P2P off: does P2P ever make playback worse? The real platform
 * (`npm start`) inside a private network namespace (root; the bench re-runs itself there, as
 * bench/p2p.bench.ts), N viewers of one video started `--stagger` s apart, each playing to the end
 * while the earlier ones stay: 1-2 real Chromium viewers (the watch page, stalls counted from the
 * <video>'s `waiting` events) and the rest headless viewers (bench/support/headless-peer.ts: the same
 * fetch policy, receipts and webtorrent in Node, playback simulated), `--per-process` per Node
 * process. Same N with P2P on and off (the viewers' own preference), alternating which goes first.
 * Per scenario: stalls and stalled seconds per viewer, share from peers, CPU per headless viewer,
 * the machine's CPU busy share and load average; a scenario on a saturated machine is reported as
 * such, without figures (support/machine-load.ts). Prints the on/off ratios; writes
 * bench/results/p2p-stalls.json.
 * The tracker's and playbackSession's per-IP limits are raised: every headless viewer of a process
 * reaches the platform from the same address.
 * Run (root): npm run bench:p2p-stalls   or   node dist/bench/p2p-stalls.bench.js [--viewers 2,4,8,32]
 *      [--browsers 2] [--stagger 3] [--per-process 8] [--runs 1]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freeServicePort } from '@wetube/testing';
import { CHROMIUM_ARGS, type Platform, startPlatform } from '../e2e/platform.harness';
import { insidePrivateNetns, NETNS_ADDR, netnsUnavailable, runNodeInNetns } from '../e2e/netns';
import { arg } from './support/cli';
import { runHeadlessProcess, type HeadlessProcess } from './support/headless-process-runner';
import { busyShare, cpuTimes, loadAvg1, sampleRunQueue, saturation } from './support/machine-load';
import { compactLog, openViewer, waitEnded, type Viewer } from './support/viewer';

declare const window: any;

const OUTER_TIMEOUT_MS = 40 * 60_000;
const VIEWER_TIMEOUT_MS = 150_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ViewerFigures {
  name: string;
  kind: 'browser' | 'headless';
  startAtS: number;
  ended: boolean;
  error: string | null;
  stalls: number;
  stalledS: number;
  bytesFromPeers: number;
  bytesFromOrigin: number;
  receiptsSent: number;
  /** Headless viewers: WebRTC wires at the end and bytes uploaded to other viewers. */
  wires?: number | null;
  uploaded?: number | null;
  log: string;
}

interface Scenario {
  run: number;
  n: number;
  p2p: boolean;
  browsers: number;
  headless: number;
  wallS: number;
  cpuBusy: number;
  loadBefore: number;
  loadAfter: number;
  /** Runnable threads on average over the scenario (sampled from /proc/stat). */
  runnable: number;
  /** Share of one core each headless viewer used (process CPU time / viewers / wall time). */
  cpuPerHeadless: number;
  saturated: string | null;
  viewers: ViewerFigures[];
}

interface Summary {
  stalls: number;
  stalledSPerViewer: number;
  maxStalledS: number;
  viewersStalled: number;
  peerShare: number;
  notEnded: number;
}

function summarize(s: Scenario): Summary {
  const v = s.viewers;
  const peers = v.reduce((a, x) => a + x.bytesFromPeers, 0);
  const all = v.reduce((a, x) => a + x.bytesFromPeers + x.bytesFromOrigin, 0);
  return {
    stalls: v.reduce((a, x) => a + x.stalls, 0),
    stalledSPerViewer: v.reduce((a, x) => a + x.stalledS, 0) / Math.max(1, v.length),
    maxStalledS: v.reduce((a, x) => Math.max(a, x.stalledS), 0),
    viewersStalled: v.filter((x) => x.stalls > 0).length,
    peerShare: peers / Math.max(1, all),
    notEnded: v.filter((x) => !x.ended).length,
  };
}

async function inside(): Promise<void> {
  const viewerCounts = arg('viewers', '2,4,8,32').split(',').map(Number);
  const maxBrowsers = Number(arg('browsers', '2'));
  const staggerS = Number(arg('stagger', '3'));
  const perProcess = Number(arg('per-process', '8'));
  const runs = Number(arg('runs', '1'));
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  let platform: Platform | null = null;
  let browser: Browser | null = null;
  const kills = new Set<() => void>();
  const stopAll = async () => {
    for (const k of kills) k();
    await browser?.close().catch(() => undefined);
    await platform?.stop();
  };
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => void stopAll().finally(() => process.exit(130)));
  try {
    const port = await freeServicePort();
    let webPort = await freeServicePort();
    while (webPort === port) webPort = await freeServicePort();
    const apiUrl = `http://${NETNS_ADDR}:${port}`;
    const webUrl = `http://${NETNS_ADDR}:${webPort}`;
    platform = await startPlatform({
      PORT: String(port),
      WEB_PORT: String(webPort),
      HOST: '0.0.0.0',
      PUBLIC_API_URL: apiUrl,
      WETUBE_API_URL: apiUrl,
      WEB_ORIGIN: webUrl,
      npm_config_offline: 'true',
      // Every headless viewer of a process comes from one address: per-IP limits would refuse them.
      TRACKER_ANNOUNCE_BURST: '100000',
      TRACKER_ANNOUNCES_PER_SECOND: '100000',
      PLAYBACK_SESSIONS_BURST: '100000',
      PLAYBACK_SESSIONS_PER_MINUTE: '1000000',
      ORIGIN_ACCESS_LOG: 'off',
    });
    const r: any = await (
      await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ videos(first: 1) { edges { node { id durationSec } } } }' }),
      })
    ).json();
    const video = r.data.videos.edges[0].node;
    const videoId: string = video.id;
    const watchUrl = `${webUrl}/watch/${videoId}`;
    console.log(`platform ready after ${elapsed()}; video ${videoId}: ${video.durationSec} s`);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--disable-features=WebRtcHideLocalIpsWithMdns', `--unsafely-treat-insecure-origin-as-secure=${webUrl}`],
    });
    const b = browser;
    // Warm-up (not counted): Next.js render path and the browser's code cache, both modes.
    for (const p2p of [false, true]) {
      const v = await openViewer(b, { name: `warm-${p2p}`, p2p, apiUrl });
      await v.page.goto(watchUrl);
      await v.page.waitForFunction(() => window.__bench?.playing != null, undefined, { timeout: 60_000, polling: 100 });
      await v.close();
    }

    const runScenario = async (run: number, n: number, p2p: boolean): Promise<Scenario> => {
      const browsers = Math.min(maxBrowsers, n >= 4 ? 2 : 1, n);
      // The browsers are the 2nd and the last viewer (later viewers: the ones that wait for peers).
      const browserAt = new Set(browsers === 1 ? [Math.min(1, n - 1)] : [1, n - 1]);
      const tag = `${p2p ? 'on' : 'off'}${n}r${run}`;
      const headlessIdx = [...Array(n).keys()].filter((i) => !browserAt.has(i));
      const start = Date.now();
      const cpu0 = cpuTimes();
      const runQueue = sampleRunQueue();
      const loadBefore = loadAvg1();
      const procs: HeadlessProcess[] = [];
      for (let p = 0; p * perProcess < headlessIdx.length; p++) {
        const idx = headlessIdx.slice(p * perProcess, (p + 1) * perProcess);
        const proc = runHeadlessProcess({
          apiUrl,
          videoId,
          p2p,
          names: idx.map((i) => `${tag}-h${i + 1}`),
          startAtMs: idx.map((i) => i * staggerS * 1000),
          timeoutMs: VIEWER_TIMEOUT_MS,
        });
        kills.add(proc.kill);
        procs.push(proc);
      }
      const pages: { v: Viewer; i: number; done: Promise<string | null> }[] = [];
      try {
        for (const i of [...browserAt].sort((a, c) => a - c)) {
          const due = start + i * staggerS * 1000;
          if (Date.now() < due) await sleep(due - Date.now());
          const v = await openViewer(b, { name: `${tag}-b${i + 1}`, p2p, apiUrl });
          pages.push({
            v,
            i,
            done: v.page
              .goto(watchUrl)
              .then(() => waitEnded(v, VIEWER_TIMEOUT_MS))
              .then(
                () => null,
                (e: Error) => e.message.slice(0, 300),
              ),
          });
        }
        // Everybody plays to the end, earlier viewers staying (seeding) until the last one is done.
        const [, pageErrors] = await Promise.all([Promise.all(procs.map((p) => p.ended)), Promise.all(pages.map((p) => p.done))]);
        const wallS = (Date.now() - start) / 1000;
        const cpuBusy = busyShare(cpu0, cpuTimes());
        const runnable = runQueue.stop();
        const loadAfter = loadAvg1();
        for (const p of procs) p.leave();
        const headless = await Promise.all(procs.map((p) => p.done));
        const viewers: ViewerFigures[] = [];
        for (const [k, { v, i }] of pages.entries()) {
          const t = await v.times();
          const c = await v.counters();
          viewers.push({
            name: v.name,
            kind: 'browser',
            startAtS: i * staggerS,
            ended: pageErrors[k] === null,
            error: pageErrors[k],
            stalls: t.stalls,
            stalledS: t.stalledMs / 1000,
            bytesFromPeers: c?.bytesFromPeers ?? 0,
            bytesFromOrigin: c?.bytesFromOrigin ?? 0,
            receiptsSent: (c as { receiptsSent?: number } | null)?.receiptsSent ?? 0,
            log: compactLog(await v.log()),
          });
        }
        let headlessCpuMs = 0;
        let headlessWallMs = 0;
        for (const p of headless) {
          headlessCpuMs += p.cpuMs;
          headlessWallMs += p.wallMs * p.viewers.length;
          for (const h of p.viewers) {
            viewers.push({
              name: h.name,
              kind: 'headless',
              startAtS: Number(/-h(\d+)$/.exec(h.name)?.[1] ?? 1) * staggerS - staggerS,
              ended: h.ended,
              error: h.error,
              stalls: h.stalls,
              stalledS: h.stalledMs / 1000,
              bytesFromPeers: h.bytesFromPeers,
              bytesFromOrigin: h.bytesFromOrigin,
              receiptsSent: h.swarm?.receiptsSent ?? 0,
              wires: h.swarm?.wires ?? null,
              uploaded: h.swarm?.uploaded ?? null,
              log: compactLog(h.log.map((e) => ({ key: e.key, from: e.from, bytes: 0, why: e.why }))),
            });
          }
        }
        viewers.sort((a, c) => a.startAtS - c.startAtS);
        return {
          run,
          n,
          p2p,
          browsers,
          headless: headlessIdx.length,
          wallS,
          cpuBusy,
          loadBefore,
          loadAfter,
          runnable,
          cpuPerHeadless: headlessWallMs > 0 ? headlessCpuMs / headlessWallMs : 0,
          saturated: saturation(cpuBusy, runnable),
          viewers,
        };
      } finally {
        runQueue.stop();
        for (const p of procs) kills.delete(p.kill);
        for (const p of pages) await p.v.close();
        await sleep(1500); // the tracker drops the closed peers
      }
    };

    const scenarios: Scenario[] = [];
    for (let run = 1; run <= runs; run++) {
      for (const [k, n] of viewerCounts.entries()) {
        for (const p2p of (k + run) % 2 === 1 ? [true, false] : [false, true]) {
          const s = await runScenario(run, n, p2p);
          scenarios.push(s);
          const m = summarize(s);
          console.log(
            `  [${elapsed()}] run ${run} N=${n} (${s.browsers} Chromium + ${s.headless} headless) P2P ${p2p ? 'on ' : 'off'}: ${s.wallS.toFixed(0)} s, ` +
              (s.saturated
                ? `MACHINE SATURATED (${s.saturated}): no figures`
                : `stalls ${m.stalls} (${m.viewersStalled} viewers), stalled ${m.stalledSPerViewer.toFixed(2)} s/viewer (max ${m.maxStalledS.toFixed(1)} s), from peers ${(m.peerShare * 100).toFixed(1)} %`) +
              `, CPU busy ${(s.cpuBusy * 100).toFixed(0)} %, runnable ${s.runnable.toFixed(1)}, load ${s.loadBefore.toFixed(1)} → ${s.loadAfter.toFixed(1)}, CPU per headless viewer ${(s.cpuPerHeadless * 100).toFixed(1)} % of a core` +
              (m.notEnded ? `, ${m.notEnded} viewers did not reach the end` : ''),
          );
          for (const v of s.viewers.filter((x, i) => x.kind === 'browser' || x.stalls > 0 || x.error || i < 4)) {
            console.log(
              `      ${v.name.padEnd(12)} ${v.kind.padEnd(8)} +${v.startAtS.toFixed(0).padStart(3)} s stalls ${v.stalls} (${v.stalledS.toFixed(1)} s) peers ${(v.bytesFromPeers / 1e6).toFixed(2)} MB origin ${(v.bytesFromOrigin / 1e6).toFixed(2)} MB` +
                ` receipts sent ${v.receiptsSent}${v.wires != null ? `, wires ${v.wires}, uploaded ${((v.uploaded ?? 0) / 1e6).toFixed(2)} MB` : ''}${v.error ? ` ERROR ${v.error}` : ''}`,
            );
            if (p2p) console.log(`        ${v.log.slice(0, 1200)}`);
          }
        }
      }
    }

    console.log(`\nStalls, P2P on against off (per run; figures withheld where the machine was saturated):`);
    console.log(`run  N  viewers            P2P  stalls  stalled s/viewer  max s  from peers  CPU/headless  CPU busy  runnable  load`);
    for (const s of scenarios) {
      const m = summarize(s);
      const cols = s.saturated
        ? `SATURATED: ${s.saturated}`
        : `${String(m.stalls).padStart(6)}  ${m.stalledSPerViewer.toFixed(2).padStart(16)}  ${m.maxStalledS.toFixed(1).padStart(5)}  ${(m.peerShare * 100).toFixed(1).padStart(8)} %`;
      console.log(
        `${String(s.run).padStart(3)} ${String(s.n).padStart(2)}  ${`${s.browsers} Chromium + ${s.headless}`.padEnd(17)}  ${(s.p2p ? 'on' : 'off').padEnd(3)}  ${cols}  ${(s.cpuPerHeadless * 100).toFixed(1).padStart(9)} %  ${(s.cpuBusy * 100).toFixed(0).padStart(6)} %  ${s.runnable.toFixed(1).padStart(8)}  ${s.loadBefore.toFixed(1)}→${s.loadAfter.toFixed(1)}`,
      );
    }
    const ratios: {
      run: number;
      n: number;
      stallsOn: number;
      stallsOff: number;
      stalledOn: number;
      stalledOff: number;
      verdict: string;
    }[] = [];
    for (let run = 1; run <= runs; run++) {
      for (const n of viewerCounts) {
        const on = scenarios.find((s) => s.run === run && s.n === n && s.p2p)!;
        const off = scenarios.find((s) => s.run === run && s.n === n && !s.p2p)!;
        if (on.saturated || off.saturated) {
          ratios.push({
            run,
            n,
            stallsOn: NaN,
            stallsOff: NaN,
            stalledOn: NaN,
            stalledOff: NaN,
            verdict: 'not measured: machine saturated',
          });
          continue;
        }
        const a = summarize(on);
        const z = summarize(off);
        const ok = a.stalls <= z.stalls && a.stalledSPerViewer <= z.stalledSPerViewer + 1e-9;
        ratios.push({
          run,
          n,
          stallsOn: a.stalls,
          stallsOff: z.stalls,
          stalledOn: a.stalledSPerViewer,
          stalledOff: z.stalledSPerViewer,
          verdict: ok ? 'on ≤ off' : 'ON > OFF',
        });
      }
    }
    console.log(`\non / off:`);
    for (const x of ratios) {
      const ratio = (a: number, z: number) =>
        z > 0 ? `${((a / z) * 100).toFixed(0)} %` : a > 0 ? '∞ (off had none)' : '— (neither stalled)';
      console.log(
        Number.isNaN(x.stallsOn)
          ? `  run ${x.run} N=${x.n}: ${x.verdict}`
          : `  run ${x.run} N=${x.n}: stalls ${x.stallsOn} / ${x.stallsOff} (${ratio(x.stallsOn, x.stallsOff)}), stalled s per viewer ${x.stalledOn.toFixed(2)} / ${x.stalledOff.toFixed(2)} (${ratio(x.stalledOn, x.stalledOff)}): ${x.verdict}`,
      );
    }
    const measured = ratios.filter((x) => !Number.isNaN(x.stallsOn));
    console.log(
      `goal (P2P on stalls no more than off, every N): ${measured.length === 0 ? 'NOT MEASURED (machine saturated)' : measured.every((x) => x.verdict === 'on ≤ off') ? `met in ${measured.length} of ${ratios.length} pairs measured` : 'NOT met'}`,
    );
    console.log(`bench took ${elapsed()}`);
    const outDir = resolve(__dirname, '..', '..', 'bench', 'results');
    await mkdir(outDir, { recursive: true });
    const file = join(outDir, 'p2p-stalls.json');
    await writeFile(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version },
          video,
          options: { viewerCounts, maxBrowsers, staggerS, perProcess, runs },
          scenarios,
          ratios,
        },
        null,
        2,
      ),
    );
    console.log(`raw figures (every viewer's per-segment sources and reasons): ${file}`);
  } finally {
    await stopAll();
  }
}

async function main(): Promise<number> {
  if (insidePrivateNetns()) {
    await inside();
    return 0;
  }
  const reason = netnsUnavailable();
  if (reason) {
    console.error(`p2p stalls bench: ${reason}`);
    return 2;
  }
  return runNodeInNetns([__filename, ...process.argv.slice(2)], OUTER_TIMEOUT_MS);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
