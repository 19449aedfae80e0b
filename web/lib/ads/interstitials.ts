'use client';

import type HlsType from 'hls.js';
import type { Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js';

/**
 * The web player's side of ads (HLS Interstitials, see libs/ads README "Formats" and "Ad server"):
 * the origin's media playlists carry the breaks; hls.js asks each break's asset list
 * (`/ads/asset-list/<video>/<break>`), plays its ads in the same <video> and resumes the content.
 * This file adds the playback session to those requests and fires the ads' beacons.
 */

/** Query parameter the ad server reads the playback session from (`ASSET_LIST_SESSION_PARAM` in @wetube/ads). */
export const ASSET_LIST_SESSION_PARAM = 'session';
/** hls.js's loader context type of an asset-list request. */
const ASSET_LIST_CONTEXT = 'interstitial-asset-list';
/** How long an asset-list request waits for the session before going out without one. */
const SESSION_WAIT_MS = 5000;

/** The asset-list URL with `session=<id>` (as @wetube/ads `withPlaybackSession`, which is not a browser import). */
export function withPlaybackSession(assetListUrl: string, sessionId: string, base?: string): string {
  const url = new URL(assetListUrl, base);
  url.searchParams.set(ASSET_LIST_SESSION_PARAM, sessionId);
  return url.href;
}

type LoaderClass = new (...args: any[]) => Loader<LoaderContext>;

/**
 * `config.loader` for hls.js: as `Base`, but an asset-list request first waits for the playback
 * session (at most SESSION_WAIT_MS) and carries its id. Everything else goes straight through.
 */
export function createAssetListLoader(Base: LoaderClass, sessionId: () => Promise<string | null> | null): LoaderClass {
  return class AssetListLoader extends Base {
    private cancelled = false;

    load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      const pending = (context.type as string) === ASSET_LIST_CONTEXT ? sessionId() : null;
      if (!pending) return super.load(context, config, callbacks);
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), SESSION_WAIT_MS));
      void Promise.race([pending.catch(() => null), timeout]).then((id) => {
        if (this.cancelled) return;
        super.load(id ? { ...context, url: withPlaybackSession(context.url, id) } : context, config, callbacks);
      });
    }

    abort(): void {
      this.cancelled = true;
      super.abort();
    }

    destroy(): void {
      this.cancelled = true;
      super.destroy();
    }
  };
}

export interface AdBeacons {
  impression?: string;
  start?: string;
  firstQuartile?: string;
  midpoint?: string;
  thirdQuartile?: string;
  complete?: string;
}

/** What the ad UI shows while an ad plays. */
export interface AdState {
  /** 1-based position of the playing ad in its break. */
  index: number;
  count: number;
  /** Seconds left in the break. */
  remaining: number;
}

/** Fires a beacon; failures are ignored (the ad server answers 204 to everything anyway). */
export function fireBeacon(url: string | undefined): void {
  if (!url) return;
  try {
    void fetch(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', keepalive: true, cache: 'no-store' }).catch(() => {});
  } catch {
    /* ignored */
  }
}

const QUARTILES: [number, keyof AdBeacons][] = [
  [0.25, 'firstQuartile'],
  [0.5, 'midpoint'],
  [0.75, 'thirdQuartile'],
];
/** An ad counts as complete when it played to within this of its end (skip() also ends an asset). */
const COMPLETE_SLACK_S = 0.5;

/**
 * Drives the ad UI and the beacons from hls.js's interstitial events: impression + start when an
 * asset starts, quartiles from the asset player's time, complete when it really reached its end.
 * Returns a function that detaches everything.
 */
export function trackInterstitials(hls: HlsType, Hls: typeof HlsType, onAd: (ad: AdState | null) => void): () => void {
  let timer: ReturnType<typeof setInterval> | null = null;
  let current: { player: { currentTime: number; duration: number }; beacons: AdBeacons; fired: Set<string>; maxTime: number } | null = null;

  const fire = (event: keyof AdBeacons) => {
    if (!current || current.fired.has(event)) return;
    current.fired.add(event);
    fireBeacon(current.beacons[event]);
  };
  const tick = () => {
    const ip = hls.interstitialsManager?.interstitialPlayer;
    if (ip) {
      const count = Math.max(1, ip.assetPlayers.length);
      const index = Math.min(count, Math.max(0, ip.playingIndex) + 1);
      const remaining = Number.isFinite(ip.duration) ? Math.max(0, ip.duration - ip.currentTime) : 0;
      onAd({ index, count, remaining });
    }
    if (current) {
      const { currentTime, duration } = current.player;
      if (Number.isFinite(currentTime)) current.maxTime = Math.max(current.maxTime, currentTime);
      if (duration > 0) for (const [at, event] of QUARTILES) if (currentTime >= duration * at) fire(event);
    }
  };
  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  const onStarted = (_e: unknown, data: { assetListIndex: number; event: { assetListResponse: unknown }; player: { currentTime: number; duration: number } }) => {
    const response = data.event.assetListResponse as { 'X-WETUBE'?: { beacons?: AdBeacons[] } } | null;
    const beacons = response?.['X-WETUBE']?.beacons?.[data.assetListIndex] ?? {};
    current = { player: data.player, beacons, fired: new Set(), maxTime: 0 };
    fire('impression');
    fire('start');
    stopTimer();
    timer = setInterval(tick, 250);
    tick();
  };
  const onEnded = (_e: unknown, data: { player: { currentTime: number; duration: number } }) => {
    if (current && current.player === data.player) {
      const { currentTime, duration } = data.player;
      const reached = Math.max(current.maxTime, Number.isFinite(currentTime) ? currentTime : 0);
      if (duration > 0 && reached >= duration - COMPLETE_SLACK_S) {
        for (const [, event] of QUARTILES) fire(event);
        fire('complete');
      }
      current = null;
    }
    stopTimer();
  };
  const onBreakEnded = () => {
    stopTimer();
    current = null;
    onAd(null);
  };

  hls.on(Hls.Events.INTERSTITIAL_ASSET_STARTED, onStarted as never);
  hls.on(Hls.Events.INTERSTITIAL_ASSET_ENDED, onEnded as never);
  hls.on(Hls.Events.INTERSTITIAL_ENDED, onBreakEnded);
  hls.on(Hls.Events.INTERSTITIALS_PRIMARY_RESUMED, onBreakEnded);
  return () => {
    stopTimer();
    hls.off(Hls.Events.INTERSTITIAL_ASSET_STARTED, onStarted as never);
    hls.off(Hls.Events.INTERSTITIAL_ASSET_ENDED, onEnded as never);
    hls.off(Hls.Events.INTERSTITIAL_ENDED, onBreakEnded);
    hls.off(Hls.Events.INTERSTITIALS_PRIMARY_RESUMED, onBreakEnded);
  };
}
