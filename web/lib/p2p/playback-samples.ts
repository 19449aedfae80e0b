/**
 * Pure bookkeeping behind the page's playback health (see playback-health.ts, which feeds it from the
 * <video> element and timers; the bench's headless peers feed it from their simulated playback):
 * the event loop's timer drift, the share of frames dropped recently, and when playback last stalled.
 * Every method takes the clock (ms) from its caller.
 */

/** Timer drift: a timer due every `intervalMs` that fires late says the event loop is starved. */
export class LagWindow {
  private samples: { at: number; lagMs: number }[] = [];

  constructor(readonly windowMs = 2000) {}

  /** A timer due at `due` ran at `ran`. */
  record(due: number, ran: number): void {
    this.samples.push({ at: ran, lagMs: Math.max(0, ran - due) });
    this.trim(ran);
  }

  /** The largest lag in the last window (0 when none). */
  maxMs(now: number): number {
    this.trim(now);
    return this.samples.reduce((m, s) => Math.max(m, s.lagMs), 0);
  }

  /**
   * Share of the last window lost to lag (0..1): one long task (P2P start-up, a GC) is a blip, a
   * page that runs its timers late all the time is starved.
   */
  lostShare(now: number): number {
    this.trim(now);
    return Math.min(1, this.samples.reduce((a, s) => a + s.lagMs, 0) / this.windowMs);
  }

  private trim(now: number): void {
    while (this.samples.length && this.samples[0].at < now - this.windowMs) this.samples.shift();
  }
}

/** Dropped frames over the last window, from cumulative counters (getVideoPlaybackQuality()). */
export class DropWindow {
  private samples: { at: number; total: number; dropped: number }[] = [];

  constructor(
    private readonly windowMs = 4000,
    /** Fewer frames than this in the window, or less than half the window seen: no verdict. */
    private readonly minFrames = 30,
  ) {}

  record(now: number, totalFrames: number, droppedFrames: number): void {
    const last = this.samples[this.samples.length - 1];
    // A new source (counters went back): start over.
    if (last && (totalFrames < last.total || droppedFrames < last.dropped)) this.samples = [];
    this.samples.push({ at: now, total: totalFrames, dropped: droppedFrames });
    while (this.samples.length > 2 && this.samples[1].at <= now - this.windowMs) this.samples.shift();
  }

  /** Dropped / total frames over the window; null with too few frames. */
  ratio(): number | null {
    if (this.samples.length < 2) return null;
    const a = this.samples[0];
    const b = this.samples[this.samples.length - 1];
    const total = b.total - a.total;
    return total >= this.minFrames && b.at - a.at >= this.windowMs / 2 ? (b.dropped - a.dropped) / total : null;
  }
}

/** Stalls: the buffer ran dry while playing (counted from the first frame on). */
export class StallClock {
  private since: number | null = null;
  private lastStallAt: number | null = null;
  count = 0;
  stalledMs = 0;

  /** Playback stopped for want of data. */
  stalled(now: number): void {
    if (this.since !== null) return;
    this.since = now;
    this.lastStallAt = now;
    this.count++;
  }

  /** Playback goes on (or ended). */
  resumed(now: number): void {
    if (this.since === null) return;
    this.stalledMs += now - this.since;
    this.since = null;
    this.lastStallAt = now;
  }

  get stalledNow(): boolean {
    return this.since !== null;
  }

  /** Seconds since the last stall ended (0 during one); null if none yet. */
  sinceStallS(now: number): number | null {
    if (this.since !== null) return 0;
    return this.lastStallAt === null ? null : (now - this.lastStallAt) / 1000;
  }
}
