import type { Phase } from './upload-phase';

interface UploadActionsProps {
  phase: Phase;
  canStart: boolean;
  canResume: boolean;
  onPause: () => void;
  onResume: () => void;
  onReset: () => void;
}

/** Upload, Pause, Resume and Upload another, as the phase allows. */
export function UploadActions({ phase, canStart, canResume, onPause, onResume, onReset }: UploadActionsProps) {
  return (
    <div className="row">
      <button type="submit" className="btn btn--primary" data-testid="upload-start" disabled={!canStart}>
        Upload
      </button>
      {phase === 'uploading' && (
        <button type="button" className="btn" onClick={onPause} data-testid="upload-pause">
          Pause
        </button>
      )}
      {canResume && (
        <button type="button" className="btn" onClick={onResume} data-testid="upload-resume">
          Resume
        </button>
      )}
      {(phase === 'ready' || phase === 'failed' || phase === 'error') && (
        <button type="button" className="btn btn--ghost" onClick={onReset}>
          Upload another
        </button>
      )}
    </div>
  );
}
