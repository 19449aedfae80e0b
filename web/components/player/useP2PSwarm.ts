'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { AttendedClock } from '@/lib/p2p/attended-clock';
import { P2PController } from '@/lib/p2p/p2p-controller';
import type { PlaybackSession } from '@/lib/p2p/session';
import { playedSeconds } from '@/lib/p2p/session-heartbeat';
import { loadSharePreference, saveSharePreference } from '@/lib/p2p/share-preference';
import { useSession } from '@/lib/session';
import type { SessionFor } from './usePlaybackSession';

interface Options {
  videoRef: RefObject<HTMLMediaElement | null>;
  videoId: string | undefined;
  masterUrl: string;
  /** Where the controller is kept for the fragment loader (see useHls). */
  p2pRef: RefObject<P2PController | null>;
  sessionFor: SessionFor;
  forgetSession: (session: Promise<PlaybackSession | null>) => void;
}

/**
 * The WebTorrent swarm (when sharing is on): the client starts once the first frame is decoded, so
 * its start-up does not compete with the first segments; until then it counts as starting, so
 * segments past the loader's HTTP window wait for it. Off (or any failure) means plain HTTP.
 * `share` is the viewer's "Share my bandwidth" choice, kept in localStorage.
 */
export function useP2PSwarm({ videoRef, videoId, masterUrl, p2pRef, sessionFor, forgetSession }: Options) {
  const [share, setShare] = useState(true);
  // Who is signed in, read by the P2P controller when it redeems (without restarting P2P when it changes).
  const { me } = useSession();
  const viewerIdRef = useRef<string | null | undefined>(me?.id);
  viewerIdRef.current = me === undefined ? undefined : (me?.id ?? null);

  useEffect(() => {
    setShare(loadSharePreference());
  }, []);
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !videoId || !share) return;
    const attended = new AttendedClock(video);
    const ctl = new P2PController(videoId, {
      viewerId: () => viewerIdRef.current,
      watchedSeconds: () => playedSeconds(videoRef.current),
      attendedSeconds: () => attended.seconds(),
    });
    p2pRef.current = ctl;
    const session = sessionFor(videoId);
    const begin = () => void ctl.start(session);
    if (video.readyState >= 2) begin();
    else video.addEventListener('loadeddata', begin, { once: true });
    return () => {
      video.removeEventListener('loadeddata', begin);
      // Stopping ends the session (its last heartbeat): a later controller or asset list starts a new one.
      forgetSession(session);
      if (p2pRef.current === ctl) p2pRef.current = null;
      ctl.stop();
      attended.stop();
    };
  }, [videoId, masterUrl, share, sessionFor, forgetSession, videoRef, p2pRef]);

  function onShareChange(on: boolean) {
    saveSharePreference(on);
    setShare(on);
  }

  return { share, onShareChange };
}
