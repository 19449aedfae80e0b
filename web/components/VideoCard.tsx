import Link from 'next/link';
import { viewsLabel } from '@/lib/engagement';
import type { ReactNode } from 'react';
import { formatDuration, relativeDate } from '@/lib/format';
import type { VideoCardData } from '@/lib/video-fragments';
import { WatchedBar } from './library/WatchedBar';

type CardVideo = Pick<VideoCardData, 'id' | 'title' | 'durationSec' | 'createdAt' | 'posterUrl' | 'owner'> &
  Partial<Pick<VideoCardData, 'viewCount' | 'viewerProgress'>>;

/** `href`: where the card leads (a playlist's watch link); the video's watch page by default. `footer`: e.g. a Remove button. */
export function VideoCard({ video, href, footer }: { video: CardVideo; href?: string; footer?: ReactNode }) {
  const duration = formatDuration(video.durationSec);
  return (
    <li className="card" data-testid="video-card">
      <Link href={href ?? `/watch/${encodeURIComponent(video.id)}`} className="card__link">
        <div className="card__thumb">
          {video.posterUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- posters come from the API origin
            <img src={video.posterUrl} alt="" loading="lazy" decoding="async" />
          ) : (
            <div className="card__noposter" aria-hidden="true">
              ▶
            </div>
          )}
          {duration && (
            <span className="card__duration" aria-label={`Duration ${duration}`}>
              {duration}
            </span>
          )}
          <WatchedBar progress={video.viewerProgress} durationSec={video.durationSec} />
        </div>
        <div className="card__body">
          <h2 className="card__title" title={video.title}>
            {video.title || 'Untitled'}
          </h2>
          <p className="card__meta">
            <span>{video.owner?.displayName ?? 'Unknown'}</span>
            {video.viewCount != null && (
              <>
                <span aria-hidden="true"> · </span>
                <span data-testid="card-views" data-count={video.viewCount}>
                  {viewsLabel(video.viewCount)}
                </span>
              </>
            )}
            {video.createdAt && (
              <>
                <span aria-hidden="true"> · </span>
                <time dateTime={video.createdAt}>{relativeDate(video.createdAt)}</time>
              </>
            )}
          </p>
        </div>
      </Link>
      {footer}
    </li>
  );
}
