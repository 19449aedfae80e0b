'use client';

import { useId, useState } from 'react';
import { formatBytes } from '@/lib/format';

/**
 * A picture field that saves on its own (not with the form around it): pick an image, it shows at
 * once and uploads with progress; the server's refusal (400 too small, 413, 415) is shown as it
 * says it. With `onRemove`, an uploaded picture can be taken away again.
 */
export function PictureField({
  testId,
  label,
  hint,
  currentUrl,
  previewClassName,
  maxBytes,
  upload,
  onRemove,
  removeLabel = 'Remove',
}: {
  /** Prefix of the data-testids: `<testId>-preview`, `-input`, `-error`, `-remove`. */
  testId: string;
  label: string;
  hint: string;
  currentUrl: string | null;
  previewClassName: string;
  maxBytes: number;
  upload: (file: File, onProgress: (fraction: number) => void) => Promise<void>;
  onRemove?: () => Promise<void>;
  removeLabel?: string;
}) {
  const id = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = preview ?? currentUrl;
  const busy = progress !== null;

  async function pick(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > maxBytes) {
      setError(`The image is ${formatBytes(file.size)}; the most it may be is ${formatBytes(maxBytes)}.`);
      input.value = '';
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    setProgress(0);
    try {
      await upload(file, setProgress);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      // The stored image (or the one before a refusal) replaces the local preview, whose URL is revoked now.
      setPreview(null);
      setProgress(null);
      URL.revokeObjectURL(url);
      input.value = '';
    }
  }

  async function remove() {
    if (!onRemove) return;
    setError(null);
    setProgress(0);
    try {
      await onRemove();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={previewClassName} data-testid={`${testId}-preview`}>
        {shown ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local preview or the API's image
          <img src={shown} alt={`${label} preview`} />
        ) : (
          <span className="muted small">None yet</span>
        )}
      </div>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
        onChange={(e) => void pick(e.currentTarget)}
        disabled={busy}
        data-testid={`${testId}-input`}
        aria-describedby={`${id}-hint`}
      />
      {onRemove && (
        <button
          type="button"
          className="btn btn--small picture-field__remove"
          onClick={() => void remove()}
          disabled={busy}
          data-testid={`${testId}-remove`}
        >
          {removeLabel}
        </button>
      )}
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {busy && (
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round((progress ?? 0) * 100)}
          aria-label={`Uploading ${label.toLowerCase()}`}
        >
          <div className="progress__fill" style={{ width: `${Math.round((progress ?? 0) * 100)}%` }} />
        </div>
      )}
      {error && (
        <p className="field__error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
