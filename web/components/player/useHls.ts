'use client';

import type HlsType from 'hls.js';
import type { HlsConfig } from 'hls.js';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { createAssetListLoader } from '@/lib/ads/asset-list-loader';
import type { P2PController } from '@/lib/p2p/p2p-controller';
import { createP2PFragmentLoader } from '@/lib/p2p/p2p-fragment-loader';
import type { LevelOption } from './ControlBar';
import { levelLabel } from './levels';
import type { SessionFor } from './usePlaybackSession';

interface Options {
  videoRef: RefObject<HTMLMediaElement | null>;
  masterUrl: string;
  /** The video's id, read when a request needs the session (absent: no session, no P2P). */
  videoIdRef: RefObject<string | undefined>;
  sessionFor: SessionFor;
  /** The P2P controller of the moment: the fragment loader asks it first. */
  p2pRef: RefObject<P2PController | null>;
  /** Tracks a new instance's ad breaks (see useAdBreaks); returns the function that stops. */
  attachAds: (hls: HlsType, Hls: typeof HlsType) => () => void;
  /** Forgets the ad of the previous source. */
  resetAds: () => void;
}

/**
 * hls.js on the `<video>` (or native HLS only when MSE playback is unsupported): the source, its
 * quality levels and the one the viewer picked, and the error to show over the picture.
 */
export function useHls({ videoRef, masterUrl, videoIdRef, sessionFor, p2pRef, attachAds, resetAds }: Options) {
  const hlsRef = useRef<HlsType | null>(null);
  const [levels, setLevels] = useState<LevelOption[]>([]);
  const [quality, setQualityState] = useState<string>('auto');
  const [currentHeight, setCurrentHeight] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The hls.js instance of the moment, as state: hooks that listen to its events (captions) follow it. */
  const [instance, setInstance] = useState<HlsType | null>(null);

  useEffect(() => {
    const video = videoRef.current;
    // No source (the listening provider with nothing queued): nothing to load.
    if (!video || !masterUrl) return;
    let cancelled = false;
    let hls: HlsType | null = null;
    let detachAds: (() => void) | null = null;
    if (videoIdRef.current) void sessionFor(videoIdRef.current);
    resetAds();
    setError(null);
    setLevels([]);
    setCurrentHeight(null);
    setQualityState('auto');
    import('hls.js')
      .then(({ default: Hls }) => {
        if (cancelled) return;
        if (Hls.isSupported()) {
          const instance = new Hls({
            xhrSetup: (xhr: XMLHttpRequest) => {
              xhr.withCredentials = true;
            },
            // Segments: prefetched from peers when possible, else the origin (hls.js's own loader).
            fLoader: createP2PFragmentLoader(
              Hls.DefaultConfig.loader,
              () => p2pRef.current,
              () => videoRef.current,
            ) as unknown as HlsConfig['fLoader'],
            // Ad breaks (HLS interstitials in the media playlists): asset lists carry the playback session.
            loader: createAssetListLoader(Hls.DefaultConfig.loader as never, () => {
              const id = videoIdRef.current;
              return id ? sessionFor(id).then((s) => s?.sessionId ?? null) : null;
            }) as unknown as HlsConfig['loader'],
          });
          detachAds = attachAds(instance, Hls);
          hls = instance;
          hlsRef.current = instance;
          setInstance(instance);
          window.__wetubeHls = instance;
          let recoveredMedia = false;
          instance.on(Hls.Events.MANIFEST_PARSED, () => {
            const ls = instance.levels;
            setLevels(
              ls
                .map((l, index) => ({ index, height: l.height, label: levelLabel(l.height, l.bitrate, ls) }))
                .sort((a, b) => b.height - a.height || b.index - a.index),
            );
          });
          instance.on(Hls.Events.LEVEL_SWITCHED, (_e, data) => {
            const level = instance.levels[data.level];
            if (level) setCurrentHeight(level.height);
          });
          instance.on(Hls.Events.ERROR, (_e, data) => {
            if (!data.fatal) return;
            if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recoveredMedia) {
              recoveredMedia = true;
              instance.recoverMediaError();
              return;
            }
            const status = data.response?.code;
            if (status === 401 || status === 403) setError('This video is private.');
            else if (status === 404) setError('The video files were not found on the server.');
            else if (data.type === Hls.ErrorTypes.NETWORK_ERROR)
              setError('The video could not be loaded: a network error occurred. Check your connection and reload.');
            else setError(`The video could not be played (${data.details}).`);
          });
          instance.loadSource(masterUrl);
          instance.attachMedia(video);
          // Play was pressed before hls.js had loaded: its interstitials missed that 'play' and would
          // leave a pre-roll paused once the ad takes the element over. Ask again, now that it listens.
          if (!video.paused) {
            video.pause();
            void video.play().catch(() => undefined);
          }
        } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
          video.src = masterUrl;
        } else {
          setError('This browser cannot play HLS video.');
        }
      })
      .catch(() => {
        if (!cancelled) setError('The video player could not be loaded.');
      });
    return () => {
      cancelled = true;
      detachAds?.();
      if (hls) {
        hls.destroy();
        if (window.__wetubeHls === hls) window.__wetubeHls = undefined;
      }
      hlsRef.current = null;
      setInstance(null);
    };
  }, [masterUrl, sessionFor, videoRef, videoIdRef, p2pRef, attachAds, resetAds]);

  /** The viewer's pick in the quality menu: a level's index, or 'auto'. */
  function setQuality(value: string) {
    setQualityState(value);
    const hls = hlsRef.current;
    if (!hls) return;
    // currentLevel switches immediately (flushes the buffer); -1 = automatic.
    hls.currentLevel = value === 'auto' ? -1 : Number(value);
  }

  return { hlsRef, instance, levels, quality, setQuality, currentHeight, error, setError };
}
