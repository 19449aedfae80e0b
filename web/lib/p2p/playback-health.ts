'use client';

/**
 * The watch page's playback health for the fetch policy: buffer ahead, event-loop lag (a 100 ms
 * timer's drift), dropped frames (`video.getVideoPlaybackQuality()`) and stalls (`waiting` after
 * playback began), one monitor per <video>, sampled while the page lives.
 */
import type { PlaybackState } from './fetch-policy';
import { DropWindow, LagWindow, StallClock } from './playback-samples';

const TICK_MS = 100;

export function bufferedAhead(video: HTMLMediaElement | null): number {
  if (!video) return 0;
  const t = video.currentTime;
  const b = video.buffered;
  for (let i = 0; i < b.length; i++) if (b.start(i) <= t + 0.25 && b.end(i) > t) return b.end(i) - t;
  return 0;
}

export class PlaybackHealth {
  private readonly lag = new LagWindow();
  private readonly drops = new DropWindow();
  readonly stalls = new StallClock();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = 0;
  private began = false;
  private readonly onWaiting = () => {
    if (this.began && !this.video.ended && !this.video.seeking) this.stalls.stalled(performance.now());
  };
  private readonly onPlaying = () => {
    this.began = true;
    this.stalls.resumed(performance.now());
  };
  private readonly onSeeking = () => this.stalls.resumed(performance.now());

  constructor(private readonly video: HTMLMediaElement) {
    video.addEventListener('waiting', this.onWaiting);
    video.addEventListener('playing', this.onPlaying);
    video.addEventListener('ended', this.onSeeking);
    video.addEventListener('seeking', this.onSeeking);
    this.due = performance.now() + TICK_MS;
    this.timer = setTimeout(this.tick, TICK_MS);
  }

  private readonly tick = () => {
    const now = performance.now();
    this.lag.record(this.due, now);
    const v = this.video as Partial<HTMLVideoElement>;
    const q = typeof v.getVideoPlaybackQuality === 'function' ? v.getVideoPlaybackQuality() : null;
    if (q && !this.video.paused) this.drops.record(now, q.totalVideoFrames, q.droppedVideoFrames);
    this.due = now + TICK_MS;
    this.timer = setTimeout(this.tick, TICK_MS);
  };

  state(): PlaybackState {
    const now = performance.now();
    // A timer overdue right now counts too (a long task is running or just ran).
    const overdue = Math.max(0, now - this.due);
    return {
      bufferAheadS: bufferedAhead(this.video),
      eventLoopLagMs: Math.max(this.lag.maxMs(now), overdue),
      eventLoopLostShare: Math.min(1, this.lag.lostShare(now) + overdue / this.lag.windowMs),
      droppedFrameRatio: this.drops.ratio(),
      sinceStallS: this.stalls.sinceStallS(now),
    };
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.video.removeEventListener('waiting', this.onWaiting);
    this.video.removeEventListener('playing', this.onPlaying);
    this.video.removeEventListener('ended', this.onSeeking);
    this.video.removeEventListener('seeking', this.onSeeking);
  }
}

const monitors = new WeakMap<HTMLMediaElement, PlaybackHealth>();

/** The monitor of this <video> (made on first use; it lives as long as the element). */
export function healthOf(video: HTMLMediaElement): PlaybackHealth {
  let m = monitors.get(video);
  if (!m) monitors.set(video, (m = new PlaybackHealth(video)));
  return m;
}
