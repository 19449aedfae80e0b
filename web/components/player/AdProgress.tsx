'use client';

import { formatTime } from '@/lib/format';
import type { AdState } from '@/lib/ads/interstitials';

/**
 * In place of the content's seek bar while an ad plays: the break's own progress, read-only
 * (seeking is off until the ad ends; the native controls are hidden meanwhile).
 */
export function AdProgress({ ad }: { ad: AdState }) {
  const pct = ad.duration > 0 ? Math.min(100, (ad.elapsed / ad.duration) * 100) : 0;
  return (
    <div className="seek seek--ad">
      <div
        className="seek__bar seek__bar--ad"
        data-testid="ad-progress"
        role="progressbar"
        aria-label={`Ad ${ad.index} of ${ad.count}`}
        aria-valuemin={0}
        aria-valuemax={Math.round(ad.duration)}
        aria-valuenow={Math.round(ad.elapsed)}
        aria-valuetext={`${formatTime(ad.elapsed)} of ${formatTime(ad.duration)}; seeking is off during ads`}
      >
        <div className="seek__track">
          <div className="seek__played seek__played--ad" style={{ width: `${pct}%` }} />
        </div>
      </div>
    </div>
  );
}
