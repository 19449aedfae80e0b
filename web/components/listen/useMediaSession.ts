'use client';

import { useEffect, useRef, type RefObject } from 'react';
import { SKIP_BACK_SEC, SKIP_FORWARD_SEC } from '@/lib/listen/waveform';
import type { Listening } from './ListenProvider';

/**
 * The Media Session API for the track playing: its metadata (title, artist, album, the cover as
 * artwork) for the system's media controls and lock screen, their actions (play, pause, seek
 * backward 15 s / forward 30 s, previous/next track, seek to) and the position state.
 */
export function useMediaSession(l: Listening, audioRef: RefObject<HTMLAudioElement | null>) {
  const lRef = useRef(l);
  lRef.current = l;
  const { track } = l;

  useEffect(() => {
    if (typeof navigator === 'undefined' || !('mediaSession' in navigator)) return;
    const ms = navigator.mediaSession;
    if (!track) {
      ms.metadata = null;
      return;
    }
    // Every cover the platform serves is a JPEG (the transcode's poster.jpg, or an uploaded cover at 1400×1400).
    const artwork = track.posterUrl
      ? [
          {
            src: new URL(track.posterUrl, window.location.href).toString(),
            type: 'image/jpeg',
            ...(/\/api\/covers\//.test(track.posterUrl) ? { sizes: '1400x1400' } : {}),
          },
        ]
      : [];
    ms.metadata = new MediaMetadata({
      title: track.title,
      artist: track.audio?.artist ?? track.owner?.displayName ?? '',
      album: track.audio?.album ?? '',
      artwork,
    });
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => void audioRef.current?.play().catch(() => undefined)],
      ['pause', () => audioRef.current?.pause()],
      ['seekbackward', (d) => lRef.current.seekBy(-(d.seekOffset ?? SKIP_BACK_SEC))],
      ['seekforward', (d) => lRef.current.seekBy(d.seekOffset ?? SKIP_FORWARD_SEC)],
      ['previoustrack', () => lRef.current.previous()],
      ['nexttrack', () => lRef.current.next()],
      ['seekto', (d) => d.seekTime != null && lRef.current.seek(d.seekTime)],
    ];
    for (const [action, handler] of handlers) {
      try {
        ms.setActionHandler(action, handler);
      } catch {
        // an action this browser does not know
      }
    }
    return () => {
      for (const [action] of handlers) {
        try {
          ms.setActionHandler(action, null);
        } catch {
          // idem
        }
      }
    };
  }, [track, audioRef]);

  const paused = l.media.paused;
  useEffect(() => {
    if (typeof navigator === 'undefined' || !('mediaSession' in navigator)) return;
    navigator.mediaSession.playbackState = !track ? 'none' : paused ? 'paused' : 'playing';
  }, [track, paused]);

  const { time, duration, rate } = l;
  useEffect(() => {
    if (typeof navigator === 'undefined' || !('mediaSession' in navigator) || !track) return;
    if (!(duration > 0) || !Number.isFinite(duration)) return;
    try {
      navigator.mediaSession.setPositionState({
        duration,
        playbackRate: rate > 0 ? rate : 1,
        position: Math.max(0, Math.min(duration, time)),
      });
    } catch {
      // an inconsistent state for a moment (a new source): the next update sets it
    }
  }, [track, time, duration, rate]);
}
