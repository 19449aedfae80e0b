'use client';

import Link from 'next/link';
import { memo } from 'react';
import { formatDuration, relativeDate } from '@/lib/format';
import type { StudioVideo, StudioVideoPatch } from './studio-video';
import { CaptionsPanel } from './CaptionsPanel';
import { StudioRowActions } from './StudioRowActions';
import { StudioRowProgress } from './StudioRowProgress';
import { useLiveProgress } from './useLiveProgress';
import { useVideoActions } from './useVideoActions';
import { VideoEditForm } from './VideoEditForm';

interface Props {
  video: StudioVideo;
  onChange: (v: StudioVideoPatch) => void;
  onDeleted: (id: string) => void;
}

/**
 * One video in the studio: poster, title, status and details, the live transcode progress, Delete
 * (and Retry when it failed), and "Edit details". Each part is its own file in web/app/studio.
 */
function StudioVideoRowImpl({ video, onChange, onDeleted }: Props) {
  useLiveProgress(video, onChange);
  const actions = useVideoActions(video, onChange, onDeleted);

  const processing = video.status === 'UPLOADED' || video.status === 'PROCESSING';
  const failed = video.status === 'FAILED';
  const visibilityLabel = { PUBLIC: 'Public', UNLISTED: 'Unlisted', PRIVATE: 'Private' }[video.visibility] ?? video.visibility;
  const thumb = (
    <>
      {video.posterUrl && video.status === 'READY' ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={video.posterUrl} alt="" loading="lazy" />
      ) : (
        <span aria-hidden="true">{failed ? '⚠' : '▶'}</span>
      )}
      {video.durationSec ? <span className="card__duration">{formatDuration(video.durationSec)}</span> : null}
    </>
  );

  return (
    <li
      className={`panel studio-row${failed ? ' studio-row--failed' : ''}`}
      data-testid="studio-video"
      data-video-id={video.id}
      data-status={video.status}
    >
      <div className="studio-row__main">
        {failed ? (
          // A failed upload has nothing to watch: no link, no visibility, only why and what to do.
          <span className="studio-row__thumb">{thumb}</span>
        ) : (
          <Link href={`/watch/${encodeURIComponent(video.id)}`} className="studio-row__thumb" aria-label={`Watch ${video.title}`}>
            {thumb}
          </Link>
        )}
        <div className="studio-row__info">
          <h2 className="studio-row__title">
            {failed ? video.title || 'Untitled' : <Link href={`/watch/${encodeURIComponent(video.id)}`}>{video.title || 'Untitled'}</Link>}
          </h2>
          <p className="muted small">
            <span className={`badge badge--${video.status.toLowerCase()}`} data-testid="studio-status">
              {video.status}
            </span>{' '}
            {!failed && (
              <>
                <span className="badge badge--neutral" data-testid="studio-visibility">
                  {visibilityLabel}
                </span>{' '}
              </>
            )}
            {!failed && video.category && (
              <>
                <span className="badge badge--neutral" data-testid="studio-category">
                  {video.category}
                </span>{' '}
              </>
            )}
            · uploaded <time dateTime={video.createdAt}>{relativeDate(video.createdAt)}</time>
          </p>
          {!failed && video.description && (
            <p className="studio-row__description small" data-testid="studio-description">
              {video.description}
            </p>
          )}
          {!failed && video.tags.length > 0 && (
            <ul className="studio-row__tags" aria-label="Tags" data-testid="studio-tags">
              {video.tags.map((t) => (
                <li key={t} className="studio-row__tag">
                  #{t}
                </li>
              ))}
            </ul>
          )}
          {processing && <StudioRowProgress video={video} />}
          {failed && (
            <p className="alert alert--error" role="alert" data-testid="studio-failure">
              <strong>Processing failed:</strong> {video.failureReason || 'no reason given'}
            </p>
          )}
        </div>
        <StudioRowActions
          canRetry={failed && !!video.canRetry}
          deleting={actions.deleting}
          retrying={actions.retrying}
          onDelete={actions.onDelete}
          onRetry={actions.onRetry}
        />
      </div>
      {actions.error && (
        <p className="alert alert--error" role="alert">
          {actions.error}
        </p>
      )}
      {!failed && <VideoEditForm video={video} onChange={onChange} />}
      {video.status === 'READY' && <CaptionsPanel videoId={video.id} />}
    </li>
  );
}

export const StudioVideoRow = memo(StudioVideoRowImpl);
