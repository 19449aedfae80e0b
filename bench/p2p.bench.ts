/**
 * P2P bench: the real platform (`npm start`, as e2e/p2p.e2e.ts starts it) and real Chromium viewers
 * inside a private network namespace (root; the bench re-runs itself there), our P2P player against
 * the same player with P2P switched off by the viewer's own preference (the origin-only baseline),
 * same video, same run.
 *   1. Offload: for N viewers (default 2, 4, 8) of one video, started one after another (stagger
 *      3 s), each playing to the end while the earlier ones stay on the page: bytes from peers / all
 *      content bytes (the pages' counters, window.__wetubeP2P), and origin bytes per viewer counted
 *      independently from the browser's responses (page.on('response')), P2P on and off.
 *   2. Time to first frame: navigation start → first `playing` (and first frame presented,
 *      requestVideoFrameCallback), P2P on and off alternating, with one P2P viewer holding the whole
 *      video on its page throughout; medians, on/off (goal: at most +10 %).
 * Prints tables and ratios; writes bench/results/p2p.json (with every viewer's per-segment source log).
 * Each viewer reaches the platform from a loopback IP of its own (bench/support/source-proxy.ts), as
 * real viewers do; the largest N is run once more with P2P on and every viewer behind one IP (the
 * tracker limits announces per IP).
 *   3. With `--ice both`: time to first frame with ICE servers configured against without. A second
 *      platform runs beside the first with `TURN=on` (its own coturn on the namespace's address, STUN
 *      and TURN with per-session credentials in every playbackSession), its own P2P viewer holding
 *      its video; each round adds a P2P-on trial against it, so the rounds alternate P2P off, P2P on
 *      without ICE servers and P2P on with them; medians and the with/without ratio (goal: at most
 *      +10 %).
 * Run (root): npm run bench:p2p   or   node dist/bench/p2p.bench.js [--viewers 2,4,8 (0: skip)] [--stagger 3]
 *      [--rounds 7] [--shared-ip 8 (0: skip)] [--ice off|both] [--audio: an audio item on its listen page; time to first sound]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freeServicePort } from '@wetube/testing';
import { CHROMIUM_ARGS, type Platform, startPlatform } from '../e2e/platform.harness';
import { generateAudioFile } from '@wetube/testing';
import { ApiClient, arg, sleep, tusUpload, waitForStatus } from './support/api';
import { probeAbrInput } from './support/abr-probe';
import { busyShare, cpuTimes } from './support/machine-load';
import { insidePrivateNetns, NETNS_ADDR, netnsUnavailable, runNodeInNetns } from '../e2e/netns';
import { type SourceProxy, startSourceProxy } from './support/source-proxy';
import {
  compactLog,
  findWebTorrentChunk,
  type HlsFragView,
  openViewer,
  type OriginTally,
  type PageCounters,
  type PageTimes,
  type StartupBreakdown,
  type TrackerTally,
  type Viewer,
  waitEnded,
} from './support/viewer';
import { median } from './support/wrk';

declare const window: any;

const OUTER_TIMEOUT_MS = 20 * 60_000;

interface ViewerResult {
  name: string;
  sourceAddress: string | null;
  startAtS: number;
  counters: PageCounters | null;
  origin: OriginTally;
  tracker: TrackerTally;
  times: PageTimes;
  hlsFrag: HlsFragView;
  sources: string;
  errors: string[];
}

interface Scenario {
  n: number;
  p2p: boolean;
  /** All viewers behind one IP (else one IP each). */
  sharedIp: boolean;
  wallS: number;
  /** Share of the machine's CPU time busy during the scenario (all processes). */
  cpuBusy: number;
  viewers: ViewerResult[];
}

interface ScenarioSummary {
  n: number;
  p2p: boolean;
  sharedIp: boolean;
  contentBytes: number;
  peerShare: number;
  /** Share from peers for viewers 2..N (viewer 1 has nobody to get from). */
  laterPeerShare: number;
  minLaterPeerShare: number;
  originSegmentBytesPerViewer: number;
  /** Every byte the api host sent the pages (segments, playlists, .torrent/manifest, GraphQL, poster…). */
  originAllBytesPerViewer: number;
  p2pMetaBytesPerViewer: number;
  countersOriginBytes: number;
  responseSegmentBytes: number;
  uploadedBytes: number;
  stalls: number;
  stalledMs: number;
  cpuBusy: number;
  /** Viewers 2..N that got less than half of their content from peers: `name share`. */
  laterBelowHalf: string[];
  errors: string[];
}

interface TtffTrial {
  round: number;
  p2p: boolean;
  times: PageTimes;
  startup: StartupBreakdown;
  loadavg1: number;
  peersAfter: number;
  stateAfter: string | null;
  firstSources: string;
}

const mb = (n: number) => (n / 1e6).toFixed(2);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ms = (x: number | null) => (x === null ? 'n/a' : x.toFixed(0));

function summarize(s: Scenario): ScenarioSummary {
  let peers = 0;
  let fromOrigin = 0;
  let laterPeers = 0;
  let laterTotal = 0;
  let minLater = 1;
  let seg = 0;
  let all = 0;
  let meta = 0;
  let up = 0;
  let stalls = 0;
  let stalledMs = 0;
  const errors: string[] = [];
  const laterBelowHalf: string[] = [];
  s.viewers.forEach((v, i) => {
    const c = v.counters ?? { bytesFromPeers: 0, bytesFromOrigin: 0, bytesUploaded: 0 };
    peers += c.bytesFromPeers;
    fromOrigin += c.bytesFromOrigin;
    up += c.bytesUploaded;
    if (i > 0) {
      laterPeers += c.bytesFromPeers;
      laterTotal += c.bytesFromPeers + c.bytesFromOrigin;
      const share = c.bytesFromPeers / Math.max(1, c.bytesFromPeers + c.bytesFromOrigin);
      minLater = Math.min(minLater, share);
      if (s.p2p && share < 0.5) laterBelowHalf.push(`${v.name} ${pct(share)}`);
    }
    seg += v.origin.segmentBytes;
    meta += v.origin.p2pMetaBytes;
    all += v.origin.segmentBytes + v.origin.playlistBytes + v.origin.p2pMetaBytes + v.origin.otherBytes;
    stalls += v.times.stalls;
    stalledMs += v.times.stalledMs;
    errors.push(...v.errors);
  });
  return {
    n: s.n,
    p2p: s.p2p,
    sharedIp: s.sharedIp,
    contentBytes: peers + fromOrigin,
    peerShare: peers / Math.max(1, peers + fromOrigin),
    laterPeerShare: laterPeers / Math.max(1, laterTotal),
    minLaterPeerShare: s.viewers.length > 1 ? minLater : 0,
    originSegmentBytesPerViewer: seg / s.n,
    originAllBytesPerViewer: all / s.n,
    p2pMetaBytesPerViewer: meta / s.n,
    countersOriginBytes: fromOrigin,
    responseSegmentBytes: seg,
    uploadedBytes: up,
    stalls,
    stalledMs,
    cpuBusy: s.cpuBusy,
    laterBelowHalf,
    errors,
  };
}

/**
 * --audio: a creator uploads a generated 60 s song (MP3 with a cover) through the api; its listen
 * page is what the viewers open. Returns the item as the bench reads the sample video.
 */
async function uploadAudioItem(apiUrl: string, path: string): Promise<any> {
  const creator = new ApiClient(apiUrl);
  await creator.signUp('Bench Musician');
  const file = await generateAudioFile({ path, durationSec: 60, codec: 'libmp3lame', bitrateK: 192, coverSize: 300 });
  const up = await tusUpload(creator, file, { title: 'Bench song' });
  if (!up.videoId) throw new Error(`audio upload failed: ${JSON.stringify(up.error)}`);
  const done = await waitForStatus(creator, up.videoId, ['READY', 'FAILED'], 240_000);
  if (done.status !== 'READY') throw new Error(`audio item ${done.status}`);
  const r: any = await creator.gql(`query($id: ID!) { video(id: $id) { id durationSec renditions { name } swarms { rendition bytes } } }`, {
    id: up.videoId,
  });
  return r.data.video;
}

async function inside(): Promise<void> {
  const viewerCounts = arg('viewers', '2,4,8')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const withIce = arg('ice', 'off') === 'both';
  const staggerS = Number(arg('stagger', '3'));
  const rounds = Number(arg('rounds', '7'));
  // --audio: the same runs for an audio item (a generated 60 s song, on the listen page): time to first sound.
  const audio = process.argv.includes('--audio');
  // The largest N once more with P2P on and every viewer behind one IP (0 = skip).
  const sharedIpN = Number(arg('shared-ip', String(Math.max(...viewerCounts))));
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  let platform: Platform | null = null;
  let icePlatform: Platform | null = null;
  let browser: Browser | null = null;
  const proxies = new Map<string, Promise<SourceProxy>>();
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    for (const p of proxies.values()) await (await p.catch(() => null))?.close();
    await icePlatform?.stop();
    await platform?.stop();
  };
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => void stopAll().finally(() => process.exit(130)));
  try {
    const port = await freeServicePort();
    let webPort = await freeServicePort();
    while (webPort === port) webPort = await freeServicePort();
    const apiUrl = `http://${NETNS_ADDR}:${port}`;
    const webUrl = `http://${NETNS_ADDR}:${webPort}`;
    // As e2e/p2p.e2e.ts: HOST 0.0.0.0 is only lo and the veth pair inside this namespace.
    platform = await startPlatform({
      PORT: String(port),
      WEB_PORT: String(webPort),
      HOST: '0.0.0.0',
      PUBLIC_API_URL: apiUrl,
      WETUBE_API_URL: apiUrl,
      WEB_ORIGIN: webUrl,
      npm_config_offline: 'true',
    });
    const r: any = await (
      await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ videos(first: 1) { edges { node { id durationSec renditions { name } swarms { rendition bytes } } } } }',
        }),
      })
    ).json();
    let video = r.data.videos.edges[0].node;
    if (audio) video = await uploadAudioItem(apiUrl, join(platform.dataDir, 'bench-audio.mp3'));
    const videoId: string = video.id;
    const watchUrl = `${webUrl}/watch/${videoId}`;
    console.log(
      `platform ready after ${elapsed()} (npm start: sample video rendered and transcoded); video ${videoId}: ${video.durationSec} s, ` +
        `renditions ${(video.renditions ?? []).map((x: { name: string }) => x.name).join(', ')}; swarms ${(video.swarms ?? []).map((s: { rendition: string; bytes: number }) => `${s.rendition} ${mb(s.bytes)} MB`).join(', ')}`,
    );

    // --ice both: the same platform with the operator's STUN/TURN (its own coturn on the namespace's address).
    let ice: { apiUrl: string; webUrl: string; watchUrl: string; iceServers: unknown } | null = null;
    if (withIce) {
      const iPort = await freeServicePort();
      let iWebPort = await freeServicePort();
      while (iWebPort === iPort || [port, webPort].includes(iWebPort)) iWebPort = await freeServicePort();
      const iApi = `http://${NETNS_ADDR}:${iPort}`;
      const iWeb = `http://${NETNS_ADDR}:${iWebPort}`;
      icePlatform = await startPlatform({
        PORT: String(iPort),
        WEB_PORT: String(iWebPort),
        HOST: '0.0.0.0',
        PUBLIC_API_URL: iApi,
        WETUBE_API_URL: iApi,
        WEB_ORIGIN: iWeb,
        TURN: 'on',
        TURN_LISTEN_IP: NETNS_ADDR,
        npm_config_offline: 'true',
      });
      const q = async (query: string) =>
        (await (
          await fetch(`${iApi}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          })
        ).json()) as any;
      const iVideo = (await q('{ videos(first: 1) { edges { node { id } } } }')).data.videos.edges[0].node.id as string;
      // What a viewer's session carries there (a throwaway key: the api only certifies it).
      const { generateKeyPairSync } = await import('node:crypto');
      const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
      const s = await q(
        `mutation { playbackSession(input: { videoId: "${iVideo}", sessionPublicKey: "${Buffer.from(raw).toString('base64url')}" }) { session { iceServers { urls username } } userErrors { code } } }`,
      );
      ice = {
        apiUrl: iApi,
        webUrl: iWeb,
        watchUrl: `${iWeb}/watch/${iVideo}`,
        iceServers: s.data?.playbackSession?.session?.iceServers ?? s.errors,
      };
      console.log(`ICE platform ready after ${elapsed()} (TURN=on): sessions carry ${JSON.stringify(ice.iceServers)}`);
    }
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        ...CHROMIUM_ARGS,
        '--disable-features=WebRtcHideLocalIpsWithMdns',
        `--unsafely-treat-insecure-origin-as-secure=${[webUrl, ...(ice ? [ice.webUrl] : [])].join(',')}`,
      ],
    });
    const b = browser;
    const webtorrentChunk = findWebTorrentChunk(resolve(__dirname, '..', '..', 'web'));
    // Each viewer reaches the platform from a loopback address of its own (one IP per viewer, as
    // real viewers have), through a small proxy; WebRTC between the pages stays direct.
    const proxyFor = (sourceAddress: string) => {
      let p = proxies.get(sourceAddress);
      if (!p) proxies.set(sourceAddress, (p = startSourceProxy(NETNS_ADDR, sourceAddress)));
      return p;
    };
    const open = async (name: string, p2p: boolean, sourceAddress: string, api = apiUrl) =>
      openViewer(b, { name, p2p, apiUrl: api, webtorrentChunk, proxy: await proxyFor(sourceAddress) });

    // Warm-up (not counted): Next.js render path, origin cache, browser code cache; both modes.
    for (const p2p of [false, true]) {
      const v = await open(`warm-${p2p ? 'on' : 'off'}`, p2p, p2p ? '127.0.0.201' : '127.0.0.200');
      await v.page.goto(watchUrl);
      await v.page.waitForFunction(() => window.__bench?.playing != null, undefined, { timeout: 60_000, polling: 100 });
      await v.close();
    }
    // What hls.js's ABR is fed: its plain loader against the player's fragment loader, same page.
    const probePage = await open('abr-probe', false, '127.0.0.202');
    await probePage.page.goto(watchUrl);
    const abrProbe = await probeAbrInput(probePage.page);
    await probePage.close();
    const fmtProbe = (xs: { sn: number; loaded: number; bwKbps: number }[]) =>
      xs.map((x) => `#${x.sn} ${(x.loaded / 1e3).toFixed(0)} kB → ${x.bwKbps} kbit/s`).join(', ');
    console.log(`hls.js ABR input (frag.stats.loaded → bandwidth estimate): plain hls.js loader: ${fmtProbe(abrProbe.plain)}`);
    console.log(`                                                  player's fragment loader: ${fmtProbe(abrProbe.playerLoader)}`);
    await sleep(1500);

    // ---- 1. offload -----------------------------------------------------------------------------
    const scenarios: Scenario[] = [];
    const runScenario = async (n: number, p2p: boolean, sharedIp: boolean): Promise<Scenario> => {
      const viewers: Viewer[] = [];
      const startAt: number[] = [];
      const done: Promise<void>[] = [];
      const start = Date.now();
      const cpu0 = cpuTimes();
      try {
        for (let i = 0; i < n; i++) {
          const due = start + i * staggerS * 1000;
          if (Date.now() < due) await sleep(due - Date.now());
          const v = await open(
            `${p2p ? 'on' : 'off'}${n}${sharedIp ? '1ip' : ''}-v${i + 1}`,
            p2p,
            sharedIp ? '127.0.0.10' : `127.0.0.${11 + i}`,
          );
          viewers.push(v);
          startAt.push((Date.now() - start) / 1000);
          done.push(v.page.goto(watchUrl).then(() => waitEnded(v, 120_000)));
        }
        await Promise.all(done);
        await sleep(1000); // last counters (uploads) settle
        const results: ViewerResult[] = [];
        for (const [i, v] of viewers.entries()) {
          results.push({
            name: v.name,
            sourceAddress: v.sourceAddress,
            startAtS: startAt[i],
            counters: await v.counters(),
            origin: { ...v.origin },
            tracker: { ...v.tracker, failureReasons: [...v.tracker.failureReasons] },
            times: await v.times(),
            hlsFrag: await v.hlsFrag(),
            sources: compactLog(await v.log()),
            errors: [...v.errors],
          });
        }
        return { n, p2p, sharedIp, wallS: (Date.now() - start) / 1000, cpuBusy: busyShare(cpu0, cpuTimes()), viewers: results };
      } finally {
        for (const v of viewers) await v.close();
        await sleep(1500); // the tracker drops the closed peers
      }
    };
    const plan: { n: number; p2p: boolean; sharedIp: boolean }[] = [];
    for (const [i, n] of viewerCounts.entries())
      for (const p2p of i % 2 === 0 ? [true, false] : [false, true]) plan.push({ n, p2p, sharedIp: false });
    if (sharedIpN > 0) plan.push({ n: sharedIpN, p2p: true, sharedIp: true });
    for (const { n, p2p, sharedIp } of plan) {
      const loadBefore = loadavg()[0];
      const s = await runScenario(n, p2p, sharedIp);
      scenarios.push(s);
      const sum = summarize(s);
      console.log(
        `  [${elapsed()}] N=${n} P2P ${p2p ? 'on ' : 'off'}${sharedIp ? ' (all viewers behind ONE IP)' : ''}: ${s.wallS.toFixed(0)} s, from peers ${pct(sum.peerShare)} (viewers 2..N ${pct(sum.laterPeerShare)}), ` +
          `origin segment bytes/viewer ${mb(sum.originSegmentBytesPerViewer)} MB, stalls ${sum.stalls}, machine CPU busy ${pct(sum.cpuBusy)}, load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}${sum.errors.length ? `, PAGE ERRORS ${JSON.stringify(sum.errors)}` : ''}`,
      );
      for (const v of s.viewers) {
        const c = v.counters;
        console.log(
          `      ${v.name.padEnd(9)} start +${v.startAtS.toFixed(1).padStart(4)} s  peers ${mb(c?.bytesFromPeers ?? 0).padStart(6)} MB  origin ${mb(c?.bytesFromOrigin ?? 0).padStart(6)} MB` +
            ` (responses ${mb(v.origin.segmentBytes).padStart(6)} MB / ${String(v.origin.segmentRequests).padStart(2)} req)  uploaded ${mb(c?.bytesUploaded ?? 0).padStart(6)} MB` +
            `  wires ${c?.peers ?? '-'}  state ${c?.state ?? '-'}  playing @${ms(v.times.playing)} ms` +
            (p2p
              ? `  P2P running @${ms(v.times.p2pRunning)} first wire @${ms(v.times.wires[0]?.[0] ?? null)} ms  tracker: ${v.tracker.announcesSent} announces, ` +
                `${v.tracker.failures} refused${v.tracker.failures ? ` (first +${ms(v.tracker.firstFailureAtMs)} ms: ${v.tracker.failureReasons.join(' | ')})` : ''}, ${v.tracker.offersReceived} offers/${v.tracker.answersReceived} answers in`
              : '') +
            `  stalls ${v.times.stalls} (${v.times.stalledMs.toFixed(0)} ms)` +
            `  hls.js: levels ${v.times.levels.map(([t, l, bw]) => `${v.hlsFrag.levelHeights[l] ?? l}p@${(t / 1000).toFixed(1)}s(bw ${bw})`).join('→')}, bw at end ${v.times.bwKbps} kbit/s, last frag stats.loaded ${v.hlsFrag.statsLoaded}`,
        );
      }
    }

    // ---- 2. time to first frame -----------------------------------------------------------------
    // One P2P viewer holds the whole video on its page for every trial, on and off alike (same load).
    const holder = await open('holder', true, '127.0.0.100');
    await holder.page.goto(watchUrl);
    await waitEnded(holder, 120_000);
    const hc = await holder.counters();
    console.log(
      `  [${elapsed()}] TTFF: holder played to the end (${mb((hc?.bytesFromOrigin ?? 0) + (hc?.bytesFromPeers ?? 0))} MB content, P2P ${hc?.state}); ${rounds} rounds, on/off alternating`,
    );
    let iceHolder: Viewer | null = null;
    if (ice) {
      iceHolder = await open('holder-ice', true, '127.0.0.101', ice.apiUrl);
      await iceHolder.page.goto(ice.watchUrl);
      await waitEnded(iceHolder, 120_000);
      console.log(
        `  [${elapsed()}] TTFF with ICE servers: its holder played to the end (P2P ${(await iceHolder.counters())?.state}); each round adds a P2P-on trial there`,
      );
    }
    const trials: TtffTrial[] = [];
    const iceTrials: TtffTrial[] = [];
    const trial = async (round: number, p2p: boolean, withIceServers = false): Promise<TtffTrial> => {
      const v = await open(
        `ttff-${withIceServers ? 'ice' : p2p ? 'on' : 'off'}-${round}`,
        p2p,
        `127.0.0.${110 + trials.length + iceTrials.length}`,
        withIceServers ? ice!.apiUrl : apiUrl,
      );
      try {
        await v.page.goto(withIceServers ? ice!.watchUrl : watchUrl);
        await v.page.waitForFunction(() => window.__bench?.playing != null && window.__bench?.firstFrame != null, undefined, {
          timeout: 60_000,
          polling: 50,
        });
        const times = await v.times();
        const startup = await v.startup();
        const loadavg1 = loadavg()[0];
        // P2P on: was P2P really engaged? Wait (up to 6 s) for a wire to the holder.
        if (p2p)
          await v.page
            .waitForFunction(() => (window.__wetubeP2P?.peers ?? 0) > 0, undefined, { timeout: 6000, polling: 100 })
            .catch(() => undefined);
        const c = await v.counters();
        const log = await v.log();
        return {
          round,
          p2p,
          times,
          startup,
          loadavg1,
          peersAfter: c?.peers ?? 0,
          stateAfter: c?.state ?? null,
          firstSources: compactLog(log.slice(0, 6)),
        };
      } finally {
        await v.close();
        await sleep(1000);
      }
    };
    for (let round = 1; round <= rounds; round++) {
      // With ICE: the ICE trial takes turns being first, middle and last in the round.
      const arms: ('on' | 'off' | 'ice')[] = round % 2 === 1 ? ['on', 'off'] : ['off', 'on'];
      if (ice) arms.splice((round - 1) % 3, 0, 'ice');
      for (const arm of arms) {
        const p2p = arm !== 'off';
        const t = await trial(round, p2p, arm === 'ice');
        if (arm === 'ice') {
          iceTrials.push(t);
          console.log(
            `      round ${round} P2P on WITH ICE servers: first frame ${ms(t.times.firstFrame).padStart(5)} ms  (playing ${ms(t.times.playing)}, P2P running ${ms(t.times.p2pRunning)}, wires after ${t.peersAfter}) load ${t.loadavg1.toFixed(2)}`,
          );
          continue;
        }
        trials.push(t);
        const u = t.startup;
        console.log(
          `      round ${round} P2P ${p2p ? 'on ' : 'off'}: first frame ${ms(t.times.firstFrame).padStart(5)} ms  (DOMContentLoaded ${ms(u.domContentLoaded)}, master.m3u8 asked ${ms(u.masterRequested)}, ` +
            `1st segment in ${ms(u.firstSegmentLoaded)}, metadata ${ms(t.times.loadedmetadata)}, play() ${ms(t.times.playRequested)}, playing ${ms(t.times.playing)}` +
            `${p2p ? `; P2P starting ${ms(t.times.p2pStarting)}, WebTorrent chunk in ${ms(u.webtorrentChunkLoaded)}, running ${ms(t.times.p2pRunning)}, wires after ${t.peersAfter}` : ''}) load ${t.loadavg1.toFixed(2)}`,
        );
        console.log(`        first segments: ${t.firstSources}`);
      }
    }
    const holderAfter = await holder.counters();
    await iceHolder?.close();
    await holder.close();

    // ---- report ---------------------------------------------------------------------------------
    const sums = scenarios.map(summarize);
    const get = (n: number, p2p: boolean) => sums.find((x) => x.n === n && x.p2p === p2p && !x.sharedIp)!;
    console.log(
      `\nOffload: N viewers of one ${video.durationSec} s video, started ${staggerS} s apart, each to the end, earlier viewers staying on the page; one IP per viewer unless marked`,
    );
    console.log(
      `${'N'.padStart(2)} ${'P2P'.padEnd(9)} ${'content MB'.padStart(10)} ${'from peers'.padStart(10)} ${'viewers 2..N'.padStart(12)} ${'min later'.padStart(9)} ${'origin seg MB/viewer'.padStart(20)} ${'origin all MB/viewer'.padStart(20)} ${'stalls'.padStart(6)} ${'CPU busy'.padStart(8)}`,
    );
    for (const s of sums) {
      console.log(
        `${String(s.n).padStart(2)} ${((s.p2p ? 'on' : 'off') + (s.sharedIp ? ', 1 IP' : '')).padEnd(9)} ${mb(s.contentBytes).padStart(10)} ${pct(s.peerShare).padStart(10)} ${pct(s.laterPeerShare).padStart(12)} ${pct(s.minLaterPeerShare).padStart(9)} ` +
          `${mb(s.originSegmentBytesPerViewer).padStart(20)} ${mb(s.originAllBytesPerViewer).padStart(20)} ${String(s.stalls).padStart(6)} ${pct(s.cpuBusy).padStart(8)}`,
      );
    }
    const offloadRatios: Record<number, { segment: number; all: number }> = {};
    for (const n of viewerCounts) {
      const on = get(n, true);
      const off = get(n, false);
      offloadRatios[n] = {
        segment: on.originSegmentBytesPerViewer / off.originSegmentBytesPerViewer,
        all: on.originAllBytesPerViewer / off.originAllBytesPerViewer,
      };
      console.log(
        `N=${n}: origin bytes per viewer, P2P on / baseline (P2P off): segments ${(offloadRatios[n].segment * 100).toFixed(0)} %, everything from the api host ${(offloadRatios[n].all * 100).toFixed(0)} %` +
          ` (P2P's own .torrent + manifest.json: ${(on.p2pMetaBytesPerViewer / 1e3).toFixed(0)} kB/viewer)`,
      );
    }
    for (const s of sums) {
      const diff = Math.abs(s.countersOriginBytes - s.responseSegmentBytes);
      if (diff > 0.02 * s.responseSegmentBytes + 4096) {
        console.log(
          `note: N=${s.n} P2P ${s.p2p ? 'on' : 'off'}${s.sharedIp ? ' (one IP)' : ''}: page counters say ${mb(s.countersOriginBytes)} MB from the origin, responses ${mb(s.responseSegmentBytes)} MB`,
        );
      }
    }

    const on = trials.filter((t) => t.p2p);
    const off = trials.filter((t) => !t.p2p);
    const med = (ts: TtffTrial[], k: 'playing' | 'firstFrame' | 'loadedmetadata') =>
      median(ts.map((t) => t.times[k] ?? NaN).filter((x) => Number.isFinite(x)));
    const ttff = {
      on: { playing: med(on, 'playing'), firstFrame: med(on, 'firstFrame'), loadedmetadata: med(on, 'loadedmetadata') },
      off: { playing: med(off, 'playing'), firstFrame: med(off, 'firstFrame'), loadedmetadata: med(off, 'loadedmetadata') },
    };
    // The P2P code starts on the first `play` event: before it both modes run the very same code, so
    // play() → first frame is where P2P can cost anything (the rest is page start-up noise).
    const afterPlay = (ts: TtffTrial[]) =>
      median(ts.map((t) => (t.times.firstFrame ?? NaN) - (t.times.playRequested ?? NaN)).filter((x) => Number.isFinite(x)));
    const playToFrame = { on: afterPlay(on), off: afterPlay(off) };
    const ratioPlaying = ttff.on.playing / ttff.off.playing;
    const ratioFrame = ttff.on.firstFrame / ttff.off.firstFrame;
    const paired = median(
      on
        .map((t) => (t.times.firstFrame ?? NaN) / (off.find((o) => o.round === t.round)?.times.firstFrame ?? NaN))
        .filter((x) => Number.isFinite(x)),
    );
    console.log(
      `\nTime to first frame (navigation start → …), medians of ${rounds} trials each, on/off alternating, one P2P viewer holding the video:`,
    );
    console.log(
      `P2P off: metadata ${ms(ttff.off.loadedmetadata)} ms, playing ${ms(ttff.off.playing)} ms, first frame ${ms(ttff.off.firstFrame)} ms  (first frame per trial: ${off.map((t) => ms(t.times.firstFrame)).join(', ')})`,
    );
    console.log(
      `P2P on:  metadata ${ms(ttff.on.loadedmetadata)} ms, playing ${ms(ttff.on.playing)} ms, first frame ${ms(ttff.on.firstFrame)} ms  (first frame per trial: ${on.map((t) => ms(t.times.firstFrame)).join(', ')})`,
    );
    console.log(
      `on/off: playing ${(ratioPlaying * 100).toFixed(0)} %, first frame ${(ratioFrame * 100).toFixed(0)} % (paired per round: ${(paired * 100).toFixed(0)} %)`,
    );
    console.log(
      `play() → first frame (the part P2P's start-up can touch): off ${ms(playToFrame.off)} ms, on ${ms(playToFrame.on)} ms (medians), on − off ${ms(playToFrame.on - playToFrame.off)} ms`,
    );
    console.log(
      `P2P on trials with a wire to the holder: ${on.filter((t) => t.peersAfter > 0).length} of ${on.length}; holder uploaded ${mb(holderAfter?.bytesUploaded ?? 0)} MB during the trials`,
    );
    const goalTtff = ratioFrame <= 1.1;
    let iceTtff: { withIce: number; without: number; ratio: number; paired: number; playToFrame: number; wiresWithIce: number } | null =
      null;
    if (ice) {
      const withI = median(iceTrials.map((t) => t.times.firstFrame ?? NaN).filter((x) => Number.isFinite(x)));
      const pairedI = median(
        iceTrials
          .map((t) => (t.times.firstFrame ?? NaN) / (on.find((o) => o.round === t.round)?.times.firstFrame ?? NaN))
          .filter((x) => Number.isFinite(x)),
      );
      iceTtff = {
        withIce: withI,
        without: ttff.on.firstFrame,
        ratio: withI / ttff.on.firstFrame,
        paired: pairedI,
        playToFrame: afterPlay(iceTrials),
        wiresWithIce: iceTrials.filter((t) => t.peersAfter > 0).length,
      };
      console.log(
        `\nTime to first frame with ICE servers configured (STUN + TURN, coturn on ${NETNS_ADDR}) against without, P2P on, medians of ${rounds}:`,
      );
      console.log(
        `without ICE servers: first frame ${ms(ttff.on.firstFrame)} ms (per trial: ${on.map((t) => ms(t.times.firstFrame)).join(', ')})`,
      );
      console.log(
        `with ICE servers:    first frame ${ms(withI)} ms (per trial: ${iceTrials.map((t) => ms(t.times.firstFrame)).join(', ')}); play() → first frame ${ms(iceTtff.playToFrame)} ms`,
      );
      console.log(
        `with / without: ${(iceTtff.ratio * 100).toFixed(0)} % (paired per round ${(pairedI * 100).toFixed(0)} %); trials with a wire to the holder: ${iceTtff.wiresWithIce} of ${iceTrials.length}`,
      );
      console.log(`goal (ICE servers slow the first frame by at most 10 %): ${iceTtff.ratio <= 1.1 ? 'met' : 'NOT met'}`);
    }
    const below = viewerCounts.flatMap((n) => get(n, true).laterBelowHalf);
    for (const s of sums.filter((x) => x.sharedIp)) {
      const refused = scenarios.find((x) => x.sharedIp && x.n === s.n)!.viewers.reduce((a, v) => a + v.tracker.failures, 0);
      console.log(
        `N=${s.n}, all viewers behind one IP: from peers ${pct(s.peerShare)} (viewers 2..N ${pct(s.laterPeerShare)}), origin bytes per viewer ${((s.originSegmentBytesPerViewer / get(s.n, false).originSegmentBytesPerViewer) * 100).toFixed(0)} % of the baseline; ` +
          `tracker messages refused: ${refused}; viewers below half from peers: ${s.laterBelowHalf.join(', ') || 'none'}`,
      );
    }
    const goalOffload = below.length === 0;
    console.log(`goal (P2P slows the first frame by at most 10 %): ${goalTtff ? 'met' : 'NOT met'}`);
    console.log(
      `check (every viewer after the first gets at least half of its content from peers, every N): ${goalOffload ? 'met' : `NOT met (${below.join(', ')})`}`,
    );
    console.log(`bench took ${elapsed()}`);

    const outDir = resolve(__dirname, '..', '..', 'bench', 'results');
    await mkdir(outDir, { recursive: true });
    const file = join(outDir, 'p2p.json');
    await writeFile(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgAtStart: loadavg() },
          video,
          options: { viewerCounts, staggerS, rounds, sharedIpN },
          abrProbe,
          offload: { summaries: sums, ratios: offloadRatios, scenarios },
          ttff: {
            medians: ttff,
            playToFirstFrame: playToFrame,
            ratioPlaying,
            ratioFirstFrame: ratioFrame,
            pairedFirstFrame: paired,
            trials,
          },
          ttffIce: ice ? { iceServers: ice.iceServers, ...iceTtff, trials: iceTrials } : null,
          goals: { ttffWithin10Percent: goalTtff, laterViewersHalfFromPeers: goalOffload },
        },
        null,
        2,
      ),
    );
    console.log(`raw figures (with every viewer's per-segment source log): ${file}`);
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
    console.error(`p2p bench: ${reason}`);
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
