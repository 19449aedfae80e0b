'use client';

import type HlsType from 'hls.js';
import { AdBeaconTracker, httpUrlOrNull, type AdBeacons } from './ad-beacons';

/**
 * The ads of HLS Interstitials as the web player sees them: hls.js plays each break's assets in the
 * same <video>; this follows its interstitial events to tell the ad UI what plays ("Ad i of n",
 * time left) and to fire each ad's beacons (ad-beacons.ts). The asset-list requests themselves carry
 * the playback session (asset-list-loader.ts).
 */

/** What the ad UI shows while an ad plays. */
export interface AdState {
  /** 1-based position of the playing ad in its break. */
  index: number;
  count: number;
  /** Seconds left in the break. */
  remaining: number;
  /** Seconds into the break and its length (the ad progress bar). */
  elapsed: number;
  duration: number;
  /** The playing ad's advertiser page (http/https only), if it has one. */
  clickThroughUrl: string | null;
}

/** The tracking of a player's ads: `click()` when the viewer clicks through the playing ad. */
export interface InterstitialsTracking {
  /** Fires the playing ad's click beacon (once per ad); its click-through URL, or null. */
  click(): string | null;
  detach(): void;
}

/** The part of the ad server's asset list (`X-WETUBE`) the player reads. */
interface AssetListExtras {
  'X-WETUBE'?: { beacons?: AdBeacons[]; clickThroughUrls?: unknown[] };
}

/**
 * Works around hls.js 1.7.4: when a mid-roll with CUE="ONCE" (as the origin writes them) ends,
 * hls.js removes it from the schedule, then looks for the content item that follows it in the
 * updated schedule, where the content before and after the break are now one item: it does not
 * find it and never resumes the content (the <video> stays empty after the break). So the player
 * treats such breaks as ordinary ones: the break stays in the schedule, and a viewer who seeks back
 * over a mid-roll and forward past it again sees it again (the ad server answers the same
 * reserved pod for the session's break, so nothing is charged twice).
 */
function keepOnceBreaks(_e: unknown, data: { events?: { cue: { once: boolean } }[]; event?: { cue: { once: boolean } } }): void {
  for (const ev of data.event ? [data.event] : (data.events ?? [])) if (ev.cue.once) ev.cue.once = false;
}

interface AssetPlayerTimes {
  currentTime: number;
  duration: number;
}

/**
 * Drives the ad UI and the beacons from hls.js's interstitial events: impression + start when an
 * asset starts, quartiles from the asset player's time, complete when it really reached its end,
 * click when the viewer clicks through.
 */
export function trackInterstitials(hls: HlsType, Hls: typeof HlsType, onAd: (ad: AdState | null) => void): InterstitialsTracking {
  let timer: ReturnType<typeof setInterval> | null = null;
  let current: { player: AssetPlayerTimes; beacons: AdBeaconTracker; clickThroughUrl: string | null } | null = null;

  const tick = () => {
    const ip = hls.interstitialsManager?.interstitialPlayer;
    if (ip) {
      const count = Math.max(1, ip.assetPlayers.length);
      const index = Math.min(count, Math.max(0, ip.playingIndex) + 1);
      const duration = Number.isFinite(ip.duration) ? Math.max(0, ip.duration) : 0;
      const elapsed = Math.min(duration, Math.max(0, ip.currentTime));
      onAd({ index, count, remaining: duration - elapsed, elapsed, duration, clickThroughUrl: current?.clickThroughUrl ?? null });
    }
    if (current) current.beacons.progress(current.player.currentTime, current.player.duration);
  };
  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  const onStarted = (_e: unknown, data: { assetListIndex: number; event: { assetListResponse: unknown }; player: AssetPlayerTimes }) => {
    const response = data.event.assetListResponse as AssetListExtras | null;
    const extras = response?.['X-WETUBE'];
    const beacons = extras?.beacons?.[data.assetListIndex] ?? {};
    current = {
      player: data.player,
      beacons: new AdBeaconTracker(beacons),
      clickThroughUrl: httpUrlOrNull(extras?.clickThroughUrls?.[data.assetListIndex]),
    };
    current.beacons.started();
    stopTimer();
    timer = setInterval(tick, 250);
    tick();
  };
  const onEnded = (_e: unknown, data: { player: AssetPlayerTimes }) => {
    if (current && current.player === data.player) {
      current.beacons.ended(data.player.currentTime, data.player.duration);
      current = null;
    }
    stopTimer();
  };
  const onBreakEnded = () => {
    stopTimer();
    current = null;
    onAd(null);
  };

  hls.on(Hls.Events.INTERSTITIALS_UPDATED, keepOnceBreaks as never);
  hls.on(Hls.Events.INTERSTITIAL_STARTED, keepOnceBreaks as never);
  hls.on(Hls.Events.INTERSTITIAL_ASSET_STARTED, onStarted as never);
  hls.on(Hls.Events.INTERSTITIAL_ASSET_ENDED, onEnded as never);
  hls.on(Hls.Events.INTERSTITIAL_ENDED, onBreakEnded);
  hls.on(Hls.Events.INTERSTITIALS_PRIMARY_RESUMED, onBreakEnded);
  const detach = () => {
    stopTimer();
    hls.off(Hls.Events.INTERSTITIALS_UPDATED, keepOnceBreaks as never);
    hls.off(Hls.Events.INTERSTITIAL_STARTED, keepOnceBreaks as never);
    hls.off(Hls.Events.INTERSTITIAL_ASSET_STARTED, onStarted as never);
    hls.off(Hls.Events.INTERSTITIAL_ASSET_ENDED, onEnded as never);
    hls.off(Hls.Events.INTERSTITIAL_ENDED, onBreakEnded);
    hls.off(Hls.Events.INTERSTITIALS_PRIMARY_RESUMED, onBreakEnded);
  };
  const click = () => {
    if (!current) return null;
    current.beacons.click();
    return current.clickThroughUrl;
  };
  return { click, detach };
}
