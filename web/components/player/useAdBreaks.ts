'use client';

import type HlsType from 'hls.js';
import { useCallback, useRef, useState } from 'react';
import { trackInterstitials, type AdState, type InterstitialsTracking } from '@/lib/ads/interstitials';

/** The ad break playing now (HLS interstitials tracked on the hls.js instance), null during the content. */
export function useAdBreaks() {
  const [ad, setAd] = useState<AdState | null>(null);
  const adsRef = useRef<InterstitialsTracking | null>(null);
  /** Tracks the breaks of a new hls.js instance; the returned function stops. */
  const attach = useCallback((hls: HlsType, Hls: typeof HlsType) => {
    const ads = trackInterstitials(hls, Hls, setAd);
    adsRef.current = ads;
    return () => {
      ads.detach();
      if (adsRef.current === ads) adsRef.current = null;
    };
  }, []);
  const reset = useCallback(() => setAd(null), []);
  /** The click-through of the ad playing (opens it, fires the beacon once); null when none. */
  const clickThrough = useCallback(() => adsRef.current?.click() ?? null, []);
  return { ad, attach, reset, clickThrough };
}
