'use client';

/**
 * hls.js fragment loader: a prefetched, verified segment is served from memory; otherwise the fetch
 * policy (fetch-policy.ts: buffer ahead against the 4 s HTTP window plus an HTTP fetch's time, peer
 * rate against the playback rate, event-loop lag, dropped frames, a recent stall) decides, when
 * hls.js asks and every poll while it waits, whether the segment waits for peers or goes to the
 * origin with hls.js's own loader. Every segment's source and reason go to the per-segment log.
 */
import type { Fragment, HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderStats } from 'hls.js';
import { decide, type Decision } from './fetch-policy';
import type { P2PController } from './p2p-controller';
import { healthOf } from './playback-health';
import { logSegment } from './p2p-stats';

/** Media seconds of a segment when hls.js does not say (the platform cuts 2 s segments). */
const DEFAULT_SEGMENT_S = 2;

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

/** `<rendition>/<file>` of an origin URL, for the log. */
function shortName(url: string): string {
  return /\/hls\/[^/]+\/([^?#]+)/.exec(url)?.[1] ?? url;
}

/** Media seconds the requested segment holds; null for an init segment (or when hls.js does not say). */
function mediaSeconds(context: LoaderContext): number | null {
  const frag = (context as LoaderContext & { frag?: Fragment }).frag;
  const d = frag?.duration;
  return frag?.sn !== 'initSegment' && typeof d === 'number' && d > 0 && Number.isFinite(d) ? d : null;
}

/** Bytes per media second of each rendition, learnt from its media segments (init segments say nothing). */
function sample(ctl: P2PController, context: LoaderContext, bytes: number): void {
  const d = mediaSeconds(context);
  if (d !== null) ctl.rates.segmentSample(shortName(context.url).split('/')[0], bytes, d);
}

export function createP2PFragmentLoader(
  Base: LoaderClass,
  getController: () => P2PController | null,
  getVideo: () => HTMLMediaElement | null,
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
      // Subtitle segments (WebVTT) have no swarm and are no media bytes: plain HTTP, never waiting for peers.
      if ((context as LoaderContext & { frag?: Fragment }).frag?.type === 'subtitle') return this.plain(context, config, callbacks);
      // An ad (HLS interstitial) plays through a player made with this config: its segments are not the swarm's.
      if (!ctl.ownsUrl(context.url)) return this.http(context, config, callbacks, null, 'not this video');
      const key = ctl.keyOf(context.url);
      const ready = key ? ctl.take(key) : null;
      if (key && ready) return this.fromPeers(ready, context, callbacks, ctl, key, 'prefetched');
      const video = getVideo();
      if (!video) return this.http(context, config, callbacks, key, 'no video element');
      const health = healthOf(video);
      const durationS = mediaSeconds(context) ?? DEFAULT_SEGMENT_S;
      const rendition = shortName(context.url).split('/')[0];
      const judge: Parameters<P2PController['waitAndFetch']>[1] = (t) =>
        this.aborted ? { source: 'origin', why: 'aborted' } : decide(health.state(), ctl.rates.estimate(rendition, durationS), t);
      const first: Decision = ctl.active()
        ? judge({ fetchingS: null, peerBytesPerS: null, originBytesPerS: ctl.rates.originBytesPerS() })
        : { source: 'origin', why: 'p2p off' };
      if (first.source === 'origin') return this.http(context, config, callbacks, key, first.why);
      // Wait for peers (also while P2P is still starting) as long as the policy says waiting is safe.
      ctl.waitAndFetch(context.url, judge).then(
        (got) => !this.aborted && this.fromPeers(got.bytes, context, callbacks, ctl, ctl.keyOf(context.url) ?? '', got.why),
        (e: Error) => !this.aborted && this.http(context, config, callbacks, ctl.keyOf(context.url), e.message),
      );
    }

    private fromPeers(
      bytes: Uint8Array,
      context: LoaderContext,
      callbacks: LoaderCallbacks<LoaderContext>,
      ctl: P2PController,
      key: string,
      why: string,
    ): void {
      // Delivered from memory now: the wait for peers is not network time (no TTFB to learn from it).
      const s = this.stats;
      const now = performance.now();
      s.loaded = s.total = bytes.byteLength;
      s.loading.start = now - 1;
      s.loading.first = now - 1;
      s.loading.end = now;
      logSegment({ key, from: 'peers', bytes: bytes.byteLength, why });
      sample(ctl, context, bytes.byteLength);
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      callbacks.onSuccess({ url: context.url, data }, s, context, null);
      ctl.prefetchAfter(key);
    }

    private plain(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      const inner = new Base(this.config);
      this.inner = inner;
      this.stats.loading.start = 0;
      (inner as { stats: LoaderStats }).stats = this.stats;
      inner.load(context, config, callbacks);
    }

    private http(
      context: LoaderContext,
      config: LoaderConfiguration,
      callbacks: LoaderCallbacks<LoaderContext>,
      key: string | null,
      why: string,
    ): void {
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
            if (ctl) {
              const sec = (stats.loading.end - stats.loading.start) / 1000;
              ctl.rates.originSample(data.byteLength, sec);
              sample(ctl, context, data.byteLength);
            }
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
