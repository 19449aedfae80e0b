/** The watch-history rules that need no database: when a video counts as finished, where to resume. */

/** Positions under this many seconds are not "started" (no resume offer, not in Continue watching). */
export const STARTED_AFTER_SEC = 3;

/** A reported position may pass the stored duration by this much (players round, the last segment runs long). */
export const POSITION_SLACK_SEC = 2;

/** Seconds before the end from which a video counts as watched to the end: 5 % of it, at least 1 s, at most 10 s. */
export function finishedTail(durationSec: number): number {
  return Math.min(10, Math.max(1, durationSec * 0.05));
}

export function isFinished(positionSec: number, durationSec: number): boolean {
  return positionSec >= durationSec - finishedTail(durationSec);
}

/** Where the watch page should start: the saved position, or null (from the start) when finished or barely started. */
export function resumeAt(positionSec: number, finished: boolean): number | null {
  return finished || positionSec < STARTED_AFTER_SEC ? null : positionSec;
}

/** What is wrong with a reported position for a video of `durationSec`, or null when it is fine. */
export function positionProblem(positionSec: number, durationSec: number): string | null {
  if (!Number.isFinite(positionSec) || positionSec < 0) return 'The position must be a number of seconds, 0 or more.';
  if (positionSec > durationSec + POSITION_SLACK_SEC) {
    return `The position ${Math.round(positionSec)} s is past the end of the video (${Math.round(durationSec)} s).`;
  }
  return null;
}
