'use client';

import Link from 'next/link';
import { memo, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ProgressBar } from '@/components/ProgressBar';
import { errorMessage, getApiUrl, gql } from '@/lib/api';
import { formatDuration, relativeDate } from '@/lib/format';
import { formatOffset, parseMidrolls } from '@/lib/midrolls';
import { VIDEO_FIELDS, type ProgressEvent, type UserError, type Video, type Visibility } from '@/lib/types';
import { useVideoCategories } from '@/lib/useVideoCategories';
import { MidrollsField, type MidrollsValue } from './MidrollsField';

const UPDATE = `mutation UpdateVideo($input: UpdateVideoInput!) {
  updateVideo(input: $input) {
    video { id title description tags visibility category midrolls midrollsAreDefault }
    userErrors { field message code }
  }
}`;
const DELETE = `mutation DeleteVideo($id: ID!) { deleteVideo(id: $id) { deletedVideoId userErrors { field message code } } }`;
const ONE = `query StudioVideo($id: ID!) { video(id: $id) { ${VIDEO_FIELDS} canRetry } }`;
const RETRY = `mutation RetryVideo($id: ID!) { retryVideo(id: $id) { video { id status progress failureReason canRetry } userErrors { field message code } } }`;

type FormField = 'title' | 'description' | 'tags' | 'visibility' | 'category' | 'midrolls';
const FORM_FIELDS: FormField[] = ['title', 'description', 'tags', 'visibility', 'category', 'midrolls'];

const midrollsOf = (v: Pick<Video, 'midrolls' | 'midrollsAreDefault'>): MidrollsValue => ({
  useDefault: v.midrollsAreDefault ?? true,
  text: v.midrollsAreDefault === false ? (v.midrolls ?? []).map(formatOffset).join(', ') : '',
});

function fieldOf(err: UserError): FormField | null {
  const path = err.field ?? [];
  for (let i = path.length - 1; i >= 0; i--) {
    const f = FORM_FIELDS.find((k) => k === path[i]);
    if (f) return f;
  }
  return null;
}

function parseTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw.split(',')) {
    const tag = t.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}

interface Props {
  video: Video;
  onChange: (v: Partial<Video> & { id: string }) => void;
  onDeleted: (id: string) => void;
}

/** Live progress for a video that is still being transcoded: SSE, falling back to polling every 2 s. */
function useLiveProgress(video: Video, onChange: Props['onChange']) {
  const active = video.status === 'UPLOADED' || video.status === 'PROCESSING';
  const id = video.id;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let es: EventSource | null = null;
    let timer: number | null = null;

    const finish = async () => {
      // Fetch the whole video again: poster, duration and renditions exist now.
      try {
        const data = await gql<{ video: Video | null }>(ONE, { id });
        if (data.video && !stopped) onChangeRef.current(data.video);
      } catch {
        /* keep what we have */
      }
    };
    const apply = (ev: Pick<ProgressEvent, 'status' | 'progress' | 'failureReason'>) => {
      if (stopped) return;
      onChangeRef.current({ id, status: ev.status, progress: ev.progress, failureReason: ev.failureReason });
      if (ev.status === 'READY' || ev.status === 'FAILED') {
        stop();
        void finish();
      }
    };
    const poll = () => {
      if (timer !== null || stopped) return;
      const tick = async () => {
        try {
          const data = await gql<{ video: Pick<Video, 'status' | 'progress' | 'failureReason'> | null }>(
            'query StudioProgress($id: ID!) { video(id: $id) { status progress failureReason } }',
            { id },
          );
          if (data.video) apply(data.video);
        } catch {
          /* retry on the next tick */
        }
      };
      timer = window.setInterval(() => void tick(), 2000);
    };
    function stop() {
      stopped = true;
      es?.close();
      if (timer !== null) window.clearInterval(timer);
    }
    try {
      es = new EventSource(`${getApiUrl()}/api/videos/${encodeURIComponent(id)}/events`, { withCredentials: true });
      es.onmessage = (m) => {
        try {
          apply(JSON.parse(m.data) as ProgressEvent);
        } catch {
          /* ignore */
        }
      };
      es.onerror = () => {
        if (stopped) return;
        es?.close();
        poll();
      };
    } catch {
      poll();
    }
    return stop;
  }, [active, id]);
}

function StudioVideoRowImpl({ video, onChange, onDeleted }: Props) {
  const uid = useId();
  useLiveProgress(video, onChange);
  const [form, setForm] = useState({
    title: video.title,
    description: video.description ?? '',
    tags: video.tags.join(', '),
    visibility: video.visibility,
    category: video.category ?? '',
  });
  const categories = useVideoCategories();
  const [midrolls, setMidrolls] = useState<MidrollsValue>(() => midrollsOf(video));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState(false);

  function set<K extends keyof typeof form>(k: K, v: (typeof form)[K]) {
    setForm((f) => ({ ...f, [k]: v }));
    setSaved(false);
    if (errors[k as FormField]) setErrors((e) => ({ ...e, [k]: undefined }));
  }

  async function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    setFormError(null);
    setSaved(false);
    const points = midrolls.useDefault ? null : parseMidrolls(midrolls.text);
    if (points && !points.ok) {
      setErrors({ midrolls: points.error });
      setSaving(false);
      return;
    }
    try {
      const data = await gql<{
        updateVideo: {
          video: Pick<
            Video,
            'id' | 'title' | 'description' | 'tags' | 'visibility' | 'category' | 'midrolls' | 'midrollsAreDefault'
          > | null;
          userErrors: UserError[];
        };
      }>(UPDATE, {
        input: {
          id: video.id,
          title: form.title.trim(),
          description: form.description,
          tags: parseTags(form.tags),
          visibility: form.visibility,
          category: form.category,
          ...(video.status !== 'READY' ? {} : points ? { midrolls: points.value } : { defaultMidrolls: true }),
        },
      });
      const { video: updated, userErrors } = data.updateVideo;
      if (userErrors.length > 0) {
        const byField: Partial<Record<FormField, string>> = {};
        const general: string[] = [];
        for (const ue of userErrors) {
          const f = fieldOf(ue);
          if (f && !byField[f]) byField[f] = ue.message;
          else general.push(ue.message);
        }
        setErrors(byField);
        if (general.length) setFormError(general.join(' '));
      } else if (updated) {
        onChange(updated);
        setForm({
          title: updated.title,
          description: updated.description ?? '',
          tags: updated.tags.join(', '),
          visibility: updated.visibility,
          category: updated.category ?? '',
        });
        setMidrolls(midrollsOf(updated));
        setSaved(true);
      }
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  async function onDelete() {
    if (!window.confirm(`Delete "${video.title}"? This cannot be undone.`)) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      const data = await gql<{ deleteVideo: { deletedVideoId: string | null; userErrors: UserError[] } }>(DELETE, { id: video.id });
      if (data.deleteVideo.userErrors.length > 0) {
        setDeleteError(data.deleteVideo.userErrors.map((u) => u.message).join(' '));
      } else {
        onDeleted(video.id);
        return;
      }
    } catch (err) {
      setDeleteError(errorMessage(err));
    }
    setDeleting(false);
  }

  async function onRetry() {
    setRetrying(true);
    setDeleteError(null);
    try {
      const data = await gql<{
        retryVideo: { video: Pick<Video, 'id' | 'status' | 'progress' | 'failureReason' | 'canRetry'> | null; userErrors: UserError[] };
      }>(RETRY, { id: video.id });
      if (data.retryVideo.userErrors.length > 0) setDeleteError(data.retryVideo.userErrors.map((u) => u.message).join(' '));
      else if (data.retryVideo.video) onChange(data.retryVideo.video);
    } catch (err) {
      setDeleteError(errorMessage(err));
    }
    setRetrying(false);
  }

  const processing = video.status === 'UPLOADED' || video.status === 'PROCESSING';
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

  const failed = video.status === 'FAILED';
  const visibilityLabel = { PUBLIC: 'Public', UNLISTED: 'Unlisted', PRIVATE: 'Private' }[video.visibility] ?? video.visibility;
  const thumb = (
    <>
      {video.posterUrl && video.status === 'READY' ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={video.posterUrl} alt="" loading="lazy" />
      ) : (
        <span aria-hidden="true">{failed ? '⚠' : '▶'}</span>
      )}
      {video.durationSec ? <span className="card__duration">{formatDuration(video.durationSec)}</span> : null}
    </>
  );

  return (
    <li
      className={`panel studio-row${failed ? ' studio-row--failed' : ''}`}
      data-testid="studio-video"
      data-video-id={video.id}
      data-status={video.status}
    >
      <div className="studio-row__main">
        {failed ? (
          // A failed upload has nothing to watch: no link, no visibility, only why and what to do.
          <span className="studio-row__thumb">{thumb}</span>
        ) : (
          <Link href={`/watch/${encodeURIComponent(video.id)}`} className="studio-row__thumb" aria-label={`Watch ${video.title}`}>
            {thumb}
          </Link>
        )}
        <div className="studio-row__info">
          <h2 className="studio-row__title">
            {failed ? video.title || 'Untitled' : <Link href={`/watch/${encodeURIComponent(video.id)}`}>{video.title || 'Untitled'}</Link>}
          </h2>
          <p className="muted small">
            <span className={`badge badge--${video.status.toLowerCase()}`} data-testid="studio-status">
              {video.status}
            </span>{' '}
            {!failed && (
              <>
                <span className="badge badge--neutral" data-testid="studio-visibility">
                  {visibilityLabel}
                </span>{' '}
              </>
            )}
            {!failed && video.category && (
              <>
                <span className="badge badge--neutral" data-testid="studio-category">
                  {video.category}
                </span>{' '}
              </>
            )}
            · uploaded <time dateTime={video.createdAt}>{relativeDate(video.createdAt)}</time>
          </p>
          {!failed && video.description && (
            <p className="studio-row__description small" data-testid="studio-description">
              {video.description}
            </p>
          )}
          {!failed && video.tags.length > 0 && (
            <ul className="studio-row__tags" aria-label="Tags" data-testid="studio-tags">
              {video.tags.map((t) => (
                <li key={t} className="studio-row__tag">
                  #{t}
                </li>
              ))}
            </ul>
          )}
          {processing && (
            <div className="studio-row__progress">
              <ProgressBar value={video.progress ?? 0} label={`Transcoding ${video.title}`} testId="studio-progress" />
              <span className="muted small">
                {video.status === 'UPLOADED' ? 'Waiting for a transcoder…' : `Transcoding: ${Math.round(video.progress ?? 0)}%`}
              </span>
            </div>
          )}
          {failed && (
            <p className="alert alert--error" role="alert" data-testid="studio-failure">
              <strong>Processing failed:</strong> {video.failureReason || 'no reason given'}
            </p>
          )}
        </div>
        <div className="studio-row__actions">
          {failed && video.canRetry && (
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
      </div>
      {deleteError && (
        <p className="alert alert--error" role="alert">
          {deleteError}
        </p>
      )}
      {!failed && (
        <details className="studio-row__edit">
          <summary>Edit details</summary>
          <form onSubmit={onSave} className="edit-form" data-testid="edit-form" noValidate>
            <div className="field">
              <label htmlFor={`${uid}-title`}>Title</label>
              <input type="text" required value={form.title} onChange={(e) => set('title', e.target.value)} {...fieldProps('title')} />
              {fieldError('title')}
            </div>
            <div className="field">
              <label htmlFor={`${uid}-description`}>Description</label>
              <textarea
                rows={3}
                value={form.description}
                onChange={(e) => set('description', e.target.value)}
                {...fieldProps('description')}
              />
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
                <select
                  value={form.visibility}
                  onChange={(e) => set('visibility', e.target.value as Visibility)}
                  {...fieldProps('visibility')}
                >
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
            {video.status === 'READY' && (
              <MidrollsField
                id={`${uid}-midrolls`}
                value={midrolls}
                served={video.midrolls}
                error={errors.midrolls}
                onChange={(v) => {
                  setMidrolls(v);
                  setSaved(false);
                  if (errors.midrolls) setErrors((e) => ({ ...e, midrolls: undefined }));
                }}
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
      )}
    </li>
  );
}

export const StudioVideoRow = memo(StudioVideoRowImpl);
