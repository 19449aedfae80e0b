'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CREATE_LINE_ITEM_MUTATION, type Campaign } from '@/lib/ads/advertiser-api';
import {
  buildLineItemInput,
  LINE_ITEM_FIELDS,
  splitUserErrors,
  toLocalDateTime,
  type LineItemDraft,
  type LineItemField,
} from '@/lib/ads/line-item-draft';
import { errorMessage, gql } from '@/lib/api';
import { formatClc } from '@/lib/money';
import { newIdempotencyKey } from '@/lib/payments';
import { describedBy, FormField } from './FormField';

const DEVICES = [
  { value: 'desktop', label: 'Desktop' },
  { value: 'mobile', label: 'Mobile' },
  { value: 'tablet', label: 'Tablet' },
  { value: 'tv', label: 'TV' },
];
const MEDIA_KINDS = [
  { value: 'VIDEO', label: 'Videos' },
  { value: 'AUDIO', label: 'Audio (music, podcasts)' },
] as const;
const POSITIONS = [
  { value: 'PREROLL', label: 'Pre-roll (before the video)' },
  { value: 'MIDROLL', label: 'Mid-roll (during the video)' },
] as const;

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function blankDraft(campaignId: string): LineItemDraft {
  const now = new Date();
  now.setSeconds(0, 0);
  return {
    campaignId,
    name: '',
    flightStart: toLocalDateTime(now),
    flightEnd: toLocalDateTime(new Date(now.getTime() + 30 * 86_400_000)),
    budget: '',
    dailyCap: '',
    cpmBid: '',
    pacing: 'EVEN',
    positions: ['PREROLL'],
    devices: [],
    mediaKinds: [],
    countries: '',
    categories: '',
    tags: '',
    timeZone: browserTimeZone(),
  };
}

/**
 * A line item: flight, budget (moved from the wallet into escrow when it is created), daily cap,
 * CPM bid, pacing, where it plays and whom it targets. One idempotency key per attempt: sending
 * the same values again after a failed request cannot fund a second line item.
 */
export function NewLineItemForm({ campaigns: loaded, onCreated }: { campaigns: Campaign[] | null; onCreated: () => void }) {
  if (loaded !== null && loaded.length === 0) return <NeedsCampaign />;
  return <LineItemFormBody campaigns={loaded ?? []} loading={loaded === null} onCreated={onCreated} />;
}

/** Before any campaign exists: no form with an empty Campaign select, but what to do first. */
function NeedsCampaign() {
  return (
    <section
      className="panel ad-form ad-form--wide ad-form--empty"
      aria-labelledby="line-item-needs-campaign-title"
      data-testid="line-item-needs-campaign"
    >
      <h2 className="section-title" id="line-item-needs-campaign-title">
        New line item
      </h2>
      <p>
        <strong>Create a campaign first.</strong> Every line item (its budget, bid, flight and targeting) belongs to a campaign.
      </p>
      <button
        type="button"
        className="btn"
        onClick={() => (document.querySelector('#new-campaign-form input[name=name]') as HTMLInputElement | null)?.focus()}
        data-testid="line-item-go-to-campaign"
      >
        Name your first campaign
      </button>
    </section>
  );
}

function LineItemFormBody({ campaigns, loading, onCreated }: { campaigns: Campaign[]; loading: boolean; onCreated: () => void }) {
  const uid = useId();
  const [draft, setDraft] = useState<LineItemDraft>(() => blankDraft(''));
  const [errors, setErrors] = useState<Partial<Record<LineItemField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<{ key: string; values: string } | null>(null);

  // Pick the newest campaign until the person picks one (and after a new campaign appears).
  const firstId = campaigns[0]?.id ?? '';
  useEffect(() => {
    setDraft((d) => (d.campaignId && campaigns.some((c) => c.id === d.campaignId) ? d : { ...d, campaignId: firstId }));
  }, [firstId, campaigns]);

  function set<K extends keyof LineItemDraft>(k: K, v: LineItemDraft[K]) {
    setDraft((d) => ({ ...d, [k]: v }));
    if (errors[k as LineItemField]) setErrors((e) => ({ ...e, [k]: undefined }));
    setDone(null);
  }
  function toggle(k: 'positions' | 'devices' | 'mediaKinds', value: string, on: boolean) {
    const cur = draft[k] as string[];
    set(k, (on ? [...cur, value] : cur.filter((x) => x !== value)) as LineItemDraft[typeof k]);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    setDone(null);
    const built = buildLineItemInput(draft);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    const values = JSON.stringify(built.input);
    if (!pending.current || pending.current.values !== values) pending.current = { key: newIdempotencyKey(), values };
    setBusy(true);
    try {
      const { createLineItem } = await gql(CREATE_LINE_ITEM_MUTATION, {
        input: { ...built.input, idempotencyKey: pending.current.key },
      });
      pending.current = null; // answered: this attempt is settled either way
      if (createLineItem.userErrors.length > 0 || !createLineItem.lineItem) {
        const { byField, general } = splitUserErrors(createLineItem.userErrors, LINE_ITEM_FIELDS);
        setErrors(byField);
        if (general.length) setFormError(general.join(' '));
        return;
      }
      const li = createLineItem.lineItem;
      setDone(
        `Line item “${li.name}” is ${li.status.toLowerCase()}: ${formatClc(li.budget)} moved into its escrow. Add a creative to it below.`,
      );
      setDraft(blankDraft(draft.campaignId));
      onCreated();
    } catch (err) {
      setFormError(`${errorMessage(err)} Press Create again to retry: the budget will not be taken twice.`);
    } finally {
      setBusy(false);
    }
  }

  const id = (f: LineItemField) => `${uid}-${f}`;
  const text = (
    f: 'name' | 'budget' | 'dailyCap' | 'cpmBid' | 'countries' | 'categories' | 'tags' | 'timeZone',
    extra: Record<string, unknown> = {},
  ) => (
    <input
      id={id(f)}
      name={f}
      type="text"
      autoComplete="off"
      value={draft[f]}
      onChange={(ev) => set(f, ev.target.value)}
      disabled={busy}
      {...describedBy(id(f), errors[f])}
      {...extra}
    />
  );
  const checks = (
    f: 'positions' | 'devices' | 'mediaKinds',
    label: string,
    options: readonly { value: string; label: string }[],
    hint: string,
  ) => (
    <fieldset className="field ad-form__checks" aria-describedby={errors[f] ? `${id(f)}-err` : undefined}>
      <legend>{label}</legend>
      <div className="row">
        {options.map((o) => (
          <label key={o.value} className="ad-form__check">
            <input
              type="checkbox"
              name={f}
              value={o.value}
              checked={(draft[f] as string[]).includes(o.value)}
              onChange={(ev) => toggle(f, o.value, ev.target.checked)}
              disabled={busy}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
      {errors[f] ? (
        <p id={`${id(f)}-err`} className="field__error" data-testid={`line-item-${f}-error`}>
          {errors[f]}
        </p>
      ) : (
        <p className="muted small field__hint">{hint}</p>
      )}
    </fieldset>
  );

  return (
    <form className="panel ad-form ad-form--wide" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="new-line-item-form">
      <h2 className="section-title">New line item</h2>
      {loading && (
        <p className="muted" aria-busy="true">
          Loading your campaigns…
        </p>
      )}
      <div className="field-row">
        <FormField id={id('campaignId')} label="Campaign" error={errors.campaignId} testId="line-item-campaignId">
          <select
            id={id('campaignId')}
            name="campaignId"
            value={draft.campaignId}
            onChange={(ev) => set('campaignId', ev.target.value)}
            disabled={busy || campaigns.length === 0}
            {...describedBy(id('campaignId'), errors.campaignId)}
          >
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('name')} label="Name" error={errors.name} testId="line-item-name">
          {text('name', { maxLength: 120, placeholder: 'Spring pre-roll, Germany' })}
        </FormField>
      </div>
      <div className="field-row">
        <FormField id={id('flightStart')} label="Flight start" error={errors.flightStart} testId="line-item-flightStart">
          <input
            id={id('flightStart')}
            name="flightStart"
            type="datetime-local"
            value={draft.flightStart}
            onChange={(ev) => set('flightStart', ev.target.value)}
            disabled={busy}
            {...describedBy(id('flightStart'), errors.flightStart)}
          />
        </FormField>
        <FormField
          id={id('flightEnd')}
          label="Flight end"
          error={errors.flightEnd}
          testId="line-item-flightEnd"
          hint="Your local time; at most 366 days."
        >
          <input
            id={id('flightEnd')}
            name="flightEnd"
            type="datetime-local"
            value={draft.flightEnd}
            onChange={(ev) => set('flightEnd', ev.target.value)}
            disabled={busy}
            {...describedBy(id('flightEnd'), errors.flightEnd)}
          />
        </FormField>
      </div>
      <div className="field-row">
        <FormField
          id={id('budget')}
          label="Budget (CLC)"
          error={errors.budget}
          testId="line-item-budget"
          hint="Moved from your wallet into escrow now."
        >
          {text('budget', { inputMode: 'decimal', placeholder: '25' })}
        </FormField>
        <FormField
          id={id('dailyCap')}
          label="Daily cap (CLC, optional)"
          error={errors.dailyCap}
          testId="line-item-dailyCap"
          hint="Most spent per day in the time zone below."
        >
          {text('dailyCap', { inputMode: 'decimal', placeholder: 'no cap' })}
        </FormField>
        <FormField
          id={id('cpmBid')}
          label="CPM bid (CLC)"
          error={errors.cpmBid}
          testId="line-item-cpmBid"
          hint="Price of 1,000 impressions; at least the platform floor."
        >
          {text('cpmBid', { inputMode: 'decimal', placeholder: '1' })}
        </FormField>
        <FormField
          id={id('pacing')}
          label="Pacing"
          error={errors.pacing}
          testId="line-item-pacing"
          hint={draft.pacing === 'EVEN' ? 'Spread over the flight.' : 'As fast as it can win.'}
        >
          <select
            id={id('pacing')}
            name="pacing"
            value={draft.pacing}
            onChange={(ev) => set('pacing', ev.target.value as 'EVEN' | 'ASAP')}
            disabled={busy}
          >
            <option value="EVEN">Even</option>
            <option value="ASAP">As soon as possible</option>
          </select>
        </FormField>
      </div>
      <div className="field-row">
        {checks('positions', 'Position', POSITIONS, 'Where in the video the ad plays.')}
        {checks('devices', 'Devices', DEVICES, 'None ticked: every device.')}
        {checks(
          'mediaKinds',
          'Plays in',
          MEDIA_KINDS,
          'None ticked: both. A creative plays only in items of its kind: upload an audio file for an audio ad.',
        )}
      </div>
      <div className="field-row">
        <FormField
          id={id('countries')}
          label="Countries"
          error={errors.countries}
          testId="line-item-countries"
          hint="Two-letter codes, e.g. DE, FR; empty: everywhere."
        >
          {text('countries', { placeholder: 'DE, AT, CH' })}
        </FormField>
        <FormField
          id={id('categories')}
          label="Categories"
          error={errors.categories}
          testId="line-item-categories"
          hint="Video categories, comma separated (Music, Gaming, Sports, …); empty: any."
        >
          {text('categories')}
        </FormField>
        <FormField id={id('tags')} label="Tags" error={errors.tags} testId="line-item-tags" hint="Comma separated; empty: any.">
          {text('tags')}
        </FormField>
        <FormField id={id('timeZone')} label="Time zone" error={errors.timeZone} testId="line-item-timeZone" hint="Of the daily cap's day.">
          {text('timeZone', { spellCheck: false })}
        </FormField>
      </div>
      {formError && (
        <p className="field__error field__error--big" role="alert" data-testid="new-line-item-error">
          {formError}
        </p>
      )}
      {done && (
        <p className="saved" role="status" data-testid="new-line-item-done">
          {done}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={busy || campaigns.length === 0} data-testid="new-line-item-submit">
        {busy ? 'Creating…' : 'Create line item'}
      </button>
    </form>
  );
}
