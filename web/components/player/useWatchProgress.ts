'use client';

import type HlsType from 'hls.js';
import { useEffect, useRef, type RefObject } from 'react';
import { contentDuration, contentTime, playingAd, seekContent } from '@/lib/ads/content-clock';
import { gqlRequest } from '@/lib/api';
import { RECORD_WATCH_PROGRESS } from '@/lib/library';

/** How often the position is reported while the content plays. */
const REPORT_EVERY_MS = 10_000;

interface Options {
  videoRef: RefObject<HTMLMediaElement | null>;
  hlsRef: RefObject<HlsType | null>;
  videoId: string | undefined;
  /** Signed in: report the position (watch history, resume, Continue watching). */
  report: boolean;
  /** Where to start the content (the saved position); changing it seeks again (e.g. "Start over" → 0). */
  startAtSec?: number | null;
  /** Start playing once the content can play (the next video of a playlist). */
  autoPlay?: boolean;
  /** The content (not an ad) played to its end. */
  onContentEnded?: () => void;
}

/**
 * The library's side of the player: reports where the viewer is (every 10 s while playing, on pause,
 * at the end and when the page goes away, with a keepalive request), starts at the saved position,
 * and tells the page when the content ended (ads end the same <video> too; those are not the end).
 */
export function useWatchProgress({ videoRef, hlsRef, videoId, report, startAtSec, autoPlay, onContentEnded }: Options) {
  const endedRef = useRef(onContentEnded);
  endedRef.current = onContentEnded;

  // Reports.
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !videoId || !report) return;
    let played = false;
    let lastSent = -1;
    // The content's time as last seen while media was loaded: when the player is torn down (hls.js
    // detached, 'emptied'), the element's time reads 0, which must not overwrite the real position.
    let seen = -1;
    let loaded = video.readyState >= 1;
    const track = () => {
      if (loaded && video.readyState >= 1 && !playingAd(hlsRef.current)) seen = contentTime(hlsRef.current, video);
    };
    const onLoaded = () => {
      loaded = true;
    };
    const onEmptied = () => {
      loaded = false;
    };
    const send = (keepalive = false) => {
      track();
      if (!played || seen < 0 || !Number.isFinite(seen) || Math.abs(seen - lastSent) < 0.5) return;
      lastSent = seen;
      void gqlRequest(RECORD_WATCH_PROGRESS, { videoId, positionSeconds: Math.round(seen * 10) / 10 }, { keepalive }).catch(
        () => undefined,
      );
    };
    const onPlaying = () => {
      if (!playingAd(hlsRef.current)) played = true;
    };
    const onPause = () => send();
    const onHide = () => send(true);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') send(true);
    };
    const timer = window.setInterval(() => {
      if (!video.paused) send();
    }, REPORT_EVERY_MS);
    video.addEventListener('loadedmetadata', onLoaded);
    video.addEventListener('emptied', onEmptied);
    video.addEventListener('timeupdate', track);
    video.addEventListener('playing', onPlaying);
    video.addEventListener('pause', onPause);
    video.addEventListener('ended', onPause);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      send(true); // leaving the page inside the app (a link, the next video of a playlist)
      window.clearInterval(timer);
      video.removeEventListener('loadedmetadata', onLoaded);
      video.removeEventListener('emptied', onEmptied);
      video.removeEventListener('timeupdate', track);
      video.removeEventListener('playing', onPlaying);
      video.removeEventListener('pause', onPause);
      video.removeEventListener('ended', onPause);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [videoRef, hlsRef, videoId, report]);

  // Start at the saved position (once the content's duration is known), then play if asked.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let done = false;
    const apply = () => {
      if (done || playingAd(hlsRef.current)) return;
      if (contentDuration(hlsRef.current, video) <= 0 && video.readyState < 1) return;
      done = true;
      if (startAtSec != null && startAtSec > 0) seekContent(hlsRef.current, video, startAtSec);
      else if (startAtSec === 0 && video.currentTime > 0.5) seekContent(hlsRef.current, video, 0.01);
      if (autoPlay && video.paused) void video.play().catch(() => undefined);
    };
    apply();
    video.addEventListener('loadedmetadata', apply);
    video.addEventListener('canplay', apply);
    video.addEventListener('timeupdate', apply); // after a pre-roll: the content's first moments
    return () => {
      video.removeEventListener('loadedmetadata', apply);
      video.removeEventListener('canplay', apply);
      video.removeEventListener('timeupdate', apply);
    };
    // videoId: the listening provider keeps one element for a queue of tracks; each starts afresh.
  }, [videoRef, hlsRef, videoId, startAtSec, autoPlay]);

  // The content's end (not an ad's).
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const onEnded = () => {
      if (playingAd(hlsRef.current)) return;
      const d = contentDuration(hlsRef.current, video);
      if (d > 0 && contentTime(hlsRef.current, video) < d - 1.5) return;
      endedRef.current?.();
    };
    video.addEventListener('ended', onEnded);
    return () => video.removeEventListener('ended', onEnded);
  }, [videoRef, hlsRef]);
}
