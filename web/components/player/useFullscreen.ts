'use client';

import { useCallback, useEffect, useState, type RefObject } from 'react';

interface WebkitVideo extends HTMLVideoElement {
  webkitEnterFullscreen?: () => void;
}

/**
 * Full screen for the player's container (the picture, its controls and the ad overlay go full
 * screen together), by the Fullscreen API; where the browser has none for elements (iPhone Safari)
 * the <video>'s own full screen.
 */
export function useFullscreen(containerRef: RefObject<HTMLElement | null>, videoRef: RefObject<HTMLVideoElement | null>) {
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const update = () => setFullscreen(!!containerRef.current && document.fullscreenElement === containerRef.current);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, [containerRef]);

  const toggle = useCallback(() => {
    const el = containerRef.current;
    if (!el) return;
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => undefined);
    } else if (typeof el.requestFullscreen === 'function') {
      void el.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    } else {
      (videoRef.current as WebkitVideo | null)?.webkitEnterFullscreen?.();
    }
  }, [containerRef, videoRef]);

  return { fullscreen, toggleFullscreen: toggle };
}
