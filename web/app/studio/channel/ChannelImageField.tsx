'use client';

import { useId, useState } from 'react';
import { uploadChannelImage } from '@/lib/channels';
import { formatBytes } from '@/lib/format';
import styles from './studio-channel.module.css';

const MAX_BYTES = 6_000_000;

/** Picks an image, shows it at once, uploads it with progress; the server's refusal (413/415/400) is shown as it says it. */
export function ChannelImageField({
  kind,
  label,
  hint,
  currentUrl,
  onUploaded,
}: {
  kind: 'avatar' | 'banner';
  label: string;
  hint: string;
  currentUrl: string | null;
  onUploaded: (urls: Record<string, string | null>) => void;
}) {
  const id = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = preview ?? currentUrl;

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(`The image is ${formatBytes(file.size)}; the most a channel image may be is ${formatBytes(MAX_BYTES)}.`);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    setProgress(0);
    try {
      const urls = await uploadChannelImage(kind, file, setProgress);
      onUploaded(urls);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      // The stored image (or the one before a refusal) replaces the local preview, whose URL is revoked now.
      setPreview(null);
      setProgress(null);
      URL.revokeObjectURL(url);
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={kind === 'banner' ? styles.bannerPreview : styles.avatarPreview} data-testid={`${kind}-preview`}>
        {shown ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local preview or the API's image
          <img src={shown} alt={`${label} preview`} />
        ) : (
          <span className="muted small">No {kind} yet</span>
        )}
      </div>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
        onChange={(e) => void pick(e.target.files?.[0])}
        disabled={progress !== null}
        data-testid={`${kind}-input`}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {progress !== null && (
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
          aria-label={`Uploading ${kind}`}
        >
          <div className="progress__fill" style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
      {error && (
        <p className="field__error" role="alert" data-testid={`${kind}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
