'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { AdState } from '@/lib/ads/interstitials';

/**
 * Speed: the viewer's for the content, 1× during an ad (the element's default too, as a new source
 * resets the speed to it); any other change during an ad is undone. `rate` is the speed playing now.
 */
export function usePlaybackRate(videoRef: RefObject<HTMLMediaElement | null>, ad: AdState | null) {
  const [rate, setRate] = useState(1);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const want = ad ? 1 : rate;
    video.defaultPlaybackRate = want;
    video.playbackRate = want;
    if (!ad) return;
    const keep = () => {
      if (video.playbackRate !== 1) video.playbackRate = 1;
    };
    video.addEventListener('ratechange', keep);
    return () => video.removeEventListener('ratechange', keep);
  }, [videoRef, ad, rate]);

  /** The viewer's new speed for the content (ignored during an ad). */
  function changeRate(r: number) {
    if (!ad) setRate(r);
  }

  return { rate: ad ? 1 : rate, viewerRate: rate, changeRate };
}
