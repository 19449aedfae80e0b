import { defaultBreaks } from './interstitials.writer';

/** Segment length of the ladder (s): chosen mid-rolls are snapped down onto this grid. */
export const SEGMENT_GRID_SEC = 2;

/**
 * A video's ad breaks, seconds from the start: the pre-roll at 0, then the creator's mid-roll
 * points when chosen (`null`: the default, every 8 minutes for videos over 10 minutes). Chosen
 * points are snapped down onto the segment grid (a break starts a segment in every rendition),
 * and those that land on 0, on an earlier point, or not before the end are dropped. Pure.
 */
export function breakPoints(durationSec: number, chosenMidrolls: readonly number[] | null): number[] {
  const defaults = defaultBreaks(durationSec);
  if (chosenMidrolls === null || defaults.length === 0) return defaults;
  const out = [0];
  for (const t of [...chosenMidrolls].sort((a, b) => a - b)) {
    const snapped = Math.floor(t / SEGMENT_GRID_SEC) * SEGMENT_GRID_SEC;
    if (snapped > out[out.length - 1] && snapped < durationSec) out.push(snapped);
  }
  return out;
}
