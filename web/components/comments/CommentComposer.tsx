'use client';

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import styles from './comments.module.css';

/** The longest comment (the server's limit, counted the same way: characters after trimming). */
export const COMMENT_MAX_CHARS = 10_000;

interface Props {
  label: string;
  placeholder: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  /** Sends the text; answers an error message to show, or null when it was saved. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
  /** Keep the text after a successful send (edit forms close instead). */
  clearOnSuccess?: boolean;
}

/** A comment box: add, reply or edit. Shows the server's refusal (length, rate limit…) under the box. */
export function CommentComposer({
  label,
  placeholder,
  submitLabel,
  initial = '',
  autoFocus,
  onSubmit,
  onCancel,
  clearOnSuccess = true,
}: Props) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const length = [...text.trim()].length;
  const tooLong = length > COMMENT_MAX_CHARS;

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (length === 0) {
      setError('Write something first: the comment is empty.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const problem = await onSubmit(text);
      if (problem) setError(problem);
      else if (clearOnSuccess) setText('');
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
    if (e.key === 'Escape' && onCancel) onCancel();
  }

  return (
    <form className={styles.composer} onSubmit={(e) => void submit(e)} data-testid="comment-form">
      <label htmlFor={id} className={styles.srOnly}>
        {label}
      </label>
      <textarea
        id={id}
        className={styles.textarea}
        placeholder={placeholder}
        value={text}
        rows={text.includes('\n') ? 4 : 2}
        autoFocus={autoFocus}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={onKeyDown}
        aria-invalid={!!error || tooLong}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid="comment-input"
      />
      {error && (
        <p id={`${id}-error`} className={styles.error} role="alert" data-testid="comment-error">
          {error}
        </p>
      )}
      <div className={styles.composerActions}>
        {length > COMMENT_MAX_CHARS - 1000 && (
          <span className={tooLong ? styles.counterOver : styles.counter} data-testid="comment-counter">
            {length.toLocaleString('en-US')} / {COMMENT_MAX_CHARS.toLocaleString('en-US')}
          </span>
        )}
        {onCancel && (
          <button type="button" className="btn btn--ghost btn--small" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn--primary btn--small" disabled={busy || length === 0} data-testid="comment-submit">
          {busy ? 'Sending…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
