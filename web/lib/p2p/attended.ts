/**
 * Pay as you listen: which playback counts as attended (pure; AttendedClock applies it in the page).
 * Attended = played while the page is visible, or with the sound on: a podcast in a background tab
 * is listened to, a muted video in a background tab is not.
 */

/** The media element and page as one `timeupdate` sees them. */
export interface PlaybackState {
  paused: boolean;
  seeking: boolean;
  visible: boolean;
  muted: boolean;
  volume: number;
}

/** Visible, or audible. */
export function isAttended(visible: boolean, muted: boolean, volume: number): boolean {
  return visible || (!muted && volume > 0);
}

/** A jump larger than this between two `timeupdate`s (~250 ms apart) is a seek, not playback. */
export const MAX_STEP_SEC = 2;

/**
 * Seconds of attended playback between the last `timeupdate` (media time `last`, null after a
 * pause, seek or stall) and this one (`now`): 0 when paused, seeking, jumping, going back, or neither
 * visible nor audible.
 */
export function attendedStep(last: number | null, now: number, s: PlaybackState): number {
  if (last === null || s.paused || s.seeking) return 0;
  const step = now - last;
  if (!(step > 0 && step < MAX_STEP_SEC)) return 0;
  return isAttended(s.visible, s.muted, s.volume) ? step : 0;
}
