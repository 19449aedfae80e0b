'use client';

import { attendedStep } from './attended';

/**
 * Playback someone attended: played while the page was visible, or with the sound on (a podcast in a
 * background tab is listened to; a muted video in a background tab is not). Counted from the media
 * clock between `timeupdate`s of real playback: pauses, seeks and stalls add nothing. What
 * pay-as-you-listen support pays for (the heartbeat's `attendedSeconds`; the server never counts
 * more than the played time).
 */
export class AttendedClock {
  private total = 0;
  private last: number | null = null;
  private readonly onTime = () => this.tick();
  private readonly onBreak = () => (this.last = null);

  constructor(private readonly video: HTMLMediaElement) {
    video.addEventListener('timeupdate', this.onTime);
    for (const e of ['seeking', 'pause', 'waiting', 'emptied']) video.addEventListener(e, this.onBreak);
  }

  seconds(): number {
    return this.total;
  }

  stop(): void {
    this.video.removeEventListener('timeupdate', this.onTime);
    for (const e of ['seeking', 'pause', 'waiting', 'emptied']) this.video.removeEventListener(e, this.onBreak);
  }

  private tick(): void {
    const v = this.video;
    const now = v.currentTime;
    this.total += attendedStep(this.last, now, {
      paused: v.paused,
      seeking: v.seeking,
      visible: document.visibilityState === 'visible',
      muted: v.muted,
      volume: v.volume,
    });
    this.last = now;
  }
}
