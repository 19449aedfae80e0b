/**
 * The platform's one notion of "watched": how much real playback of a video (the playback
 * session's heartbeats, `watched_ms`, clamped to the wall clock since the session started) makes a
 * session count as having watched it. A view is counted from it (libs/engagement); the plan share
 * (libs/payments, by watch time) and the ad server (impressions from the session's beacons) read the
 * same heartbeats. Pure, no I/O.
 */

/** Playback that makes any video watched: 30 s, as the big platforms count a view. */
export const WATCHED_MIN_MS = 30_000;
/** Videos shorter than this are watched after half their length (a 20 s clip after 10 s). */
export const WATCHED_SHORT_VIDEO_MS = 60_000;

/** How much playback (ms) makes a video of this length watched (an unknown length: the full 30 s). */
export function watchedThresholdMs(durationMs: number | null | undefined): number {
  if (durationMs != null && Number.isFinite(durationMs) && durationMs > 0 && durationMs < WATCHED_SHORT_VIDEO_MS)
    return Math.ceil(durationMs / 2);
  return WATCHED_MIN_MS;
}

/** True when `watchedMs` of real playback counts as having watched a video of `durationMs`. */
export function hasWatched(watchedMs: number, durationMs: number | null | undefined): boolean {
  return Number.isFinite(watchedMs) && watchedMs >= watchedThresholdMs(durationMs);
}
