'use client';

import { useId } from 'react';
import type { Visibility } from '@/lib/types';
import type { StudioVideo, StudioVideoPatch } from './studio-video';
import { useVideoCategories } from '@/lib/useVideoCategories';
import { CoverField } from './CoverField';
import { MidrollsField } from './MidrollsField';
import { useVideoEditForm } from './useVideoEditForm';
import type { FormField } from './video-form';

interface Props {
  video: StudioVideo;
  onChange: (v: StudioVideoPatch) => void;
}

/** "Edit details" of a studio row: the cover or thumbnail (saved on its own), title, description, tags, visibility, category, an audio item's tags and (READY videos) the ad breaks. */
export function VideoEditForm({ video, onChange }: Props) {
  const uid = useId();
  const categories = useVideoCategories();
  const { form, set, setAudio, loadAudio, midrolls, changeMidrolls, errors, formError, saved, saving, onSave } = useVideoEditForm(
    video,
    onChange,
  );

  const fieldProps = (f: FormField) => ({
    id: `${uid}-${f}`,
    name: f,
    'aria-invalid': errors[f] ? true : undefined,
    'aria-describedby': errors[f] ? `${uid}-${f}-err` : undefined,
  });
  const fieldError = (f: FormField) =>
    errors[f] ? (
      <p id={`${uid}-${f}-err`} className="field__error" role="alert" data-testid={`error-${f}`}>
        {errors[f]}
      </p>
    ) : null;

  return (
    <details className="studio-row__edit" onToggle={(e) => e.currentTarget.open && void loadAudio()}>
      <summary>Edit details</summary>
      {video.status === 'READY' && <CoverField video={video} onChange={onChange} />}
      <form onSubmit={onSave} className="edit-form" data-testid="edit-form" noValidate>
        <div className="field">
          <label htmlFor={`${uid}-title`}>Title</label>
          <input type="text" required value={form.title} onChange={(e) => set('title', e.target.value)} {...fieldProps('title')} />
          {fieldError('title')}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-description`}>Description</label>
          <textarea rows={3} value={form.description} onChange={(e) => set('description', e.target.value)} {...fieldProps('description')} />
          {fieldError('description')}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${uid}-tags`}>Tags (comma-separated)</label>
            <input
              type="text"
              value={form.tags}
              onChange={(e) => set('tags', e.target.value)}
              placeholder="music, travel"
              {...fieldProps('tags')}
            />
            {fieldError('tags')}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-visibility`}>Visibility</label>
            <select value={form.visibility} onChange={(e) => set('visibility', e.target.value as Visibility)} {...fieldProps('visibility')}>
              <option value="PUBLIC">Public</option>
              <option value="UNLISTED">Unlisted</option>
              <option value="PRIVATE">Private</option>
            </select>
            {fieldError('visibility')}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-category`}>Category</label>
            <select
              value={form.category}
              onChange={(e) => set('category', e.target.value)}
              {...fieldProps('category')}
              data-testid="video-category"
            >
              <option value="">None</option>
              {[...new Set([...categories, ...(form.category ? [form.category] : [])])].map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            {fieldError('category')}
          </div>
        </div>
        {form.audio && (
          <fieldset className="field-row" data-testid="audio-tags">
            <legend>Audio tags (read from the file; shown on the listen page)</legend>
            {(
              [
                ['artist', 'Artist', 'text'],
                ['album', 'Album', 'text'],
                ['genre', 'Genre', 'text'],
                ['trackNumber', 'Track', 'number'],
                ['year', 'Year', 'number'],
              ] as const
            ).map(([k, label, type]) => (
              <div className="field" key={k}>
                <label htmlFor={`${uid}-${k}`}>{label}</label>
                <input
                  type={type}
                  inputMode={type === 'number' ? 'numeric' : undefined}
                  value={form.audio![k]}
                  onChange={(e) => setAudio(k, e.target.value)}
                  {...fieldProps(k)}
                />
                {fieldError(k)}
              </div>
            ))}
          </fieldset>
        )}
        {video.status === 'READY' && (
          <MidrollsField
            id={`${uid}-midrolls`}
            value={midrolls}
            served={video.midrolls}
            error={errors.midrolls}
            onChange={changeMidrolls}
          />
        )}
        {formError && (
          <p className="alert alert--error" role="alert" data-testid="edit-error">
            {formError}
          </p>
        )}
        <div className="row">
          <button type="submit" className="btn btn--primary" disabled={saving} data-testid="save-video">
            {saving ? 'Saving…' : 'Save'}
          </button>
          {saved && (
            <span className="saved" role="status" data-testid="saved">
              Saved ✓
            </span>
          )}
        </div>
      </form>
    </details>
  );
}
