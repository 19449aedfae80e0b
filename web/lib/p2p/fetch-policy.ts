/**
 * Where a segment comes from: wait for peers, or the origin now. Pure rules (no DOM, no timers), shared
 * by the watch page's hls.js fragment loader and the bench's headless peers, so both decide alike.
 *
 * The promise: P2P never makes a viewer stall more than plain HTTP would. A segment waits for peers
 * only while the buffer ahead covers the HTTP window plus what an HTTP fetch of it would take on this
 * page now (the origin's rate as this page measured it, so a slow page's slowness is in it, plus the
 * event loop's current lag: the fallback starts that late), playback has not stalled lately, the page
 * is not starved (its event loop late most of the time, or many frames dropped), and the peers
 * deliver at least at the playback rate and in time; the moment any of these fails it goes to the
 * origin, with the reason (`why`) logged per segment.
 */

/** What the player looks like now. */
export interface PlaybackState {
  /** Seconds of media buffered ahead of the playhead. */
  bufferAheadS: number;
  /** Largest timer drift of the page's event loop over the last seconds (ms); 0 when unmeasured. */
  eventLoopLagMs: number;
  /** Share of the last seconds the event loop lost to lag (0..1; sum of timer drifts / time). */
  eventLoopLostShare: number;
  /** Share of frames dropped over the last seconds (0..1); null when unknown or too few frames. */
  droppedFrameRatio: number | null;
  /** Seconds since playback last stalled (buffer ran dry while playing); null if it never did. */
  sinceStallS: number | null;
}

/** The segment asked for. */
export interface SegmentEstimate {
  /** Media seconds it holds. */
  durationS: number;
  /** Expected size (from its rendition's earlier segments, or the torrent); null when not known yet. */
  bytes: number | null;
}

/** How the wait for this segment is going. */
export interface TransferState {
  /** Seconds since a fetch of it from peers started; null while no connected peer holds it. */
  fetchingS: number | null;
  /** Bytes/s peers delivered to this viewer since that fetch started; null when unmeasured. */
  peerBytesPerS: number | null;
  /** Bytes/s of this viewer's recent HTTP segment fetches from the origin; null when unmeasured. */
  originBytesPerS: number | null;
}

export interface FetchLimits {
  /** Below this much buffered ahead, segments come from the origin at once (fast start, no stall). */
  windowS: number;
  /**
   * Share of the last seconds lost to event-loop lag from which the page counts as starved (one long
   * task, such as P2P's own start-up, is not starvation: its lag counts against the spare buffer).
   */
  starvedShare: number;
  /** Share of frames dropped from which the page counts as starved. */
  droppedRatio: number;
  /** After a stall, every segment comes from the origin for this long (s). */
  stallCooldownS: number;
  /** HTTP time assumed for a segment while the origin's rate is unmeasured (s); also its floor. */
  httpFloorS: number;
  /** A fetch from peers is judged on its rate only after this long (s): set-up is not throughput. */
  rateGraceS: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  windowS: 4,
  starvedShare: 0.8,
  droppedRatio: 0.5,
  stallCooldownS: 10,
  httpFloorS: 0.5,
  rateGraceS: 0.5,
};

export type Decision = { source: 'peers'; why: string } | { source: 'origin'; why: string };

const s1 = (x: number) => `${x.toFixed(1)} s`;
const pct = (x: number) => `${Math.round(x * 100)} %`;
const kBps = (x: number) => `${Math.round(x / 1000)} kB/s`;

/** Seconds an HTTP fetch of the segment should take now (the origin's measured rate, else the floor). */
export function httpEstimateS(seg: SegmentEstimate, t: TransferState, limits: FetchLimits = DEFAULT_LIMITS): number {
  if (seg.bytes === null || !t.originBytesPerS || t.originBytesPerS <= 0) return limits.httpFloorS;
  return Math.min(limits.windowS, Math.max(limits.httpFloorS, seg.bytes / t.originBytesPerS));
}

/**
 * Wait for peers or go to the origin, for a segment not yet in memory. Called when hls.js asks for
 * it and again every poll while it waits; `origin` is final for that segment.
 */
export function decide(p: PlaybackState, seg: SegmentEstimate, t: TransferState, limits: FetchLimits = DEFAULT_LIMITS): Decision {
  const ahead = p.bufferAheadS;
  if (ahead < limits.windowS) return { source: 'origin', why: `buffer low (${s1(ahead)})` };
  if (p.sinceStallS !== null && p.sinceStallS < limits.stallCooldownS) return { source: 'origin', why: `stalled ${s1(p.sinceStallS)} ago` };
  if (p.eventLoopLostShare >= limits.starvedShare) {
    return {
      source: 'origin',
      why: `page starved (event loop ${pct(p.eventLoopLostShare)} late, lag up to ${Math.round(p.eventLoopLagMs)} ms)`,
    };
  }
  if (p.droppedFrameRatio !== null && p.droppedFrameRatio >= limits.droppedRatio)
    return { source: 'origin', why: `page starved (dropped frames ${pct(p.droppedFrameRatio)})` };
  // The window is what HTTP needs to refill in time; waiting must leave it whole after an HTTP fetch
  // as this page does it now, starting late by its event loop's current lag.
  const lagS = p.eventLoopLagMs / 1000;
  const http = httpEstimateS(seg, t, limits) + lagS;
  const spare = ahead - limits.windowS - http;
  if (spare <= 0)
    return {
      source: 'origin',
      why: `buffer at the window (${s1(ahead)} ahead, HTTP ~${s1(http)}${lagS >= 0.05 ? `, lag ${Math.round(p.eventLoopLagMs)} ms` : ''})`,
    };
  if (t.fetchingS !== null) {
    // Whatever its size, a segment still coming after its own duration came slower than it plays.
    if (t.fetchingS >= seg.durationS)
      return { source: 'origin', why: `peers slower than playback (${s1(seg.durationS)} segment not in after ${s1(t.fetchingS)})` };
    if (t.fetchingS >= limits.rateGraceS && t.peerBytesPerS !== null && seg.bytes !== null) {
      const playbackRate = seg.bytes / seg.durationS;
      if (t.peerBytesPerS < playbackRate)
        return { source: 'origin', why: `peers slower than playback (${kBps(t.peerBytesPerS)} < ${kBps(playbackRate)})` };
      // Conservative: as if nothing of it had arrived yet.
      const needS = seg.bytes / t.peerBytesPerS;
      if (needS > spare)
        return { source: 'origin', why: `peers too slow for the buffer (~${s1(needS)} to deliver, ${s1(spare)} to spare)` };
    }
  }
  return { source: 'peers', why: `buffer ${s1(ahead)} ahead` };
}
