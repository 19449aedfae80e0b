'use client';

import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { Visibility } from '@/lib/video-fragments';
import { useVideoCategories } from '@/lib/useVideoCategories';
import { FileDropZone } from './FileDropZone';
import { UploadCoverInput } from './UploadCoverInput';
import { isAudioFile, type UploadDetailField, type UploadDetails } from './upload-details';

interface UploadFormProps {
  details: UploadDetails;
  onDetails: (change: Partial<UploadDetails>) => void;
  /** The server's word on one of the details (it checks them before any byte is sent). */
  detailError: { field: UploadDetailField; message: string } | null;
  file: File | null;
  localDuration: number | null;
  fileError: string | null;
  /** The file breaks a limit: its error is shown big. */
  fileOverLimit: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  busy: boolean;
  onChoose: (file: File | null) => void;
  /** The optional cover or thumbnail, sent after the file. */
  cover: File | null;
  onCover: (file: File | null) => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  /** The buttons. */
  children: ReactNode;
}

const VISIBILITIES: { value: Visibility; label: string; hint: string }[] = [
  { value: 'PUBLIC', label: 'Public', hint: 'Everyone can find and watch it.' },
  { value: 'UNLISTED', label: 'Unlisted', hint: 'Anyone with the link can watch it; not listed.' },
  { value: 'PRIVATE', label: 'Private', hint: 'Only you can watch it.' },
];

/** The video's details (title, description, tags, visibility, category) and its file, with their errors. */
export function UploadForm({
  details,
  onDetails,
  detailError,
  file,
  localDuration,
  fileError,
  fileOverLimit,
  inputRef,
  busy,
  onChoose,
  cover,
  onCover,
  onSubmit,
  children,
}: UploadFormProps) {
  const uid = useId();
  const categories = useVideoCategories();
  const errorId = `${uid}-file-error`;
  const id = (f: UploadDetailField) => `${uid}-${f}`;
  const errorOf = (f: UploadDetailField) => (detailError?.field === f ? detailError.message : null);
  const invalid = (f: UploadDetailField) => (errorOf(f) ? { 'aria-invalid': true as const, 'aria-describedby': `${id(f)}-err` } : {});
  const fieldError = (f: UploadDetailField) =>
    errorOf(f) ? (
      <p id={`${id(f)}-err`} className="field__error" role="alert" data-testid={`upload-${f}-error`}>
        {errorOf(f)}
      </p>
    ) : null;

  return (
    <form className="panel upload__form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={id('title')}>Title</label>
        <input
          id={id('title')}
          name="title"
          type="text"
          maxLength={200}
          value={details.title}
          onChange={(e) => onDetails({ title: e.target.value })}
          disabled={busy}
          placeholder="Give your video a title"
          {...invalid('title')}
        />
        {fieldError('title')}
      </div>
      <div className="field">
        <label htmlFor={id('description')}>Description</label>
        <textarea
          id={id('description')}
          name="description"
          rows={3}
          maxLength={5000}
          value={details.description}
          onChange={(e) => onDetails({ description: e.target.value })}
          disabled={busy}
          placeholder="Tell viewers about your video"
          {...invalid('description')}
        />
        {fieldError('description')}
      </div>
      <div className="field-row upload__details">
        <div className="field">
          <label htmlFor={id('tags')}>Tags (comma-separated)</label>
          <input
            id={id('tags')}
            name="tags"
            type="text"
            value={details.tags}
            onChange={(e) => onDetails({ tags: e.target.value })}
            disabled={busy}
            placeholder="music, travel"
            {...invalid('tags')}
          />
          {fieldError('tags')}
        </div>
        <div className="field">
          <label htmlFor={id('category')}>Category</label>
          <select
            id={id('category')}
            name="category"
            value={details.category}
            onChange={(e) => onDetails({ category: e.target.value })}
            disabled={busy}
            {...invalid('category')}
          >
            <option value="">None</option>
            {[...new Set([...categories, ...(details.category ? [details.category] : [])])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {fieldError('category')}
        </div>
      </div>
      <fieldset className="field upload__visibility" {...invalid('visibility')}>
        <legend>Visibility</legend>
        {VISIBILITIES.map((v) => (
          <label key={v.value} className="upload__radio">
            <input
              type="radio"
              name="visibility"
              value={v.value}
              checked={details.visibility === v.value}
              onChange={() => onDetails({ visibility: v.value })}
              disabled={busy}
            />
            <span>
              <strong>{v.label}</strong> <span className="muted small">{v.hint}</span>
            </span>
          </label>
        ))}
        {fieldError('visibility')}
      </fieldset>

      <FileDropZone
        inputId={`${uid}-file`}
        errorId={fileError ? errorId : undefined}
        inputRef={inputRef}
        file={file}
        localDuration={localDuration}
        busy={busy}
        onChoose={onChoose}
      />
      {isAudioFile(file) && (
        <label className="upload__radio" data-testid="upload-podcast">
          <input
            type="checkbox"
            name="podcast"
            checked={details.podcast}
            onChange={(e) => onDetails({ podcast: e.target.checked })}
            disabled={busy}
          />
          <span>
            <strong>Podcast episode</strong> <span className="muted small">Its loudness is evened out for listening.</span>
          </span>
        </label>
      )}
      {file && <UploadCoverInput audio={isAudioFile(file)} cover={cover} onCover={onCover} busy={busy} />}
      {fileError && (
        <p id={errorId} className={`field__error${fileOverLimit ? ' field__error--big' : ''}`} role="alert" data-testid="file-error">
          {fileError}
        </p>
      )}

      {children}
    </form>
  );
}
