'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, rest } from '@/lib/api';
import { useSession } from '@/lib/session';

type Mode = 'signin' | 'register';
type Field = 'email' | 'password' | 'displayName';

const FIELDS: Field[] = ['email', 'password', 'displayName'];

export function AuthForm({ mode, next }: { mode: Mode; next: string }) {
  const router = useRouter();
  const { refresh } = useSession();
  const uid = useId();
  const [values, setValues] = useState({ email: '', password: '', displayName: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Registering from the advertiser page (next=/advertiser) starts with the box ticked.
  const [advertiser, setAdvertiser] = useState(next.startsWith('/advertiser'));
  const isRegister = mode === 'register';

  function set(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    if (fieldErrors[field]) setFieldErrors((e) => ({ ...e, [field]: undefined }));
  }

  async function onSubmit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    setBusy(true);
    setFieldErrors({});
    setFormError(null);
    try {
      if (isRegister) {
        await rest('/api/auth/register', {
          method: 'POST',
          body: {
            email: values.email.trim(),
            password: values.password,
            displayName: values.displayName.trim(),
            ...(advertiser ? { accountType: 'advertiser' } : {}),
          },
        });
      } else {
        await rest('/api/auth/login', { method: 'POST', body: { email: values.email.trim(), password: values.password } });
      }
      await refresh();
      router.push(next);
      router.refresh();
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      const match = FIELDS.find((f) => f === field || (field && field.toLowerCase() === f.toLowerCase()));
      if (match && (isRegister || match !== 'displayName')) {
        setFieldErrors({ [match]: errorMessage(e) });
      } else if (e instanceof ApiError && e.status === 401) {
        setFormError(e.message || 'Wrong email or password.');
      } else {
        setFormError(errorMessage(e));
      }
      setBusy(false);
    }
  }

  const other = isRegister ? '/signin' : '/register';
  const nextQs = next !== '/' ? `?next=${encodeURIComponent(next)}` : '';

  function input(field: Field, label: string, type: string, autoComplete: string, extra: Record<string, unknown> = {}) {
    const id = `${uid}-${field}`;
    const err = fieldErrors[field];
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={field}
          type={type}
          autoComplete={autoComplete}
          required
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-error` : undefined}
          {...extra}
        />
        {err && (
          <p id={`${id}-error`} className="field__error" role="alert" data-testid={`error-${field}`}>
            {err}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="auth">
      <form className="panel auth__form" onSubmit={onSubmit} noValidate aria-describedby={formError ? `${uid}-form-error` : undefined}>
        <h1 className="page-title">{isRegister ? 'Create your account' : 'Sign in'}</h1>
        <p className="muted">{isRegister ? 'Upload videos and manage them in your studio.' : 'Welcome back to WeTube.'}</p>
        {formError && (
          <div id={`${uid}-form-error`} className="alert alert--error" role="alert" data-testid="form-error">
            {formError}
          </div>
        )}
        {isRegister && input('displayName', 'Display name', 'text', 'nickname', { maxLength: 60 })}
        {input('email', 'Email', 'email', 'email')}
        {input('password', 'Password', 'password', isRegister ? 'new-password' : 'current-password', isRegister ? { minLength: 8 } : {})}
        {isRegister && <p className="hint">At least 8 characters.</p>}
        {isRegister && (
          <div className="field">
            <label className="auth__check">
              <input type="checkbox" name="advertiser" checked={advertiser} onChange={(e) => setAdvertiser(e.target.checked)} data-testid="register-advertiser" />{' '}
              Advertiser account <span className="muted small">(run ad campaigns; you can still watch and upload)</span>
            </label>
          </div>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? (isRegister ? 'Creating account…' : 'Signing in…') : isRegister ? 'Create account' : 'Sign in'}
        </button>
        <p className="muted center">
          {isRegister ? 'Already have an account?' : 'New to WeTube?'}{' '}
          <Link href={`${other}${nextQs}`}>{isRegister ? 'Sign in' : 'Create an account'}</Link>
        </p>
      </form>
    </div>
  );
}
