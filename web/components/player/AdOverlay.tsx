'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { AdState } from '@/lib/ads/interstitials';
import { togglePlay } from './media-commands';

interface Props {
  ad: AdState;
  videoRef: RefObject<HTMLVideoElement | null>;
  /** The viewer clicks through: fires the ad's click beacon (once per ad); its URL, or null. */
  onClickThrough: () => string | null;
}

/**
 * Over the video while an ad plays: "Ad i of n · Ns", a play/pause button (the native controls are
 * hidden during ads) and, when the ad has an advertiser page, "Learn more". Clicking "Learn more"
 * or the picture opens that page in a new tab and pauses the ad; clicking the paused picture resumes.
 */
export function AdOverlay({ ad, videoRef, onClickThrough }: Props) {
  const paused = usePaused(videoRef);

  const clickThrough = () => {
    onClickThrough();
    videoRef.current?.pause();
  };
  const onPicture = () => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused || !ad.clickThroughUrl) return togglePlay(video);
    const url = onClickThrough();
    if (url) window.open(url, '_blank', 'noopener');
    video.pause();
  };

  return (
    <>
      <div className="player__ad-area" data-testid="ad-click-area" aria-hidden="true" onClick={onPicture} />
      <div className="player__ad" data-testid="ad-badge" role="status" aria-live="polite">
        Ad {ad.index} of {ad.count} · {Math.ceil(ad.remaining)}s
      </div>
      <div className="player__ad-actions">
        <button
          type="button"
          className="player__ad-button"
          data-testid="ad-play"
          aria-label={paused ? 'Play the ad' : 'Pause the ad'}
          onClick={() => videoRef.current && togglePlay(videoRef.current)}
        >
          {paused ? '▶' : '❚❚'}
        </button>
        {ad.clickThroughUrl && (
          <a
            className="player__ad-button"
            data-testid="ad-learn-more"
            href={ad.clickThroughUrl}
            target="_blank"
            rel="noopener"
            onClick={clickThrough}
          >
            Learn more ↗
          </a>
        )}
      </div>
    </>
  );
}

function usePaused(videoRef: RefObject<HTMLVideoElement | null>): boolean {
  const [paused, setPaused] = useState(() => videoRef.current?.paused ?? true);
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const update = () => setPaused(video.paused);
    update();
    video.addEventListener('play', update);
    video.addEventListener('pause', update);
    return () => {
      video.removeEventListener('play', update);
      video.removeEventListener('pause', update);
    };
  }, [videoRef]);
  return paused;
}
