/**
 * A headless viewer's playback, simulated: tracks (video and audio) whose segments are appended as
 * they arrive, a playhead that starts once every track holds its first segment and then advances at
 * the playback rate in real time, and stops (a stall, counted with its duration) whenever it reaches
 * the end of what every track holds, until the end of the video. The same StallClock and LagWindow
 * the watch page's monitor uses (web/lib/p2p/playback-samples.ts); no frames are rendered, so dropped
 * frames are unknown (null).
 */
import type { PlaybackState } from '../../web/lib/p2p/fetch-policy';
import { LagWindow, StallClock } from '../../web/lib/p2p/playback-samples';

const TICK_MS = 50;

export interface SegmentRef {
  key: string;
  durationS: number;
}

class Track {
  /** Media seconds appended (segments arrive in order). */
  bufferedEndS = 0;
  appended = 0;
  constructor(readonly segments: SegmentRef[]) {}
  get durationS(): number {
    return this.segments.reduce((a, s) => a + s.durationS, 0);
  }
}

export class PlaybackSim {
  readonly tracks: Track[];
  readonly stalls = new StallClock();
  private readonly lag = new LagWindow();
  private positionS = 0;
  private lastTick = 0;
  private due = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  readonly openedAt = performance.now();
  firstFrameAt: number | null = null;
  endedAt: number | null = null;
  private onEnded: (() => void) | null = null;
  readonly ended: Promise<void>;

  constructor(tracks: SegmentRef[][]) {
    this.tracks = tracks.map((s) => new Track(s));
    this.ended = new Promise((r) => (this.onEnded = r));
    this.lastTick = this.due = performance.now();
    this.timer = setTimeout(this.tick, TICK_MS);
  }

  private get durationS(): number {
    return Math.min(...this.tracks.map((t) => t.durationS));
  }

  private get playableEndS(): number {
    return Math.min(...this.tracks.map((t) => t.bufferedEndS));
  }

  /** Segment `index` of track `track` arrived (in order). */
  append(track: number, index: number): void {
    const t = this.tracks[track];
    if (index !== t.appended) throw new Error(`segment ${index} of track ${track} out of order (next ${t.appended})`);
    t.bufferedEndS += t.segments[index].durationS;
    t.appended++;
  }

  private readonly tick = () => {
    const now = performance.now();
    this.lag.record(this.due, now);
    const dt = (now - this.lastTick) / 1000;
    this.lastTick = now;
    if (this.firstFrameAt === null) {
      if (this.tracks.every((t) => t.appended > 0)) this.firstFrameAt = now;
    } else if (this.endedAt === null) {
      const end = this.playableEndS;
      if (this.stalls.stalledNow) {
        // Resume once a little is buffered again (as a player does, not on the first byte).
        if (end - this.positionS >= Math.min(1, this.durationS - this.positionS)) this.stalls.resumed(now);
      } else {
        this.positionS = Math.min(this.positionS + dt, end);
        if (this.positionS >= this.durationS - 1e-6) {
          this.endedAt = now;
          this.onEnded?.();
        } else if (this.positionS >= end) this.stalls.stalled(now);
      }
    }
    if (this.endedAt !== null) return;
    this.due = now + TICK_MS;
    this.timer = setTimeout(this.tick, TICK_MS);
  };

  /** What the fetch policy reads (as the page's PlaybackHealth gives it). */
  state(): PlaybackState {
    const now = performance.now();
    return {
      bufferAheadS: Math.max(0, this.playableEndS - this.positionS),
      eventLoopLagMs: Math.max(this.lag.maxMs(now), now - this.due),
      eventLoopLostShare: Math.min(1, this.lag.lostShare(now) + Math.max(0, now - this.due) / 2000),
      droppedFrameRatio: null,
      sinceStallS: this.stalls.sinceStallS(now),
    };
  }

  /** Media seconds a track holds ahead of the playhead (the loader asks for more below its goal). */
  aheadS(track: number): number {
    return this.tracks[track].bufferedEndS - this.positionS;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stalls.stalledNow) this.stalls.resumed(performance.now());
  }
}
