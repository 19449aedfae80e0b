'use client';

import type { AdState } from '@/lib/ads/interstitials';

/** Over the video while an ad plays: "Ad i of n · Ns". */
export function AdOverlay({ ad }: { ad: AdState }) {
  return (
    <div className="player__ad" data-testid="ad-badge" role="status" aria-live="polite">
      Ad {ad.index} of {ad.count} · {Math.ceil(ad.remaining)}s
    </div>
  );
}
