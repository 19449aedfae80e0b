'use client';

/**
 * hls.js fragment loader: a prefetched, verified segment is served from memory; while the buffer
 * ahead is above the HTTP window, a segment waits for peers (as long as it stays above it) and is
 * fetched from the swarm; everything else (what playback needs now, or whenever no peer can be
 * expected or P2P fails) goes to the origin with hls.js's own loader.
 */
import type { HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderStats } from 'hls.js';
import type { P2PController } from './p2p-controller';
import { logSegment } from './p2p-stats';

/**
 * The HTTP window: while less than this much media is buffered ahead, segments come from the
 * origin at once (fast start, no stall); beyond it a segment waits for peers as long as the buffer
 * stays above it, and goes to the origin the moment it does not.
 */
const HTTP_WINDOW_S = 4;

type LoaderClass = new (config: HlsConfig) => Loader<LoaderContext>;

function newStats(): LoaderStats {
  const now = performance.now();
  return {
    aborted: false,
    loaded: 0,
    retry: 0,
    total: 0,
    chunkCount: 0,
    bwEstimate: 0,
    loading: { start: now, first: 0, end: 0 },
    parsing: { start: 0, end: 0 },
    buffering: { start: 0, first: 0, end: 0 },
  };
}

function bufferedAhead(video: HTMLVideoElement | null): number {
  if (!video) return 0;
  const t = video.currentTime;
  const b = video.buffered;
  for (let i = 0; i < b.length; i++) if (b.start(i) <= t + 0.25 && b.end(i) > t) return b.end(i) - t;
  return 0;
}

/** `<rendition>/<file>` of an origin URL, for the log. */
function shortName(url: string): string {
  return /\/hls\/[^/]+\/([^?#]+)/.exec(url)?.[1] ?? url;
}

export function createP2PFragmentLoader(
  Base: LoaderClass,
  getController: () => P2PController | null,
  getVideo: () => HTMLVideoElement | null,
): LoaderClass {
  return class P2PFragmentLoader implements Loader<LoaderContext> {
    private inner: Loader<LoaderContext> | null = null;
    private aborted = false;
    context: LoaderContext | null = null;
    /**
     * One object for the loader's life: hls.js takes this reference before load() (frag.stats) and
     * reads it for its bandwidth estimate and abandon rules, so it is updated in place, and the HTTP
     * loader writes into it too.
     */
    readonly stats: LoaderStats = newStats();

    constructor(private readonly config: HlsConfig) {}

    load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      this.context = context;
      this.aborted = false;
      const ctl = getController();
      if (!ctl || context.rangeEnd) return this.http(context, config, callbacks, null, ctl ? 'range' : 'p2p off');
      // An ad (HLS interstitial) plays through a player made with this config: its segments are not the swarm's.
      if (!ctl.ownsUrl(context.url)) return this.http(context, config, callbacks, null, 'not this video');
      const key = ctl.keyOf(context.url);
      const ready = key ? ctl.take(key) : null;
      if (key && ready) return this.fromPeers(ready, context, callbacks, ctl, key);
      const bufferHealthy = () => !this.aborted && bufferedAhead(getVideo()) >= HTTP_WINDOW_S;
      // Enough buffered: wait for peers (also while P2P is still starting) as long as that lasts.
      if (bufferHealthy() && ctl.active()) {
        const since = performance.now();
        ctl.waitAndFetch(context.url, bufferHealthy).then(
          (bytes) => !this.aborted && this.fromPeers(bytes, context, callbacks, ctl, ctl.keyOf(context.url) ?? ''),
          (e: Error) =>
            !this.aborted &&
            this.http(context, config, callbacks, ctl.keyOf(context.url), `${e.message} after ${Math.round(performance.now() - since)} ms`),
        );
        return;
      }
      this.http(context, config, callbacks, key, ctl.active() ? 'buffer low' : 'p2p off');
    }

    private fromPeers(bytes: Uint8Array, context: LoaderContext, callbacks: LoaderCallbacks<LoaderContext>, ctl: P2PController, key: string): void {
      // Delivered from memory now: the wait for peers is not network time (no TTFB to learn from it).
      const s = this.stats;
      const now = performance.now();
      s.loaded = s.total = bytes.byteLength;
      s.loading.start = now - 1;
      s.loading.first = now - 1;
      s.loading.end = now;
      logSegment({ key, from: 'peers', bytes: bytes.byteLength });
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      callbacks.onSuccess({ url: context.url, data }, s, context, null);
      ctl.prefetchAfter(key);
    }

    private http(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>, key: string | null, why: string): void {
      const inner = new Base(this.config);
      this.inner = inner;
      // hls.js's loader times the request itself (loading.start is set again in its load()).
      this.stats.loading.start = 0;
      (inner as { stats: LoaderStats }).stats = this.stats;
      inner.load(context, config, {
        ...callbacks,
        onSuccess: (response, stats, ctx, details) => {
          const data = response.data;
          if (data instanceof ArrayBuffer) {
            const ctl = getController();
            logSegment({ key: key ?? shortName(context.url), from: 'origin', bytes: data.byteLength, why });
            if (ctl && !context.rangeEnd && ctl.ownsUrl(context.url)) ctl.gotFromOrigin(context.url, new Uint8Array(data.slice(0)));
            if (ctl && key) ctl.prefetchAfter(key);
          }
          callbacks.onSuccess(response, stats, ctx, details);
        },
      });
    }

    abort(): void {
      this.aborted = true;
      this.stats.aborted = true;
      this.inner?.abort();
    }

    destroy(): void {
      this.aborted = true;
      this.inner?.destroy();
      this.inner = null;
      this.context = null;
    }
  };
}
