'use client';

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { API_KEYS_QUERY, CREATE_API_KEY_MUTATION, REVOKE_API_KEY_MUTATION, type ApiKey } from '@/lib/ads/advertiser-api';
import { splitUserErrors } from '@/lib/ads/line-item-draft';
import { errorMessage, gql, getApiUrl } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { describedBy, FormField } from './FormField';

const FIELDS = ['name'] as const;

/** API keys for the advertiser API (reporting servers, scripts): create (the secret is shown once), list, revoke. */
export function ApiKeys() {
  const uid = useId();
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setKeys((await gql(API_KEYS_QUERY)).advertiserApiKeys);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    setSecret(null);
    setCopied(false);
    if (!name.trim()) {
      setNameError('Name the key, e.g. “reporting server”.');
      return;
    }
    setBusy(true);
    try {
      const { createAdvertiserApiKey: r } = await gql(CREATE_API_KEY_MUTATION, {
        input: { name: name.trim() },
      });
      if (r.userErrors.length > 0 || !r.apiKey || !r.secret) {
        const { byField, general } = splitUserErrors(r.userErrors, FIELDS);
        setNameError(byField.name);
        if (general.length) setFormError(general.join(' '));
        return;
      }
      setSecret({ name: r.apiKey.name, secret: r.secret });
      setKeys((prev) => [r.apiKey!, ...(prev ?? [])]);
      setName('');
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function onRevoke(k: ApiKey) {
    setRevoking(k.id);
    setRowError(null);
    try {
      const { revokeAdvertiserApiKey: r } = await gql(REVOKE_API_KEY_MUTATION, {
        id: k.id,
      });
      if (r.userErrors.length > 0 || !r.apiKey) {
        setRowError({ id: k.id, text: r.userErrors.map((x) => x.message).join(' ') || 'Not revoked.' });
        return;
      }
      setKeys((prev) => prev?.map((p) => (p.id === k.id ? r.apiKey! : p)) ?? prev);
    } catch (err) {
      setRowError({ id: k.id, text: errorMessage(err) });
    } finally {
      setRevoking(null);
      setConfirmRevoke(null);
    }
  }

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.secret);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (insecure context): the key stays selectable
    }
  }

  const id = `${uid}-name`;
  return (
    <section className="panel ad-keys" aria-labelledby={`${uid}-title`} data-testid="api-keys">
      <h2 id={`${uid}-title`} className="section-title">
        API keys
      </h2>
      <p className="muted small">
        For your own servers: send <code>Authorization: Bearer wtak_…</code> to <code>{getApiUrl()}/graphql</code> for campaigns, line items
        and reports.
      </p>
      <form className="ad-form ad-form--inline" onSubmit={(e) => void onCreate(e)} noValidate data-testid="new-api-key-form">
        <div className="field-row">
          <FormField id={id} label="New key name" error={nameError} testId="api-key-name">
            <input
              id={id}
              name="name"
              type="text"
              autoComplete="off"
              maxLength={80}
              placeholder="reporting server"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(undefined);
              }}
              disabled={busy}
              {...describedBy(id, nameError)}
            />
          </FormField>
        </div>
        {formError && (
          <p className="field__error field__error--big" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--small" disabled={busy} data-testid="new-api-key-submit">
          {busy ? 'Creating…' : 'Create key'}
        </button>
      </form>
      {secret && (
        <div className="alert ad-keys__secret" role="status" data-testid="api-key-secret">
          <p>
            <strong>{secret.name}</strong>: copy this key now. It is shown only once; WeTube keeps only its hash.
          </p>
          <p className="row">
            <code className="ad-keys__value" data-testid="api-key-secret-value">
              {secret.secret}
            </code>
            <button type="button" className="btn btn--small" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => setSecret(null)}>
              Done
            </button>
          </p>
        </div>
      )}
      {loadError && (
        <div className="alert alert--error" role="alert">
          <p>Could not load your keys. {loadError}</p>
          <button type="button" className="btn btn--small" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {keys && keys.length === 0 && <p className="muted">No keys yet.</p>}
      {keys && keys.length > 0 && (
        <table className="tx-table ad-keys__table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-testid="api-key-row" data-revoked={k.revokedAt ? 'true' : 'false'}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td className="tx-table__date">{formatDateTime(k.createdAt)}</td>
                <td className="tx-table__date">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'}</td>
                <td>
                  {k.revokedAt ? (
                    <span className="badge badge--failed" title={formatDateTime(k.revokedAt)}>
                      Revoked
                    </span>
                  ) : confirmRevoke === k.id ? (
                    <span className="row">
                      <button
                        type="button"
                        className="btn btn--small btn--danger"
                        disabled={revoking !== null}
                        onClick={() => void onRevoke(k)}
                        data-testid="api-key-revoke-confirm"
                      >
                        {revoking === k.id ? 'Revoking…' : 'Revoke now: calls with it fail at once'}
                      </button>
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        disabled={revoking !== null}
                        onClick={() => setConfirmRevoke(null)}
                      >
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      disabled={revoking !== null}
                      onClick={() => setConfirmRevoke(k.id)}
                      data-testid="api-key-revoke"
                    >
                      Revoke…
                    </button>
                  )}
                  {rowError?.id === k.id && <p className="field__error">{rowError.text}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
