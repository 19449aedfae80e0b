'use client';

import { useCallback, useEffect, useRef } from 'react';
import { LISTEN_RATES, SKIP_BACK_SEC, SKIP_FORWARD_SEC, clockTime, stepRate } from '@/lib/listen/waveform';
import { hasNext } from '@/lib/listen/queue';
import { P2PStatus } from '@/lib/p2p/P2PStatus';
import { rateLabel, stepVolume, type PlayerAction } from '@/lib/player/shortcuts';
import { AdProgress } from '../player/AdProgress';
import { ChapterList } from './ChapterList';
import { QueueList } from './QueueList';
import { MutedIcon, PauseIcon, PlayIcon, VolumeIcon } from '../player/icons';
import { useKeyboardShortcuts } from '../player/useKeyboardShortcuts';
import { NextIcon, PreviousIcon } from './icons';
import { useListening } from './ListenProvider';
import { usePeaks } from './usePeaks';
import { WaveformSeekBar } from './WaveformSeekBar';
import './listen.css';

const noop = () => undefined;

/**
 * The listen page (the watch page of an AUDIO item): a view onto the ListenProvider, which plays.
 * Opening it plays the item (queued with its playlist when `listId`); leaving it keeps playing.
 */
export function ListenView({ id, listId, title }: { id: string; listId: string | null; title: string }) {
  const l = useListening();
  const { open } = l;
  useEffect(() => open(id, listId), [open, id, listId]);
  const track = l.track?.id === id ? l.track : null;
  const peaks = usePeaks(track?.audio?.peaksUrl);
  const containerRef = useRef<HTMLDivElement | null>(null);

  const lRef = useRef(l);
  lRef.current = l;
  const apply = useCallback((action: PlayerAction) => {
    const c = lRef.current;
    switch (action.kind) {
      case 'toggle-play':
        return c.togglePlay();
      case 'seek-by':
        return c.seekBy(action.seconds);
      case 'seek-to-fraction':
        return c.seek(c.duration * action.fraction);
      case 'volume-by':
        return c.setVolume(stepVolume(c.media.muted ? 0 : c.media.volume, action.delta));
      case 'toggle-mute':
        return c.toggleMute();
      case 'rate-step':
        return c.setRate(stepRate(c.rate, action.direction));
      default:
        return; // full screen and captions: not for listening
    }
  }, []);
  useKeyboardShortcuts(containerRef, apply, noop);

  const tags = track?.audio;
  const artist = tags?.artist ?? track?.owner?.displayName ?? null;
  const shownTitle = tags?.tagTitle || track?.title || title;
  const { paused } = l.media;

  return (
    <section className="listen" aria-label={`Listen: ${title}`} data-testid="listen-page" data-track-id={track?.id ?? ''}>
      <div className="listen__card" ref={containerRef}>
        <div className="listen__cover">
          {track?.posterUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- the cover comes from the API origin
            <img src={track.posterUrl} alt={`Cover of ${title}`} data-testid="listen-cover" />
          ) : (
            <span className="listen__cover-blank" aria-hidden="true">
              ♪
            </span>
          )}
        </div>
        <div className="listen__main">
          <p className="listen__track" data-testid="listen-track-title">
            {shownTitle}
          </p>
          {artist && (
            <p className="listen__artist" data-testid="listen-artist">
              {artist}
            </p>
          )}
          {tags?.album && (
            <p className="listen__album muted" data-testid="listen-album">
              {tags.album}
            </p>
          )}
          {l.ad ? (
            <>
              <p className="listen__ad-row">
                <span className="listen__ad" data-testid="ad-badge" role="status" aria-live="polite">
                  Ad {l.ad.index} of {l.ad.count} · {Math.ceil(l.ad.remaining)}s
                </span>
                {l.ad.clickThroughUrl && (
                  // Opens the advertiser's page in a new tab and pauses the ad (its click beacon fires once).
                  <a
                    className="btn btn--small"
                    data-testid="ad-learn-more"
                    href={l.ad.clickThroughUrl}
                    target="_blank"
                    rel="noopener"
                    onClick={() => l.clickThroughAd()}
                  >
                    Learn more ↗
                  </a>
                )}
              </p>
              <AdProgress ad={l.ad} />
            </>
          ) : (
            <WaveformSeekBar peaks={peaks} time={l.time} duration={l.duration} label="Seek" onSeek={l.seek} onScrub={l.onScrub} />
          )}
          <div className="listen__times muted small" data-testid="listen-time">
            {/* During an ad, the break's own times (the track waits where it stopped). */}
            <span>{clockTime(l.ad ? l.ad.elapsed : l.time)}</span>
            <span>{clockTime(l.ad ? l.ad.duration : l.duration)}</span>
          </div>
          <div className="listen__controls">
            <button
              type="button"
              className="listen__btn"
              aria-label="Previous"
              title="Previous"
              onClick={l.previous}
              data-testid="listen-prev"
            >
              <PreviousIcon />
            </button>
            <button
              type="button"
              className="listen__btn listen__btn--skip"
              aria-label={`Back ${SKIP_BACK_SEC} seconds`}
              title={`Back ${SKIP_BACK_SEC} s (j)`}
              onClick={() => l.seekBy(-SKIP_BACK_SEC)}
              data-testid="listen-back"
            >
              −{SKIP_BACK_SEC}
            </button>
            <button
              type="button"
              className="listen__btn listen__btn--play"
              aria-label={paused ? 'Play (k)' : 'Pause (k)'}
              title={paused ? 'Play (k)' : 'Pause (k)'}
              onClick={l.togglePlay}
              disabled={!track}
              data-testid="listen-play"
              data-state={paused ? 'paused' : 'playing'}
            >
              {paused ? <PlayIcon /> : <PauseIcon />}
            </button>
            <button
              type="button"
              className="listen__btn listen__btn--skip"
              aria-label={`Forward ${SKIP_FORWARD_SEC} seconds`}
              title={`Forward ${SKIP_FORWARD_SEC} s (l)`}
              onClick={() => l.seekBy(SKIP_FORWARD_SEC)}
              data-testid="listen-forward"
            >
              +{SKIP_FORWARD_SEC}
            </button>
            <button
              type="button"
              className="listen__btn"
              aria-label="Next"
              title="Next"
              onClick={l.next}
              disabled={!hasNext(l.queue)}
              data-testid="listen-next"
            >
              <NextIcon />
            </button>
            <label className="listen__speed small">
              <span className="sr-only">Speed</span>
              <select
                value={String(l.rate)}
                onChange={(e) => l.setRate(Number(e.target.value))}
                data-testid="listen-speed"
                title="Speed (< >)"
              >
                {LISTEN_RATES.map((r) => (
                  <option key={r} value={String(r)}>
                    {rateLabel(r)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="listen__btn"
              aria-label={l.media.muted ? 'Unmute (m)' : 'Mute (m)'}
              title={l.media.muted ? 'Unmute (m)' : 'Mute (m)'}
              onClick={l.toggleMute}
              data-testid="listen-mute"
            >
              {l.media.muted ? <MutedIcon /> : <VolumeIcon />}
            </button>
          </div>
          {l.error && (
            <p className="listen__error" role="alert" data-testid="player-error">
              {l.error}
            </p>
          )}
        </div>
      </div>
      {track && <ChapterList chapters={track.chapters} time={l.time} onSeek={l.seek} />}
      <QueueList queue={l.queue} onPlay={l.playIndex} onRemove={l.removeFromQueue} />
      <P2PStatus share={l.share} onShareChange={l.onShareChange} />
    </section>
  );
}
