'use client';

import type HlsType from 'hls.js';

/**
 * The content's own time while ads play in the same <video>: with HLS Interstitials the element's
 * time and duration are the ad's during a break, so the content's come from hls.js's
 * `interstitialsManager.primary`. Without a break schedule (no ads, native HLS) the element's are
 * the content's.
 */

function scheduled(hls: HlsType | null): NonNullable<HlsType['interstitialsManager']> | null {
  const m = hls?.interstitialsManager ?? null;
  return m && m.schedule.length > 0 ? m : null;
}

/** An ad break is playing (the <video> shows an ad, not the content). */
export function playingAd(hls: HlsType | null): boolean {
  return !!hls?.interstitialsManager?.playingItem?.event;
}

export function contentTime(hls: HlsType | null, video: HTMLMediaElement): number {
  return scheduled(hls)?.primary.currentTime ?? video.currentTime;
}

/** Seconds, 0 when not known yet. */
export function contentDuration(hls: HlsType | null, video: HTMLMediaElement): number {
  const d = scheduled(hls)?.primary.duration ?? 0;
  if (d > 0) return d;
  return !playingAd(hls) && Number.isFinite(video.duration) && video.duration > 0 ? video.duration : 0;
}

/**
 * Seeks the content to `t`; false (nothing done) while an ad plays: viewers cannot seek through
 * an ad. A seek past a mid-roll the viewer has not seen goes through hls.js, which honours the
 * break's X-RESTRICT="JUMP": it plays the break first, then the content resumes at the break.
 */
export function seekContent(hls: HlsType | null, video: HTMLMediaElement, t: number): boolean {
  if (playingAd(hls)) return false;
  const m = scheduled(hls);
  if (m) m.primary.currentTime = t;
  else video.currentTime = t;
  return true;
}
