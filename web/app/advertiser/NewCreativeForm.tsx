'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { CREATE_CREATIVE_MUTATION, type AdVideo } from '@/lib/ads/advertiser-api';
import { splitUserErrors } from '@/lib/ads/line-item-draft';
import { errorMessage, gql } from '@/lib/api';
import { formatDuration } from '@/lib/format';
import { describedBy, FormField } from './FormField';

const FIELDS = ['lineItemId', 'videoId', 'clickThroughUrl'] as const;
type Field = (typeof FIELDS)[number];

/** One of the advertiser's own uploads as an ad of the line item, with where a click on it goes. */
export function NewCreativeForm({
  lineItemId,
  videos,
  onCreated,
}: {
  lineItemId: string;
  videos: AdVideo[] | null;
  onCreated: () => void;
}) {
  const uid = useId();
  const usable = (videos ?? []).filter((v) => v.status !== 'FAILED');
  const [videoId, setVideoId] = useState('');
  const [url, setUrl] = useState('https://');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = videoId || usable[0]?.id || '';

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    setDone(null);
    const local: Partial<Record<Field, string>> = {};
    if (!chosen) local.videoId = 'Pick one of your uploaded videos.';
    if (!/^https?:\/\/[^\s/]+/i.test(url.trim())) local.clickThroughUrl = 'Enter an absolute http:// or https:// address.';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const { createCreative } = await gql(CREATE_CREATIVE_MUTATION, {
        input: { lineItemId, videoId: chosen, clickThroughUrl: url.trim() },
      });
      if (createCreative.userErrors.length > 0 || !createCreative.creative) {
        const { byField, general } = splitUserErrors(createCreative.userErrors, FIELDS);
        const { lineItemId: liError, ...rest } = byField;
        setErrors(rest);
        const msgs = [...(liError ? [liError] : []), ...general];
        if (msgs.length) setFormError(msgs.join(' '));
        return;
      }
      const c = createCreative.creative;
      setDone(`Creative added: ${c.approval.toLowerCase()}, video ${(c.videoStatus ?? 'unknown').toLowerCase()}.`);
      setUrl('https://');
      onCreated();
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (videos !== null && usable.length === 0) {
    return (
      <p className="muted small">
        A creative is one of your own uploaded videos. <Link href="/upload">Upload your ad</Link>, then come back.
      </p>
    );
  }
  const vid = `${uid}-videoId`;
  const uidUrl = `${uid}-clickThroughUrl`;
  return (
    <form className="ad-form ad-form--inline" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="new-creative-form">
      <div className="field-row">
        <FormField id={vid} label="Video" error={errors.videoId} testId="creative-videoId" hint="Serves once it is ready and approved.">
          <select
            id={vid}
            name="videoId"
            value={chosen}
            onChange={(e) => setVideoId(e.target.value)}
            disabled={busy || videos === null}
            {...describedBy(vid, errors.videoId)}
          >
            {usable.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
                {v.durationSec ? ` (${formatDuration(v.durationSec)})` : ''}
                {v.status !== 'READY' ? ` · ${v.status.toLowerCase()}` : ''}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={uidUrl} label="Click-through URL" error={errors.clickThroughUrl} testId="creative-clickThroughUrl">
          <input
            id={uidUrl}
            name="clickThroughUrl"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              setErrors((x) => ({ ...x, clickThroughUrl: undefined }));
            }}
            disabled={busy}
            {...describedBy(uidUrl, errors.clickThroughUrl)}
          />
        </FormField>
      </div>
      {formError && (
        <p className="field__error field__error--big" role="alert">
          {formError}
        </p>
      )}
      {done && (
        <p className="saved" role="status">
          {done}
        </p>
      )}
      <button type="submit" className="btn btn--primary btn--small" disabled={busy || videos === null}>
        {busy ? 'Adding…' : 'Add creative'}
      </button>
    </form>
  );
}
