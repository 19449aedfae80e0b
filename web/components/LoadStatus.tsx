'use client';

interface Props {
  /** What is loaded, as in "Could not load <what>." */
  what: string;
  error: string | null;
  /** Nothing to show yet (and no error). */
  loading: boolean;
  onRetry: () => void;
}

/** A panel's loading line, or its load error with a "Try again" button. */
export function LoadStatus({ what, error, loading, onRetry }: Props) {
  if (error) {
    return (
      <div className="alert alert--error" role="alert">
        <p>
          Could not load {what}. {error}
        </p>
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return loading ? (
    <p className="muted" aria-busy="true">
      Loading…
    </p>
  ) : null;
}
