/** The arithmetic of paying for receipts: real-time limit and viewer-peer reward decay. */

/** How far ahead of the playhead a player buffers (and so may have been served segments). */
export const LOOKAHEAD_MS = 30_000;
/** Slack for quality switches, which fetch the same moment of the video again in another rendition. */
const SWITCH_SLACK = 1.25;
/** Pair counters cover this window; then they start again from zero. */
export const PAIR_WINDOW_MS = 24 * 3600_000;

/**
 * The most segments a session can have been served, in all, `nowMs` into it: one segment per stream
 * (video, plus audio when it is separate) per segment duration of playback since the start plus the
 * buffer look-ahead, with slack for quality switches; never more than the whole video twice over.
 */
export function allowedSegments(s: { startedAt: Date; segmentMs: number; streams: number; videoSegments: number }, nowMs: number): number {
  const elapsed = Math.max(0, nowMs - s.startedAt.getTime());
  const byTime = Math.ceil(((elapsed + LOOKAHEAD_MS) / s.segmentMs) * s.streams * SWITCH_SLACK);
  return Math.min(byTime, s.videoSegments * 2);
}

/**
 * What `added` segments pay for a viewer-peer pair that has already been paid for `before` segments
 * in the window: full price for the first `decaySegments`, then half, a quarter, … (integer halving,
 * so a pair that repeats long enough earns nothing).
 */
export function decayedAmount(price: bigint, before: number, added: number, decaySegments: number): bigint {
  let total = 0n;
  let i = 0;
  while (i < added) {
    const n = before + i;
    const halvings = Math.floor(n / decaySegments);
    if (halvings >= 64) break;
    // All segments up to the next halving step pay the same.
    const run = Math.min(added - i, (halvings + 1) * decaySegments - n);
    total += BigInt(run) * (price >> BigInt(halvings));
    i += run;
  }
  return total;
}
