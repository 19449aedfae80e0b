import type { AdVideo, Creative } from '@/lib/ads/advertiser-api';
// Creative.videoStatus is a String in the schema; the api sends a VideoStatus name.
import type { VideoStatus } from '@/lib/video-fragments';
import { StatusBadge } from './StatusBadge';

/** A line item's creatives: which video, where a click goes, approval and whether the video is ready (both needed to serve). */
export function CreativeList({ creatives, videos }: { creatives: Creative[]; videos: AdVideo[] | null }) {
  if (creatives.length === 0)
    return <p className="muted small">No creative yet: this line item cannot serve until it has an approved, ready one.</p>;
  return (
    <ul className="ad-creatives" aria-label="Creatives">
      {creatives.map((c) => {
        const video = videos?.find((v) => v.id === c.videoId);
        const serves = c.approval === 'APPROVED' && c.videoStatus === 'READY';
        return (
          <li
            key={c.id}
            className="ad-creative"
            data-testid="creative"
            data-id={c.id}
            data-approval={c.approval}
            data-video-status={c.videoStatus ?? ''}
          >
            <span className="ad-creative__video">{video ? video.title : `Video ${c.videoId.slice(0, 8)}`}</span>
            <StatusBadge status={c.approval} testId="creative-approval" title="Review" />
            {c.videoStatus && <StatusBadge status={c.videoStatus as VideoStatus} testId="creative-video-status" title="Video" />}
            <a className="ad-creative__url small" href={c.clickThroughUrl} target="_blank" rel="noopener noreferrer nofollow">
              {c.clickThroughUrl}
            </a>
            {!serves && (
              <span className="muted small">
                {c.approval === 'REJECTED'
                  ? 'rejected: it will not serve'
                  : c.approval === 'PENDING'
                    ? 'waiting for review'
                    : c.videoStatus === 'FAILED'
                      ? 'the video failed to transcode'
                      : 'serves once the video is ready'}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
