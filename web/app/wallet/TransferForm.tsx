'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { formatClc, parseClc } from '@/lib/money';
import { newIdempotencyKey, TRANSFER_MUTATION, userErrorField, type Wallet } from '@/lib/payments';

type Field = 'toEmail' | 'amount' | 'memo';
const FIELDS: Field[] = ['toEmail', 'amount', 'memo'];

/**
 * Send CLC to another user. The amount is typed in CLC ("1.25") and converted exactly to minor
 * units. A submit gets a fresh idempotency key; resubmitting the same values after a failed
 * request reuses it, so a retry never sends twice. Editing any field starts a new transfer.
 */
export function TransferForm({ onTransferred }: { onTransferred: (w: Wallet | null) => void }) {
  const uid = useId();
  const [form, setForm] = useState<Record<Field, string>>({ toEmail: '', amount: '', memo: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<{ key: string; values: string } | null>(null);

  function set(f: Field, v: string) {
    setForm((s) => ({ ...s, [f]: v }));
    if (errors[f]) setErrors((e) => ({ ...e, [f]: undefined }));
    setDone(null);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    setDone(null);
    const toEmail = form.toEmail.trim();
    const memo = form.memo.trim();
    const amount = parseClc(form.amount);
    const local: Partial<Record<Field, string>> = {};
    if (!toEmail) local.toEmail = 'Enter the email of the account to pay.';
    if (!amount.ok) local.amount = amount.error;
    setErrors(local);
    if (!amount.ok || local.toEmail) return;

    const values = JSON.stringify([toEmail, amount.minor, memo]);
    if (!pending.current || pending.current.values !== values) pending.current = { key: newIdempotencyKey(), values };
    const key = pending.current.key;

    setBusy(true);
    try {
      const { transfer } = await gql(TRANSFER_MUTATION, {
        input: { toEmail, amount: amount.minor, idempotencyKey: key, memo: memo || null },
      });
      pending.current = null; // the server answered: this transfer is settled either way
      if (transfer.userErrors.length > 0) {
        const byField: Partial<Record<Field, string>> = {};
        const general: string[] = [];
        for (const ue of transfer.userErrors) {
          const f = userErrorField(ue) as Field | null;
          if (f && FIELDS.includes(f) && !byField[f]) byField[f] = ue.message;
          else general.push(ue.message);
        }
        setErrors(byField);
        if (general.length) setFormError(general.join(' '));
        return;
      }
      setDone(`Sent ${formatClc(amount.minor)} to ${toEmail}.`);
      setForm({ toEmail: '', amount: '', memo: '' });
      onTransferred(transfer.wallet);
    } catch (err) {
      setFormError(`${errorMessage(err)} Press Send again to retry: it will not be sent twice.`);
    } finally {
      setBusy(false);
    }
  }

  const props = (f: Field) => ({
    id: `${uid}-${f}`,
    name: f,
    value: form[f],
    onChange: (ev: { target: { value: string } }) => set(f, ev.target.value),
    'aria-invalid': errors[f] ? true : undefined,
    'aria-describedby': errors[f] ? `${uid}-${f}-err` : undefined,
    disabled: busy,
  });
  const fieldError = (f: Field) =>
    errors[f] ? (
      <p id={`${uid}-${f}-err`} className="field__error" data-testid={`transfer-error-${f}`}>
        {errors[f]}
      </p>
    ) : null;

  return (
    <form className="panel wallet__transfer" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="transfer-form">
      <h2 className="section-title">Send Cloudcoin</h2>
      <div className="field">
        <label htmlFor={`${uid}-toEmail`}>To (account email)</label>
        <input type="email" autoComplete="off" spellCheck={false} {...props('toEmail')} />
        {fieldError('toEmail')}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-amount`}>Amount (CLC)</label>
        <input type="text" inputMode="decimal" autoComplete="off" placeholder="1.25" {...props('amount')} />
        {fieldError('amount')}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-memo`}>Memo (optional)</label>
        <input type="text" autoComplete="off" {...props('memo')} />
        {fieldError('memo')}
      </div>
      {formError && (
        <p className="field__error field__error--big" role="alert" data-testid="transfer-error">
          {formError}
        </p>
      )}
      {done && (
        <p className="saved" role="status" data-testid="transfer-done">
          {done}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid="transfer-submit">
        {busy ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
