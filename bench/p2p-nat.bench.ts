/**
 * Offload across NATs: the P2P bench with every viewer in its own home behind its own NAT, as on the
 * internet. The NAT lab (e2e/support/nat-lab.ts: network namespaces, root) gets one home per viewer;
 * the platform runs as `npm start` does with TURN=on (its own coturn) in the lab's public namespace,
 * and a creator uploads a test clip. Then, for N = 2, 4, 8 viewers started `--stagger` s apart, each
 * a headless viewer process (bench/support/headless-peer.ts: the page's fetch policy, receipts and
 * webtorrent with the session's ICE servers) in home i, playing to the end while the earlier ones
 * stay, in three modes:
 *   off    sharing off: every byte from the origin (the baseline);
 *   cone   every home behind a port-restricted cone NAT: wires go direct (srflx/prflx) by hole punching;
 *   mixed  every other home behind a symmetric NAT: a symmetric home's wires go through the TURN relay.
 * Per scenario: origin bytes per viewer and their ratio to P2P off, the share of the content from
 * direct and from relayed peers (each wire's path from its selected ICE candidate pair), the relay's
 * bytes, stalls, and the machine's load; a scenario on a saturated machine is reported as such,
 * without figures. Goal (issue 10): origin bytes per viewer at N = 8 with cone NATs ≤ 50 % of P2P off.
 * `--browsers K` (default 1): the viewers of the last K homes that go symmetric in `mixed` (homes 2, 4,
 * … from the last) are real Chromium pages (the watch page in a browser running inside that home), in
 * every mode, because node-datachannel's wires never connect over TURN (docs/ARCHITECTURE.md): without
 * a browser there, `mixed` would show no relayed bytes at all. A page's direct/relayed split is the
 * page's own (`window.__wetubeP2P` from getStats' selected candidate pairs).
 * Writes bench/results/p2p-nat.json.
 * Run (root): npm run bench:p2p-nat   or   node dist/bench/p2p-nat.bench.js [--viewers 2,4,8]
 *      [--stagger 3] [--video 40] [--runs 1] [--modes off,cone,mixed] [--browsers 1]
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { uploadTestVideo } from '../e2e/support/lab-video';
import { natLabUnavailable, setNat, type NatKind, type NatLabSpec } from '../e2e/support/nat-lab';
import { startLabPlatform } from '../e2e/support/nat-lab-platform';
import { natLabFromEnv, runNodeInPublicNs, withNatLab } from '../e2e/support/nat-lab-run';
import type { Platform } from '../e2e/platform.harness';
import { arg } from './support/cli';
import type { HeadlessPeerResult } from './support/headless-peer';
import { runHeadlessProcess, type HeadlessProcess } from './support/headless-process-runner';
import { busyShare, cpuTimes, loadAvg1, sampleRunQueue, saturation } from './support/machine-load';
import { launchChromiumInHome } from '../e2e/support/home-browser';
import type { Browser } from 'playwright-core';
import { compactLog, openViewer, waitEnded, type Viewer } from './support/viewer';

type Mode = 'off' | 'cone' | 'mixed';

const OUTER_TIMEOUT_MS = 60 * 60_000;
const VIEWER_TIMEOUT_MS = 180_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ViewerFigures {
  name: string;
  kind: 'browser' | 'headless';
  home: string;
  nat: NatKind;
  ended: boolean;
  error: string | null;
  stalls: number;
  stalledS: number;
  bytesFromPeers: number;
  bytesFromOrigin: number;
  /** Block bytes received over direct and over relayed wires (webtorrent's pieces, before the segment checks). */
  blocksDirect: number;
  blocksRelayed: number;
  blocksUnknownPath: number;
  receiptsSent: number;
  uploaded: number;
  /** WebRTC wires at the end. */
  wires: number;
  /** Each segment's source and why (the loader's log). */
  log: string;
}

interface Scenario {
  run: number;
  n: number;
  mode: Mode;
  wallS: number;
  cpuBusy: number;
  runnable: number;
  loadBefore: number;
  loadAfter: number;
  saturated: string | null;
  viewers: ViewerFigures[];
}

interface Figures {
  originPerViewer: number;
  peerShare: number;
  directShare: number;
  relayedShare: number;
  relayedBytes: number;
  stalls: number;
  notEnded: number;
  unknownPath: number;
}

/** Content shares: what came from peers, split direct/relayed in the proportion the wires' blocks were. */
function figures(s: Scenario): Figures {
  const v = s.viewers;
  const sum = (f: (x: ViewerFigures) => number) => v.reduce((a, x) => a + f(x), 0);
  const all = sum((x) => x.bytesFromPeers + x.bytesFromOrigin);
  const peers = sum((x) => x.bytesFromPeers);
  const direct = sum((x) => x.blocksDirect);
  const relayed = sum((x) => x.blocksRelayed);
  const known = direct + relayed;
  const peerShare = peers / Math.max(1, all);
  return {
    originPerViewer: sum((x) => x.bytesFromOrigin) / Math.max(1, v.length),
    peerShare,
    directShare: known > 0 ? (peerShare * direct) / known : 0,
    relayedShare: known > 0 ? (peerShare * relayed) / known : 0,
    relayedBytes: relayed,
    stalls: sum((x) => x.stalls),
    notEnded: v.filter((x) => !x.ended).length,
    unknownPath: sum((x) => x.blocksUnknownPath),
  };
}

/** A Chromium viewer's figures from the page's own counters (window.__wetubeP2P) and the bench's init script. */
async function pageFigures(v: Viewer, home: NatLabSpec['homes'][number], errors: string[], ended: boolean): Promise<ViewerFigures> {
  const c = await v.counters().catch(() => null);
  const t = await v.times().catch(() => null);
  const log = await v.log().catch(() => []);
  const peers = c?.bytesFromPeers ?? 0;
  const direct = c?.bytesFromDirectPeers ?? 0;
  const relayed = c?.bytesFromRelayedPeers ?? 0;
  const mine = errors.filter((e) => e.startsWith(v.name));
  return {
    name: v.name,
    kind: 'browser',
    home: home.ns,
    nat: home.nat,
    ended,
    error: mine.length ? mine.join('; ') : null,
    stalls: t?.stalls ?? 0,
    stalledS: (t?.stalledMs ?? 0) / 1000,
    bytesFromPeers: peers,
    bytesFromOrigin: c?.bytesFromOrigin ?? 0,
    blocksDirect: direct,
    blocksRelayed: relayed,
    blocksUnknownPath: Math.max(0, peers - direct - relayed),
    receiptsSent: c?.receiptsSent ?? 0,
    uploaded: c?.bytesUploaded ?? 0,
    wires: c?.peers ?? 0,
    log: compactLog(log),
  };
}

const mb = (b: number) => (b / 1e6).toFixed(2);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

async function inside(lab: NatLabSpec): Promise<void> {
  const viewerCounts = arg('viewers', '2,4,8').split(',').map(Number);
  const staggerS = Number(arg('stagger', '3'));
  const videoS = Number(arg('video', '40'));
  const runs = Number(arg('runs', '1'));
  const modes = arg('modes', 'off,cone,mixed').split(',') as Mode[];
  const browsers = Number(arg('browsers', '1'));
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`NAT lab: ${lab.homes.length} homes, the platform at ${lab.pubIp} (TURN=on)`);

  let platform: Platform | null = null;
  const kills = new Set<() => void>();
  const stopAll = async () => {
    for (const k of kills) k();
    await platform?.stop();
  };
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => void stopAll().finally(() => process.exit(130)));
  try {
    const started = await startLabPlatform(lab, { ORIGIN_ACCESS_LOG: 'off' });
    platform = started.platform;
    const api = started.api;
    const videoId = await uploadTestVideo(api, { durationSec: videoS, title: `NAT bench clip ${videoS} s` });
    console.log(`platform ready and a ${videoS} s clip READY after ${elapsed()}`);
    const watchUrl = `${started.webUrl}/watch/${videoId}`;
    /** Homes whose viewer is a Chromium page: the last `browsers` odd-indexed ones (symmetric in `mixed`). */
    const browserHomes = (n: number) =>
      new Set(
        Array.from({ length: n }, (_, i) => i)
          .filter((i) => i % 2 === 1)
          .slice(-browsers),
      );

    const runScenario = async (run: number, n: number, mode: Mode): Promise<Scenario> => {
      const homes = lab.homes.slice(0, n);
      if (mode !== 'off') homes.forEach((h, i) => setNat(h, mode === 'mixed' && i % 2 === 1 ? 'symmetric' : 'cone'));
      const start = Date.now();
      const cpu0 = cpuTimes();
      const runQueue = sampleRunQueue();
      const loadBefore = loadAvg1();
      const inBrowser = browserHomes(n);
      const pages: { i: number; browser: Browser; viewer: Viewer; ended: Promise<void> }[] = [];
      const procs: (HeadlessProcess | null)[] = homes.map((h, i) => {
        if (inBrowser.has(i)) return null;
        const proc = runHeadlessProcess(
          {
            apiUrl: api,
            videoId,
            p2p: mode !== 'off',
            names: [`${mode}${n}r${run}-v${i + 1}`],
            startAtMs: [i * staggerS * 1000],
            timeoutMs: VIEWER_TIMEOUT_MS,
          },
          { netns: h.ns },
        );
        kills.add(proc.kill);
        return proc;
      });
      for (const i of inBrowser) {
        const name = `${mode}${n}r${run}-b${i + 1}`;
        const browser = await launchChromiumInHome(homes[i].ns, started.webUrl);
        const viewer = await openViewer(browser, { name, p2p: mode !== 'off', apiUrl: api });
        const ended = sleep(Math.max(0, start + i * staggerS * 1000 - Date.now())).then(() =>
          viewer.page.goto(watchUrl).then(() => waitEnded(viewer, VIEWER_TIMEOUT_MS)),
        );
        ended.catch(() => undefined);
        pages.push({ i, browser, viewer, ended });
      }
      try {
        // Everybody plays to the end, earlier viewers staying (seeding) until the last one is done.
        const pageErrors: string[] = [];
        await Promise.all([
          ...procs.map((p) => p?.ended),
          ...pages.map((p) => p.ended.catch((e: Error) => void pageErrors.push(e.message))),
        ]);
        const wallS = (Date.now() - start) / 1000;
        const cpuBusy = busyShare(cpu0, cpuTimes());
        const runnable = runQueue.stop();
        const loadAfter = loadAvg1();
        for (const p of procs) p?.leave();
        const results = await Promise.all(procs.map((p) => p?.done ?? null));
        const fromPages = new Map<number, ViewerFigures>();
        for (const p of pages)
          fromPages.set(
            p.i,
            await pageFigures(
              p.viewer,
              homes[p.i],
              pageErrors,
              await p.ended.then(
                () => true,
                () => false,
              ),
            ),
          );
        const viewers = results.map((r, i): ViewerFigures => {
          const fromPage = fromPages.get(i);
          if (fromPage || !r) return fromPage!;
          const h: HeadlessPeerResult = r.viewers[0];
          return {
            name: h.name,
            kind: 'headless',
            home: homes[i].ns,
            nat: homes[i].nat,
            ended: h.ended,
            error: h.error,
            stalls: h.stalls,
            stalledS: h.stalledMs / 1000,
            bytesFromPeers: h.bytesFromPeers,
            bytesFromOrigin: h.bytesFromOrigin,
            blocksDirect: h.swarm?.bytesDirect ?? 0,
            blocksRelayed: h.swarm?.bytesRelayed ?? 0,
            blocksUnknownPath: h.swarm?.bytesUnknownPath ?? 0,
            receiptsSent: h.swarm?.receiptsSent ?? 0,
            uploaded: h.swarm?.uploaded ?? 0,
            wires: h.swarm?.wires ?? 0,
            log: compactLog(h.log.map((e) => ({ key: e.key, from: e.from, bytes: 0, why: e.why }))),
          };
        });
        return { run, n, mode, wallS, cpuBusy, runnable, loadBefore, loadAfter, saturated: saturation(cpuBusy, runnable), viewers };
      } finally {
        runQueue.stop();
        for (const p of procs) {
          if (!p) continue;
          p.kill();
          kills.delete(p.kill);
        }
        for (const p of pages) await p.browser.close().catch(() => undefined);
        await sleep(1500); // the tracker drops the peers that left
      }
    };

    const scenarios: Scenario[] = [];
    for (let run = 1; run <= runs; run++) {
      for (const [k, n] of viewerCounts.entries()) {
        // Which mode goes first alternates, so a warming machine does not favour one.
        const order = (k + run) % 2 === 1 ? modes : [...modes].reverse();
        for (const mode of order) {
          const s = await runScenario(run, n, mode);
          scenarios.push(s);
          const f = figures(s);
          console.log(
            `  [${elapsed()}] run ${run} N=${n} ${mode.padEnd(5)}: ${s.wallS.toFixed(0)} s, ` +
              (s.saturated
                ? `MACHINE SATURATED (${s.saturated}): no figures`
                : `origin ${mb(f.originPerViewer)} MB/viewer, from peers ${pct(f.peerShare)} (direct ${pct(f.directShare)}, relayed ${pct(f.relayedShare)}, relay carried ${mb(f.relayedBytes)} MB), stalls ${f.stalls}`) +
              `, CPU busy ${(s.cpuBusy * 100).toFixed(0)} %, runnable ${s.runnable.toFixed(1)}, load ${s.loadBefore.toFixed(1)} → ${s.loadAfter.toFixed(1)}` +
              (f.notEnded ? `, ${f.notEnded} viewers did not reach the end` : '') +
              (f.unknownPath ? `, ${mb(f.unknownPath)} MB over wires of unknown path` : ''),
          );
          for (const v of s.viewers) {
            console.log(
              `      ${v.name.padEnd(14)} ${v.kind.padEnd(8)} ${v.nat.padEnd(9)} peers ${mb(v.bytesFromPeers)} MB origin ${mb(v.bytesFromOrigin)} MB, blocks direct ${mb(v.blocksDirect)} relayed ${mb(v.blocksRelayed)} MB, ` +
                `uploaded ${mb(v.uploaded)} MB, wires ${v.wires}, receipts sent ${v.receiptsSent}, stalls ${v.stalls} (${v.stalledS.toFixed(1)} s)${v.error ? ` ERROR ${v.error}` : ''}`,
            );
            if (s.mode !== 'off') console.log(`        ${v.log.slice(0, 600)}`);
          }
        }
      }
    }

    console.log(
      `\nOrigin bytes per viewer with P2P on against off, viewers in homes behind NATs (figures withheld where the machine was saturated):`,
    );
    console.log(`run  N  mode   origin MB/viewer  vs off   from peers  direct    relayed   relay MB  stalls  CPU busy  runnable  load`);
    const offOf = (run: number, n: number) => scenarios.find((x) => x.run === run && x.n === n && x.mode === 'off');
    const verdicts: string[] = [];
    for (const s of scenarios) {
      const f = figures(s);
      const off = offOf(s.run, s.n);
      const ratio = off && !off.saturated && s.mode !== 'off' ? f.originPerViewer / Math.max(1, figures(off).originPerViewer) : NaN;
      const cols = s.saturated
        ? `SATURATED: ${s.saturated}`
        : `${mb(f.originPerViewer).padStart(16)}  ${(Number.isNaN(ratio) ? '—' : pct(ratio)).padStart(7)}  ${pct(f.peerShare).padStart(9)}  ${pct(f.directShare).padStart(7)}  ${pct(f.relayedShare).padStart(7)}  ${mb(f.relayedBytes).padStart(8)}  ${String(f.stalls).padStart(6)}`;
      console.log(
        `${String(s.run).padStart(3)} ${String(s.n).padStart(2)}  ${s.mode.padEnd(5)}  ${cols}  ${(s.cpuBusy * 100).toFixed(0).padStart(6)} %  ${s.runnable.toFixed(1).padStart(8)}  ${s.loadBefore.toFixed(1)}→${s.loadAfter.toFixed(1)}`,
      );
      if (s.mode === 'cone' && s.n === 8) {
        verdicts.push(
          s.saturated || !off || off.saturated
            ? `run ${s.run}: not measured (machine saturated)`
            : `run ${s.run}: origin per viewer ${pct(ratio)} of P2P off: ${ratio <= 0.5 ? 'met' : 'NOT met'}`,
        );
      }
    }
    if (verdicts.length) console.log(`goal (N = 8, cone NATs: origin bytes per viewer ≤ 50 % of P2P off): ${verdicts.join('; ')}`);
    console.log(`bench took ${elapsed()}`);
    const outDir = resolve(__dirname, '..', '..', 'bench', 'results');
    await mkdir(outDir, { recursive: true });
    const file = join(outDir, 'p2p-nat.json');
    await writeFile(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version },
          options: { viewerCounts, staggerS, videoS, runs, modes, browsers },
          scenarios,
        },
        null,
        2,
      ),
    );
    console.log(`raw figures: ${file}`);
    // coturn's own log: allocations, permissions and channel binds of the relayed wires.
    await copyFile(join(started.platform.dataDir, 'turnserver.log'), join(outDir, 'p2p-nat-turnserver.log')).catch(() => undefined);
  } finally {
    await stopAll();
  }
}

async function main(): Promise<number> {
  const lab = natLabFromEnv();
  if (lab) {
    await inside(lab);
    return 0;
  }
  const wantsChromium = Number(arg('browsers', '1')) > 0;
  const missing = natLabUnavailable({ chromium: wantsChromium });
  if (missing) {
    console.error(`p2p NAT bench: cannot build the NAT lab: this machine lacks ${missing}`);
    return 2;
  }
  const homes = Math.max(...arg('viewers', '2,4,8').split(',').map(Number));
  return withNatLab(Array<NatKind>(homes).fill('cone'), { chromium: wantsChromium }, (l) =>
    runNodeInPublicNs(l, [__filename, ...process.argv.slice(2)], OUTER_TIMEOUT_MS),
  );
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
