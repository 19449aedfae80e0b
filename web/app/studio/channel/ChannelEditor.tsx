'use client';

import Link from 'next/link';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { SignInPending } from '@/components/SignInPending';
import { errorMessage, gql } from '@/lib/api';
import { channelPath, type ChannelHeader } from '@/lib/channels';
import { graphql } from '@/lib/gql';
import { useRequireAuth } from '@/lib/useRequireAuth';
import { ChannelImageField } from './ChannelImageField';
import styles from './studio-channel.module.css';

const QUERY = graphql(`
  query MyChannel {
    myChannel {
      ...ChannelHeader
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateChannel($input: UpdateChannelInput!) {
    updateChannel(input: $input) {
      channel {
        ...ChannelHeader
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

type Field = 'handle' | 'displayName' | 'description' | 'links';
interface Form {
  handle: string;
  displayName: string;
  description: string;
  links: Array<{ title: string; url: string }>;
}

function formOf(c: ChannelHeader): Form {
  return {
    handle: c.handle,
    displayName: c.displayName,
    description: c.description,
    links: c.links.map((l) => ({ title: l.title, url: l.url })),
  };
}

/** Studio → Channel: handle, name, description, links, avatar and banner. */
export function ChannelEditor() {
  const { me, error: sessionError, refresh } = useRequireAuth();
  const uid = useId();
  const [channel, setChannel] = useState<ChannelHeader | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const load = useCallback(async () => {
    try {
      const d = await gql(QUERY);
      setChannel(d.myChannel);
      setForm(formOf(d.myChannel));
    } catch (e) {
      setFormError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  if (!me) return <SignInPending me={me} error={sessionError} />;
  if (!channel || !form) {
    return formError ? (
      <div className="alert alert--error" role="alert">
        {formError}
      </div>
    ) : (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  }

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm({ ...form, [k]: v });
    setSaved(false);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    setSaving(true);
    setErrors({});
    setFormError(null);
    setSaved(false);
    try {
      const r = await gql(UPDATE, {
        input: {
          handle: form.handle,
          displayName: form.displayName,
          description: form.description,
          links: form.links.filter((l) => l.url.trim() !== '').map((l) => ({ title: l.title.trim() || null, url: l.url.trim() })),
        },
      });
      if (r.updateChannel.userErrors.length) {
        const next: Partial<Record<Field, string>> = {};
        for (const ue of r.updateChannel.userErrors) next[(ue.field.at(-1) ?? 'handle') as Field] ??= ue.message;
        setErrors(next);
      } else if (r.updateChannel.channel) {
        setChannel(r.updateChannel.channel);
        setForm(formOf(r.updateChannel.channel));
        setSaved(true);
        void refresh();
      }
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  const fieldProps = (f: Field) => ({
    id: `${uid}-${f}`,
    name: f,
    'aria-invalid': errors[f] ? true : undefined,
    'aria-describedby': errors[f] ? `${uid}-${f}-err` : undefined,
    'data-testid': `channel-${f}`,
  });
  const fieldError = (f: Field) =>
    errors[f] ? (
      <p id={`${uid}-${f}-err`} className="field__error" role="alert" data-testid={`channel-error-${f}`}>
        {errors[f]}
      </p>
    ) : null;

  return (
    <section aria-labelledby="channel-edit-title" className={styles.editor}>
      <div className="studio__head">
        <div>
          <h1 id="channel-edit-title" className="page-title">
            Your channel
          </h1>
          <p className="muted">
            <Link href={channelPath(channel.handle)} data-testid="view-channel">
              View @{channel.handle}
            </Link>
            {' · '}
            <Link href="/studio">Back to videos</Link>
          </p>
        </div>
      </div>
      <div className={styles.columns}>
        <form onSubmit={save} className="edit-form" noValidate data-testid="channel-form">
          <div className="field">
            <label htmlFor={`${uid}-displayName`}>Name</label>
            <input
              type="text"
              {...fieldProps('displayName')}
              value={form.displayName}
              maxLength={80}
              onChange={(e) => set('displayName', e.target.value)}
            />
            {fieldError('displayName')}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-handle`}>Handle</label>
            <div className={styles.handleInput}>
              <span aria-hidden="true">@</span>
              <input
                type="text"
                {...fieldProps('handle')}
                value={form.handle}
                maxLength={31}
                autoCapitalize="none"
                spellCheck={false}
                onChange={(e) => set('handle', e.target.value)}
              />
            </div>
            <p className="field__hint">
              3–30 letters a–z, digits, dots, underscores or hyphens. Your channel is at /@{form.handle || 'handle'}.
            </p>
            {fieldError('handle')}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-description`}>Description</label>
            <textarea
              {...fieldProps('description')}
              rows={5}
              maxLength={1000}
              value={form.description}
              onChange={(e) => set('description', e.target.value)}
            />
            <p className="field__hint">{form.description.length} / 1000</p>
            {fieldError('description')}
          </div>
          <fieldset className={styles.links}>
            <legend>Links (up to 5)</legend>
            {form.links.map((l, i) => (
              <div key={i} className={styles.linkRow}>
                <input
                  type="text"
                  aria-label={`Link ${i + 1} title`}
                  placeholder="Title"
                  value={l.title}
                  maxLength={40}
                  onChange={(e) =>
                    set(
                      'links',
                      form.links.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                    )
                  }
                  data-testid={`channel-link-title-${i}`}
                />
                <input
                  aria-label={`Link ${i + 1} URL`}
                  placeholder="https://…"
                  type="url"
                  value={l.url}
                  onChange={(e) =>
                    set(
                      'links',
                      form.links.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)),
                    )
                  }
                  data-testid={`channel-link-url-${i}`}
                />
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  onClick={() =>
                    set(
                      'links',
                      form.links.filter((_, j) => j !== i),
                    )
                  }
                >
                  Remove
                </button>
              </div>
            ))}
            {form.links.length < 5 && (
              <button
                type="button"
                className="btn btn--small"
                onClick={() => set('links', [...form.links, { title: '', url: '' }])}
                data-testid="channel-add-link"
              >
                Add a link
              </button>
            )}
            {fieldError('links')}
          </fieldset>
          {formError && (
            <div className="alert alert--error" role="alert">
              {formError}
            </div>
          )}
          <div className="row">
            <button type="submit" className="btn btn--primary" disabled={saving} data-testid="channel-save">
              {saving ? 'Saving…' : 'Save'}
            </button>
            {saved && (
              <span className="saved" role="status" data-testid="channel-saved">
                Saved
              </span>
            )}
          </div>
        </form>
        <div>
          <ChannelImageField
            kind="avatar"
            label="Picture"
            hint="Square works best; at least 98 × 98 pixels, up to 6 MB (JPEG, PNG, WebP, GIF, AVIF). Shown at 176 and 48 pixels."
            currentUrl={channel.avatarUrl}
            onUploaded={(u) => setChannel({ ...channel, avatarUrl: u.avatarUrl ?? null, avatarSmallUrl: u.avatarSmallUrl ?? null })}
          />
          <ChannelImageField
            kind="banner"
            label="Banner"
            hint="At least 1024 × 576 pixels, up to 6 MB; cropped to 2048 × 1152. Keep text in the middle: phones show a narrower strip."
            currentUrl={channel.bannerUrl}
            onUploaded={(u) => setChannel({ ...channel, bannerUrl: u.bannerUrl ?? null })}
          />
        </div>
      </div>
    </section>
  );
}
