'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { useCaptionTracks, type CaptionField } from './useCaptionTracks';

/** Languages offered as suggestions (any BCP 47 tag can be typed). */
const COMMON_LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'pt',
  'pt-BR',
  'it',
  'nl',
  'ja',
  'ko',
  'zh-Hans',
  'zh-Hant',
  'ar',
  'hi',
  'ru',
  'tr',
  'pl',
  'sv',
];

/**
 * "Captions" of a READY studio row: the video's tracks (language, label, cue count, the WebVTT file,
 * Delete) and a form that uploads a WebVTT or SRT file for a language (replacing that language's
 * track). The server checks the file; its message shows under the field it names.
 */
export function CaptionsPanel({ videoId }: { videoId: string }) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState('');
  const [label, setLabel] = useState('');
  const fileRef = useRef<HTMLInputElement | null>(null);
  const { tracks, busy, error, done, upload, remove } = useCaptionTracks(videoId, open);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const ok = await upload(fileRef.current?.files?.[0] ?? null, language, label);
    if (ok) {
      setLabel('');
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  const fieldError = (f: CaptionField) =>
    error?.field === f ? (
      <p id={`${uid}-${f}-err`} className="field__error" role="alert" data-testid={`caption-error-${f}`}>
        {error.message}
      </p>
    ) : null;
  const invalid = (f: CaptionField) => (error?.field === f ? { 'aria-invalid': true as const, 'aria-describedby': `${uid}-${f}-err` } : {});

  return (
    <details
      className="studio-row__edit captions-panel"
      data-testid="captions-panel"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Captions{tracks && tracks.length > 0 ? ` (${tracks.length})` : ''}</summary>
      {tracks === null && open && !error && <p className="muted small">Loading captions…</p>}
      {tracks && tracks.length === 0 && <p className="muted small">No captions yet. Upload a WebVTT or SRT file per language.</p>}
      {tracks && tracks.length > 0 && (
        <ul className="captions-panel__list" data-testid="caption-tracks">
          {tracks.map((t) => (
            <li key={t.language} className="captions-panel__track" data-testid="caption-track" data-language={t.language}>
              <span className="badge badge--neutral">{t.language}</span>
              <span className="captions-panel__label">{t.label}</span>
              <span className="muted small">
                {t.cueCount} {t.cueCount === 1 ? 'cue' : 'cues'} · from {t.sourceFormat.toUpperCase()}
              </span>
              <a href={t.url} className="small" target="_blank" rel="noopener noreferrer">
                WebVTT
              </a>
              <button
                type="button"
                className="btn btn--small btn--danger"
                onClick={() => void remove(t.language)}
                disabled={busy !== null}
                data-testid="caption-delete"
                aria-label={`Delete the ${t.label} captions`}
              >
                {busy === t.language ? 'Deleting…' : 'Delete'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="captions-panel__form" onSubmit={onSubmit} noValidate data-testid="caption-form">
        <div className="field">
          <label htmlFor={`${uid}-file`}>Subtitle file (.vtt or .srt, up to 1 MB)</label>
          <input
            id={`${uid}-file`}
            ref={fileRef}
            type="file"
            accept=".vtt,.srt,text/vtt,application/x-subrip"
            data-testid="caption-file"
            {...invalid('file')}
          />
          {fieldError('file')}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${uid}-language`}>Language</label>
            <input
              id={`${uid}-language`}
              type="text"
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
              placeholder="en, pt-BR…"
              list={`${uid}-languages`}
              autoComplete="off"
              spellCheck={false}
              data-testid="caption-language"
              {...invalid('language')}
            />
            <datalist id={`${uid}-languages`}>
              {COMMON_LANGUAGES.map((l) => (
                <option key={l} value={l} />
              ))}
            </datalist>
            {fieldError('language')}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-label`}>Label (optional)</label>
            <input
              id={`${uid}-label`}
              type="text"
              value={label}
              maxLength={60}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="English (SDH)"
              data-testid="caption-label"
              {...invalid('label')}
            />
            {fieldError('label')}
          </div>
        </div>
        {error && error.field === null && (
          <p className="alert alert--error" role="alert" data-testid="caption-error">
            {error.message}
          </p>
        )}
        {done && (
          <p className="saved small" role="status" data-testid="caption-done">
            {done}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy !== null} data-testid="caption-upload">
          {busy === 'upload' ? 'Uploading…' : 'Upload captions'}
        </button>
      </form>
    </details>
  );
}
