import Link from 'next/link';
import { ProgressBar } from '@/components/ProgressBar';
import type { VideoStatus } from '@/lib/video-fragments';

interface TranscodeStatusPanelProps {
  videoId: string;
  status: VideoStatus;
  /** Percent. */
  progress: number;
  failureReason: string | null;
}

/** The uploaded video's processing: status, transcode progress, why it failed or a link to watch it. */
export function TranscodeStatusPanel({ videoId, status, progress, failureReason }: TranscodeStatusPanelProps) {
  return (
    <div className="panel upload__status" aria-live="polite">
      <h2 className="section-title">
        Processing{' '}
        <span className={`badge badge--${status.toLowerCase()}`} data-testid="video-status">
          {status}
        </span>
      </h2>
      <ProgressBar
        value={progress}
        label="Transcoding progress"
        testId="transcode-progress"
        tone={status === 'FAILED' ? 'error' : status === 'READY' ? 'success' : 'default'}
      />
      <p className="muted small">
        {status === 'UPLOADED' && 'Waiting for a transcoder…'}
        {status === 'PROCESSING' && `Transcoding to HLS: ${Math.round(progress)}%`}
        {status === 'READY' && 'Your video is ready.'}
      </p>
      {status === 'FAILED' && (
        <div className="alert alert--error alert--big" role="alert" data-testid="failure-reason">
          <strong>Processing failed.</strong> {failureReason || 'The server did not give a reason.'}
        </div>
      )}
      {status === 'READY' && (
        <Link href={`/watch/${encodeURIComponent(videoId)}`} className="btn btn--primary" data-testid="watch-link">
          Watch your video
        </Link>
      )}
    </div>
  );
}
