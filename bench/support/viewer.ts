import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

// Functions passed to addInitScript / evaluate run in the page; these names exist there.
declare const document: any;
declare const window: any;

/** Timings the init script records in the page, in ms of performance.now() (0 = navigation start). */
export interface PageTimes {
  loadedmetadata: number | null;
  playRequested: number | null;
  /** First `playing` event. */
  playing: number | null;
  /** First video frame presented while playing (requestVideoFrameCallback). */
  firstFrame: number | null;
  ended: number | null;
  /** When window.__wetubeP2P.state first read 'starting' (the P2P start-up began, on play) and 'running'. */
  p2pStarting: number | null;
  p2pRunning: number | null;
  /** `waiting` events after the first `playing` (rebuffering) and the time spent in them. */
  stalls: number;
  stalledMs: number;
  /** [ms, connected wires] each time window.__wetubeP2P.peers changed. */
  wires: [number, number][];
  /** [ms, hls.js loadLevel, hls.js bandwidth estimate in kbit/s] each time the level hls.js loads changed. */
  levels: [number, number, number][];
  /** hls.js's bandwidth estimate (kbit/s) at the last look. */
  bwKbps: number | null;
}

/** hls.js's view of the last main fragment it loaded (what its ABR logic reads). */
export interface HlsFragView {
  sn: number | string | null;
  level: number | null;
  /** frag.stats.loaded: bytes hls.js believes it loaded for that fragment. */
  statsLoaded: number | null;
  statsLoadingMs: number | null;
  levelHeights: number[];
}

/** Where the page's start-up time went (navigation and resource timing, ms since navigation start). */
export interface StartupBreakdown {
  domContentLoaded: number | null;
  /** hls.js asked for the master playlist. */
  masterRequested: number | null;
  /** The first media segment (seg_N.m4s, any rendition) had arrived. */
  firstSegmentLoaded: number | null;
  /** The P2P code (WebTorrent bundle chunk) had arrived, when it was fetched. */
  webtorrentChunkLoaded: number | null;
}

/** The page's P2P counters (window.__wetubeP2P) and segment log entries, as the page defines them. */
export type { P2PCounters as PageCounters, SegmentSource } from '../../web/lib/p2p/p2p-counters';
import type { P2PCounters as PageCounters, SegmentSource } from '../../web/lib/p2p/p2p-counters';

/** What the page received from the origin (the api host), counted from the browser's responses. */
export interface OriginTally {
  /** init.mp4 and seg_N.m4s under /hls/<id>/<rendition>/ (what the page counters call content). */
  segmentBytes: number;
  segmentRequests: number;
  /** Playlists (.m3u8). */
  playlistBytes: number;
  /** What only P2P fetches: <rendition>.torrent and manifest.json. */
  p2pMetaBytes: number;
  /** Anything else from the api host (GraphQL, poster, storyboard…). */
  otherBytes: number;
}

/** The page's WebSocket traffic with the tracker (the api's /tracker), seen from the browser. */
export interface TrackerTally {
  announcesSent: number;
  /** Replies that carried a `failure reason` (refused announces), with the reasons seen. */
  failures: number;
  failureReasons: string[];
  /** Offers relayed to this page (another peer wants to connect) and answers relayed back to it. */
  offersReceived: number;
  answersReceived: number;
  /** ms since the viewer opened, first refused announce. */
  firstFailureAtMs: number | null;
}

export interface Viewer {
  name: string;
  p2p: boolean;
  sourceAddress: string | null;
  context: BrowserContext;
  page: Page;
  errors: string[];
  origin: OriginTally;
  tracker: TrackerTally;
  times(): Promise<PageTimes>;
  startup(): Promise<StartupBreakdown>;
  hlsFrag(): Promise<HlsFragView>;
  counters(): Promise<PageCounters | null>;
  log(): Promise<SegmentSource[]>;
  close(): Promise<void>;
}

/**
 * Runs in every document of the viewer's context before the page's own scripts:
 *  - P2P off: sets the viewer's own "Share my bandwidth" preference (localStorage `wetube.p2p.share`
 *    = 'off', what the toggle under the player writes); on: removes it (the default is on).
 *  - starts playback (muted) as soon as the player has metadata, as a viewer pressing play would;
 *    retries if a play() is refused, never restarts an ended video.
 *  - records timings with performance.now(), whose zero is the navigation's start.
 */
function benchInitScript(opts: { p2p: boolean }): void {
  // The video player, or the listen page's one <audio> (an audio item).
  const MEDIA = 'video[data-testid=player], audio[data-testid=listen-audio]';
  try {
    if (opts.p2p) window.localStorage.removeItem('wetube.p2p.share');
    else window.localStorage.setItem('wetube.p2p.share', 'off');
  } catch {
    /* about:blank has no storage */
  }
  const b: any = {
    loadedmetadata: null,
    playRequested: null,
    playing: null,
    firstFrame: null,
    ended: null,
    p2pStarting: null,
    p2pRunning: null,
    stalls: 0,
    stalledMs: 0,
    wires: [],
    levels: [],
    bwKbps: null,
  };
  window.__bench = b;
  let hooked: any = null;
  let pending = false;
  let waitingSince: number | null = null;
  const now = () => performance.now();
  const onFrame = () => {
    if (b.firstFrame !== null || !hooked) return;
    if (!hooked.paused && b.playing !== null) b.firstFrame = now();
    else hooked.requestVideoFrameCallback(onFrame);
  };
  const hook = (el: any) => {
    hooked = el;
    el.addEventListener('loadedmetadata', () => (b.loadedmetadata ??= now()));
    el.addEventListener('playing', () => {
      if (b.playing === null) b.playing = now();
      // Audio has no frames: its first sound is its first `playing`.
      if (el.tagName === 'AUDIO' && b.firstFrame === null) b.firstFrame = b.playing;
      if (waitingSince !== null) {
        b.stalledMs += now() - waitingSince;
        waitingSince = null;
      }
    });
    el.addEventListener('waiting', () => {
      if (b.playing === null || waitingSince !== null || el.ended) return;
      b.stalls++;
      waitingSince = now();
    });
    el.addEventListener('ended', () => {
      b.ended ??= now();
      if (waitingSince !== null) {
        b.stalledMs += now() - waitingSince;
        waitingSince = null;
      }
    });
    if (typeof el.requestVideoFrameCallback === 'function') el.requestVideoFrameCallback(onFrame);
  };
  const tick = () => {
    const el = document.querySelector(MEDIA);
    if (el && el !== hooked) hook(el);
    if (el && el.paused && !el.ended && b.ended === null && el.readyState >= 1 && !pending) {
      pending = true;
      el.muted = true;
      b.playRequested ??= now();
      el.play().then(
        () => (pending = false),
        () => (pending = false),
      );
    }
    const s = window.__wetubeP2P;
    if (s && s.state === 'starting' && b.p2pStarting === null) b.p2pStarting = now();
    if (s && s.state === 'running' && b.p2pRunning === null) b.p2pRunning = now();
    const hls = window.__wetubeHls;
    if (hls) {
      const bw = Math.round((hls.bandwidthEstimate ?? 0) / 1000);
      b.bwKbps = bw;
      const lvl = hls.loadLevel;
      if (lvl >= 0 && (b.levels.length === 0 || b.levels[b.levels.length - 1][1] !== lvl)) b.levels.push([Math.round(now()), lvl, bw]);
    }
    if (s && (b.wires.length === 0 ? s.peers > 0 : b.wires[b.wires.length - 1][1] !== s.peers)) b.wires.push([Math.round(now()), s.peers]);
    setTimeout(tick, b.ended === null ? 20 : 250);
  };
  tick();
}

const SEGMENT = /\/hls\/[^/]+\/[^/]+\/(init\.mp4|seg_\d+\.m4s)$/;

/**
 * A viewer in its own browser context. `webtorrentChunk`: file name of the web build's script chunk
 * holding the WebTorrent bundle (see findWebTorrentChunk), for the start-up breakdown. `proxy`: the
 * context's HTTP/WebSocket traffic goes through it (see source-proxy.ts: the viewer's own source IP).
 */
export async function openViewer(
  browser: Browser,
  opts: { name: string; p2p: boolean; apiUrl: string; webtorrentChunk?: string | null; proxy?: { url: string; sourceAddress: string } },
): Promise<Viewer> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    ...(opts.proxy ? { proxy: { server: opts.proxy.url } } : {}),
  });
  await context.addInitScript(benchInitScript, { p2p: opts.p2p });
  const page = await context.newPage();
  const errors: string[] = [];
  const origin: OriginTally = { segmentBytes: 0, segmentRequests: 0, playlistBytes: 0, p2pMetaBytes: 0, otherBytes: 0 };
  const apiHost = new URL(opts.apiUrl).host;
  page.on('pageerror', (e) => errors.push(`${opts.name}: ${e.message}`));
  const tracker: TrackerTally = {
    announcesSent: 0,
    failures: 0,
    failureReasons: [],
    offersReceived: 0,
    answersReceived: 0,
    firstFailureAtMs: null,
  };
  const openedAt = Date.now();
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).host !== apiHost) return;
    const parse = (payload: string | Buffer): any => {
      try {
        return JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
      } catch {
        return null;
      }
    };
    ws.on('framesent', (f) => {
      const m = parse(f.payload);
      if (m?.action === 'announce') tracker.announcesSent++;
    });
    ws.on('framereceived', (f) => {
      const m = parse(f.payload);
      if (!m) return;
      if (m['failure reason']) {
        tracker.failures++;
        tracker.firstFailureAtMs ??= Date.now() - openedAt;
        const reason = String(m['failure reason']);
        if (!tracker.failureReasons.includes(reason)) tracker.failureReasons.push(reason);
      }
      if (m.offer) tracker.offersReceived++;
      if (m.answer) tracker.answersReceived++;
    });
  });
  page.on('response', async (r) => {
    const url = new URL(r.url());
    const method = r.request().method();
    if (url.host !== apiHost || (method !== 'GET' && method !== 'POST')) return;
    let n = 0;
    try {
      n = (await r.body()).length;
    } catch {
      return; // page gone, or no body
    }
    const p = url.pathname;
    if (SEGMENT.test(p)) {
      origin.segmentBytes += n;
      origin.segmentRequests++;
    } else if (p.endsWith('.m3u8')) origin.playlistBytes += n;
    else if (p.endsWith('.torrent') || p.endsWith('/manifest.json')) origin.p2pMetaBytes += n;
    else origin.otherBytes += n;
  });
  return {
    name: opts.name,
    p2p: opts.p2p,
    sourceAddress: opts.proxy?.sourceAddress ?? null,
    context,
    page,
    errors,
    origin,
    tracker,
    times: () => page.evaluate(() => JSON.parse(JSON.stringify(window.__bench))),
    hlsFrag: () =>
      page.evaluate(() => {
        const hls = window.__wetubeHls;
        const f = hls?.streamController?.fragPrevious;
        return {
          sn: f?.sn ?? null,
          level: f?.level ?? null,
          statsLoaded: f?.stats?.loaded ?? null,
          statsLoadingMs: f?.stats ? Math.round(f.stats.loading.end - f.stats.loading.start) : null,
          levelHeights: (hls?.levels ?? []).map((l: { height: number }) => l.height),
        };
      }),
    startup: () =>
      page.evaluate((chunk) => {
        const nav = (performance as any).getEntriesByType('navigation')[0];
        const res: any[] = (performance as any).getEntriesByType('resource');
        const first = (re: RegExp, k: 'startTime' | 'responseEnd') => {
          const e = res.filter((r) => re.test(new URL(r.name).pathname)).sort((a, b) => a[k] - b[k])[0];
          return e ? e[k] : null;
        };
        const wt = chunk ? res.find((r) => new URL(r.name).pathname.endsWith('/' + chunk)) : undefined;
        return {
          domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
          masterRequested: first(/master\.m3u8$/, 'startTime'),
          firstSegmentLoaded: first(/seg_\d+\.m4s$/, 'responseEnd'),
          webtorrentChunkLoaded: wt ? wt.responseEnd : null,
        };
      }, opts.webtorrentChunk ?? null),
    counters: () => page.evaluate(() => (window.__wetubeP2P ? { ...window.__wetubeP2P } : null)),
    log: () => page.evaluate(() => (window.__wetubeP2PLog ?? []).map((e: SegmentSource) => ({ ...e }))),
    close: () => context.close().catch(() => undefined),
  };
}

/** Waits until the viewer's video played to its end (or `timeoutMs`); throws with the page's state. */
export async function waitEnded(v: Viewer, timeoutMs: number): Promise<void> {
  await v.page
    .waitForFunction(
      () => {
        const el = document.querySelector('video[data-testid=player], audio[data-testid=listen-audio]');
        return !!el && (el.ended || (el.duration > 0 && el.currentTime >= el.duration - 0.3));
      },
      undefined,
      { timeout: timeoutMs, polling: 250 },
    )
    .catch(async (err) => {
      const state = await v.page
        .evaluate(() => ({
          t: document.querySelector('video, audio[data-testid=listen-audio]')?.currentTime,
          rs: document.querySelector('video, audio[data-testid=listen-audio]')?.readyState,
          p2p: window.__wetubeP2P,
          bench: window.__bench,
        }))
        .catch(() => null);
      throw new Error(
        `${v.name} did not reach the end: ${err.message}; ${JSON.stringify(state)}; page errors: ${JSON.stringify(v.errors)}`,
      );
    });
}

/** `720p/s3:P` for each segment, in order (P = peers, H = origin over HTTP, with the page's reason when it gives one). */
export function compactLog(log: SegmentSource[]): string {
  return log
    .map(
      (e) =>
        `${e.key.replace(/seg_0*(\d+)\.m4s$/, 's$1').replace(/init\.mp4$/, 'init')}:${e.from === 'peers' ? 'P' : 'H'}${e.why ? `(${e.why})` : ''}`,
    )
    .join(' ');
}

/** The web build's script chunk that holds the WebTorrent bundle (imported by the P2P code on play), or null. */
export function findWebTorrentChunk(webDir: string): string | null {
  const dir = join(webDir, '.next', 'static', 'chunks');
  try {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) {
      if (readFileSync(join(dir, f), 'latin1').includes('WebTorrent')) return f;
    }
  } catch {
    /* no build */
  }
  return null;
}
