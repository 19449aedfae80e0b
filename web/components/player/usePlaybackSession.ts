'use client';

import { useCallback, useRef } from 'react';
import { startPlaybackSession, type PlaybackSession } from '@/lib/p2p/session';

export type SessionFor = (videoId: string) => Promise<PlaybackSession | null>;

/**
 * The playback session: started when the player mounts (the ad server decides the pre-roll for it,
 * so it must exist before the pre-roll's asset list is asked for); P2P and the heartbeat use the same one.
 * `forget(promise)` drops it when its owner ended it, so the next `sessionFor` starts a new one.
 */
export function usePlaybackSession() {
  const sessionRef = useRef<{ videoId: string; promise: Promise<PlaybackSession | null> } | null>(null);
  const sessionFor = useCallback<SessionFor>((id) => {
    if (sessionRef.current?.videoId !== id) sessionRef.current = { videoId: id, promise: startPlaybackSession(id).catch(() => null) };
    return sessionRef.current.promise;
  }, []);
  const forget = useCallback((promise: Promise<PlaybackSession | null>) => {
    if (sessionRef.current?.promise === promise) sessionRef.current = null;
  }, []);
  return { sessionFor, forget };
}
