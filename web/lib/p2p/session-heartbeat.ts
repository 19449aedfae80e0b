'use client';

import { gqlRequest } from '@/lib/api';
import { graphql } from '@/lib/gql';

const HEARTBEAT = graphql(`
  mutation Heartbeat($input: PlaybackHeartbeatInput!) {
    playbackHeartbeat(input: $input) {
      ok
    }
  }
`);
const EVERY_MS = 30_000;

/**
 * Tells the api this playback session is alive and how much of the video it played (ad-free watch
 * time shares plan revenue with creators), every 30 s, and that it ended on pagehide or stop, so
 * the session's unspent bandwidth budget goes back sooner. Best effort: failures are ignored (the
 * api closes idle sessions itself).
 */
export class SessionHeartbeat {
  private timer: ReturnType<typeof setInterval> | null = null;
  private ended = false;
  private readonly onPageHide = () => this.end();

  constructor(
    private readonly sessionId: string,
    private readonly watchedSeconds: () => number,
    /** Of the played time, what was visible or audible (lib/p2p/attended-clock); absent: not reported. */
    private readonly attendedSeconds?: () => number,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.send(false), EVERY_MS);
    window.addEventListener('pagehide', this.onPageHide);
  }

  /** The session is over: one last report (keepalive, so it survives the page). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearInterval(this.timer);
    window.removeEventListener('pagehide', this.onPageHide);
    this.send(true);
  }

  private send(ended: boolean): void {
    const seconds = Math.max(0, this.watchedSeconds());
    const watchedSeconds = Number.isFinite(seconds) ? seconds : 0;
    const attended = this.attendedSeconds ? Math.max(0, this.attendedSeconds()) : null;
    const attendedSeconds = attended !== null && Number.isFinite(attended) ? attended : undefined;
    void gqlRequest(
      HEARTBEAT,
      { input: { sessionId: this.sessionId, watchedSeconds, ended, attendedSeconds } },
      { keepalive: ended },
    ).catch(() => undefined);
  }
}

/** Seconds of the video actually played (the union of the played ranges; seeking does not count). */
export function playedSeconds(video: HTMLMediaElement | null): number {
  if (!video) return 0;
  let total = 0;
  for (let i = 0; i < video.played.length; i++) total += video.played.end(i) - video.played.start(i);
  return total;
}
