'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { currentItem, hasNext, hasPrevious } from '@/lib/listen/queue';
import { clockTime, playedFraction } from '@/lib/listen/waveform';
import { PauseIcon, PlayIcon } from '../player/icons';
import { CloseIcon, NextIcon, PreviousIcon } from './icons';
import { listenHref, useListening } from './ListenProvider';
import './listen.css';

/**
 * The bar at the bottom of every page but the listen page of the track playing: cover, title,
 * play/pause, previous/next, progress and a link back to the listen page; closing it stops.
 */
export function MiniPlayer() {
  const l = useListening();
  const pathname = usePathname();
  const item = currentItem(l.queue);
  if (!item) return null;
  const href = listenHref(item.id, l.queue.listId);
  if (pathname === `/watch/${encodeURIComponent(item.id)}`) return null;
  const title = l.track?.title ?? item.title;
  const poster = l.track?.posterUrl ?? item.posterUrl;
  const { paused } = l.media;
  const pct = playedFraction(l.time, l.duration) * 100;
  return (
    <>
      <div className="mini-spacer" aria-hidden="true" />
      <aside className="mini" aria-label="Now playing" data-testid="mini-player" data-track-id={item.id}>
        <div
          className="mini__progress"
          role="progressbar"
          aria-label="Progress"
          aria-valuemin={0}
          aria-valuemax={Math.round(l.duration)}
          aria-valuenow={Math.round(l.time)}
        >
          <div className="mini__played" style={{ width: `${pct}%` }} />
        </div>
        <Link href={href} className="mini__link" data-testid="mini-player-link" title="Open the listen page">
          {poster ? (
            // eslint-disable-next-line @next/next/no-img-element -- the cover comes from the API origin
            <img src={poster} alt="" className="mini__cover" />
          ) : (
            <span className="mini__cover" aria-hidden="true" />
          )}
          <span className="mini__text">
            <span className="mini__title" data-testid="mini-player-title">
              {title || 'Loading…'}
            </span>
            <span className="muted small" data-testid="mini-player-time">
              {l.ad ? 'Ad' : `${clockTime(l.time)} / ${clockTime(l.duration)}`}
            </span>
          </span>
        </Link>
        <div className="mini__controls">
          <button
            type="button"
            className="listen__btn"
            aria-label="Previous"
            onClick={l.previous}
            disabled={!hasPrevious(l.queue)}
            data-testid="mini-prev"
          >
            <PreviousIcon />
          </button>
          <button
            type="button"
            className="listen__btn listen__btn--play"
            aria-label={paused ? 'Play' : 'Pause'}
            onClick={l.togglePlay}
            data-testid="mini-play"
            data-state={paused ? 'paused' : 'playing'}
          >
            {paused ? <PlayIcon /> : <PauseIcon />}
          </button>
          <button
            type="button"
            className="listen__btn"
            aria-label="Next"
            onClick={l.next}
            disabled={!hasNext(l.queue)}
            data-testid="mini-next"
          >
            <NextIcon />
          </button>
          <button type="button" className="listen__btn" aria-label="Close the player" onClick={l.close} data-testid="mini-close">
            <CloseIcon />
          </button>
        </div>
      </aside>
    </>
  );
}
