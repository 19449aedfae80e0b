import Link from 'next/link';
import { channelPath } from '@/lib/channels';
import { viewsLabel } from '@/lib/engagement';
import type { ReactNode } from 'react';
import { formatDuration, relativeDate } from '@/lib/format';
import type { VideoCardData } from '@/lib/video-fragments';
import { WatchedBar } from './library/WatchedBar';
import { AddToQueueButton } from './listen/AddToQueueButton';

type CardVideo = Pick<VideoCardData, 'id' | 'title' | 'durationSec' | 'createdAt' | 'posterUrl' | 'owner'> &
  Partial<Pick<VideoCardData, 'viewCount' | 'viewerProgress' | 'channel' | 'kind'>>;

/** `href`: where the card leads (a playlist's watch link); the video's watch page by default. `footer`: e.g. a Remove button. */
export function VideoCard({ video, href, footer }: { video: CardVideo; href?: string; footer?: ReactNode }) {
  const duration = formatDuration(video.durationSec);
  const name = video.owner?.displayName ?? 'Unknown';
  const handle = video.channel?.handle;
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
        </div>
      </Link>
      {/* Outside the card's link (a link cannot hold another): the channel name is a link of its own. */}
      <p className="card__meta card__meta--below">
        {handle ? (
          <Link href={channelPath(handle)} className="card__channel" data-testid="card-channel">
            {name}
          </Link>
        ) : (
          <span>{name}</span>
        )}
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
      {video.kind === 'AUDIO' && <AddToQueueButton video={video} />}
      {footer}
    </li>
  );
}
