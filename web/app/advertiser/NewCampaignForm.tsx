'use client';

import { useId, useState, type FormEvent } from 'react';
import { CREATE_CAMPAIGN_MUTATION, type Campaign } from '@/lib/ads/advertiser-api';
import { splitUserErrors } from '@/lib/ads/line-item-draft';
import { errorMessage, gql } from '@/lib/api';
import { describedBy, FormField } from './FormField';

const FIELDS = ['name'] as const;

/** A campaign is a named group of line items; it holds no money itself. */
export function NewCampaignForm({ onCreated }: { onCreated: (c: Campaign) => void }) {
  const uid = useId();
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    setDone(null);
    if (!name.trim()) {
      setFieldError('Give the campaign a name.');
      return;
    }
    setBusy(true);
    try {
      const { createCampaign } = await gql(CREATE_CAMPAIGN_MUTATION, { input: { name: name.trim() } });
      if (createCampaign.userErrors.length > 0 || !createCampaign.campaign) {
        const { byField, general } = splitUserErrors(createCampaign.userErrors, FIELDS);
        setFieldError(byField.name);
        if (general.length) setFormError(general.join(' '));
        return;
      }
      setDone(`Campaign “${createCampaign.campaign.name}” created. Add a line item to it.`);
      setName('');
      onCreated(createCampaign.campaign);
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const id = `${uid}-name`;
  return (
    <form className="panel ad-form" id="new-campaign-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="new-campaign-form">
      <h2 className="section-title">New campaign</h2>
      <FormField id={id} label="Name" error={fieldError} testId="campaign-name">
        <input
          id={id}
          name="name"
          type="text"
          autoComplete="off"
          maxLength={120}
          placeholder="Spring sale"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setFieldError(undefined);
            setDone(null);
          }}
          disabled={busy}
          {...describedBy(id, fieldError)}
        />
      </FormField>
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
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid="new-campaign-submit">
        {busy ? 'Creating…' : 'Create campaign'}
      </button>
    </form>
  );
}
