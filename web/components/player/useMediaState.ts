'use client';

import { useEffect, useState, type RefObject } from 'react';

export interface MediaState {
  paused: boolean;
  /** Playback began at least once (the big play button shows until then). */
  started: boolean;
  muted: boolean;
  /** 0..1 */
  volume: number;
}

/** The <video>'s play, mute and volume state, kept in step with its events. */
export function useMediaState(videoRef: RefObject<HTMLMediaElement | null>): MediaState {
  const [s, setS] = useState<MediaState>({ paused: true, started: false, muted: false, volume: 1 });
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const update = () =>
      setS((prev) => ({
        paused: video.paused,
        started: prev.started || !video.paused,
        muted: video.muted,
        volume: video.volume,
      }));
    update();
    const events = ['play', 'pause', 'playing', 'volumechange', 'emptied', 'ended'];
    for (const e of events) video.addEventListener(e, update);
    return () => {
      for (const e of events) video.removeEventListener(e, update);
    };
  }, [videoRef]);
  return s;
}
