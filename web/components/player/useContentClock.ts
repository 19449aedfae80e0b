'use client';

import type HlsType from 'hls.js';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { contentDuration, contentTime, playingAd, seekContent } from '@/lib/ads/content-clock';

interface Options {
  videoRef: RefObject<HTMLMediaElement | null>;
  hlsRef: RefObject<HlsType | null>;
  /** The duration known before the media's metadata (from the API). */
  initialDuration: number | null | undefined;
  /** True while an ad plays: seeking does nothing then. */
  adPlaying: boolean;
  /** Called when the element fails without hls.js (native HLS). */
  onMediaError: (message: string) => void;
}

/**
 * The content's clock for the seek bar: time, duration and buffered end of the content (during an
 * ad the element plays the ad, so these come from hls.js's content timeline), seeking and scrubbing.
 */
export function useContentClock({ videoRef, hlsRef, initialDuration, adPlaying, onMediaError }: Options) {
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(initialDuration ?? 0);
  const [buffered, setBuffered] = useState(0);
  const draggingRef = useRef(false);
  const onMediaErrorRef = useRef(onMediaError);
  onMediaErrorRef.current = onMediaError;

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const onTime = () => {
      if (!draggingRef.current && !playingAd(hlsRef.current)) setTime(contentTime(hlsRef.current, video));
    };
    const onDuration = () => {
      const d = contentDuration(hlsRef.current, video);
      if (d > 0) setDuration(d);
    };
    const onProgress = () => {
      if (playingAd(hlsRef.current)) return;
      const b = video.buffered;
      let end = 0;
      for (let i = 0; i < b.length; i++) {
        if (b.start(i) <= video.currentTime + 0.5) end = Math.max(end, b.end(i));
      }
      setBuffered(end);
    };
    const onError = () => {
      if (!hlsRef.current && video.error) onMediaErrorRef.current('The video could not be played.');
    };
    video.addEventListener('timeupdate', onTime);
    video.addEventListener('durationchange', onDuration);
    video.addEventListener('loadedmetadata', onDuration);
    video.addEventListener('progress', onProgress);
    video.addEventListener('timeupdate', onProgress);
    video.addEventListener('error', onError);
    return () => {
      video.removeEventListener('timeupdate', onTime);
      video.removeEventListener('durationchange', onDuration);
      video.removeEventListener('loadedmetadata', onDuration);
      video.removeEventListener('progress', onProgress);
      video.removeEventListener('timeupdate', onProgress);
      video.removeEventListener('error', onError);
    };
  }, [videoRef, hlsRef]);

  /** Seeks the content; nothing while an ad plays (see seekContent). */
  function seek(t: number) {
    const video = videoRef.current;
    if (!video || adPlaying) return;
    // Not exactly 0: in hls.js's break schedule 0 is the pre-roll's (start = end = 0), and a seek
    // there does not move the content; 10 ms in is the content's start.
    const clamped = Math.max(0.01, Math.min(duration || t, t));
    if (seekContent(hlsRef.current, video, clamped)) setTime(clamped);
  }

  /** Seeks by `seconds` from the element's time: outside ads it is the content's, and it moves at
   * once on a seek (hls.js's primary time follows on the media's events, a key press after a seek may come first). */
  function seekBy(seconds: number) {
    const video = videoRef.current;
    if (!video) return;
    seek((playingAd(hlsRef.current) ? contentTime(hlsRef.current, video) : video.currentTime) + seconds);
  }

  /** The seek bar's thumb while dragged (null when let go): the time shows it, the media's does not overwrite it. */
  function onScrub(t: number | null) {
    draggingRef.current = t !== null;
    if (t !== null) setTime(t);
  }

  return { time, duration, buffered, seek, seekBy, onScrub };
}
