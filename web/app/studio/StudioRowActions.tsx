'use client';

interface Props {
  /** Retry shows only for a failed upload the server still keeps. */
  canRetry: boolean;
  deleting: boolean;
  retrying: boolean;
  onDelete: () => void;
  onRetry: () => void;
}

/** A studio row's buttons: Retry (failed uploads) and Delete. */
export function StudioRowActions({ canRetry, deleting, retrying, onDelete, onRetry }: Props) {
  return (
    <div className="studio-row__actions">
      {canRetry && (
        <button
          type="button"
          className="btn"
          onClick={onRetry}
          disabled={retrying || deleting}
          data-testid="retry-video"
          title="Process the uploaded file again"
        >
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
      <button type="button" className="btn btn--danger" onClick={onDelete} disabled={deleting} data-testid="delete-video">
        {deleting ? 'Deleting…' : 'Delete'}
      </button>
    </div>
  );
}
