import { ProgressBar } from '@/components/ProgressBar';
import { formatBytes } from '@/lib/format';

interface UploadProgressPanelProps {
  sent: number;
  total: number;
  paused: boolean;
  uploading: boolean;
  resumed: boolean;
  /** Bytes per second. */
  speed: number;
}

/** How far the bytes went up: percent, bytes, speed, and whether an earlier upload was resumed. */
export function UploadProgressPanel({ sent, total, paused, uploading, resumed, speed }: UploadProgressPanelProps) {
  const uploadPct = total > 0 ? (sent / total) * 100 : 0;
  return (
    <div className="panel upload__status">
      <h2 className="section-title">
        {paused ? 'Upload paused' : sent >= total ? 'Upload complete' : 'Uploading…'}
        {resumed && sent < total && <span className="badge badge--info">Resumed</span>}
      </h2>
      <ProgressBar value={uploadPct} label="Upload progress" testId="upload-progress" tone={sent >= total ? 'success' : 'default'} />
      <p className="muted small" aria-live="polite">
        {Math.floor(uploadPct)}% · {formatBytes(sent)} of {formatBytes(total)}
        {uploading && speed > 0 && ` · ${formatBytes(speed)}/s`}
      </p>
    </div>
  );
}
