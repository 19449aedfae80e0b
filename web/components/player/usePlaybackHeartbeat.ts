'use client';

import { useEffect, type RefObject } from 'react';
import type { PlaybackSession } from '@/lib/p2p/session';
import { AttendedClock } from '@/lib/p2p/attended-clock';
import { playedSeconds, SessionHeartbeat } from '@/lib/p2p/session-heartbeat';
import type { SessionFor } from './usePlaybackSession';

/**
 * Sharing off: no P2P controller keeps the session's heartbeat (watch time for plan revenue, its
 * end on leave), so the player does. `active` is false while the P2P controller does it.
 */
export function usePlaybackHeartbeat(
  videoRef: RefObject<HTMLMediaElement | null>,
  videoId: string | undefined,
  active: boolean,
  sessionFor: SessionFor,
  forgetSession: (session: Promise<PlaybackSession | null>) => void,
) {
  useEffect(() => {
    if (!videoId || !active) return;
    const session = sessionFor(videoId);
    let heartbeat: SessionHeartbeat | null = null;
    let done = false;
    const attended = videoRef.current ? new AttendedClock(videoRef.current) : null;
    void session.then((s) => {
      if (!s || done) return;
      heartbeat = new SessionHeartbeat(s.sessionId, () => playedSeconds(videoRef.current), attended ? () => attended.seconds() : undefined);
      heartbeat.start();
    });
    return () => {
      done = true;
      heartbeat?.end();
      attended?.stop();
      forgetSession(session);
    };
  }, [videoId, active, sessionFor, forgetSession, videoRef]);
}
