import { ProgressBar } from '@/components/ProgressBar';
import type { StudioVideo } from './studio-video';

/** The transcode's progress of an UPLOADED or PROCESSING video (kept live by useLiveProgress). */
export function StudioRowProgress({ video }: { video: Pick<StudioVideo, 'title' | 'status' | 'progress'> }) {
  return (
    <div className="studio-row__progress">
      <ProgressBar value={video.progress ?? 0} label={`Transcoding ${video.title}`} testId="studio-progress" />
      <span className="muted small">
        {video.status === 'UPLOADED' ? 'Waiting for a transcoder…' : `Transcoding: ${Math.round(video.progress ?? 0)}%`}
      </span>
    </div>
  );
}
