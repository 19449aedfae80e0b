'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, rest } from '@/lib/api';
import { useSession } from '@/lib/session';

type Mode = 'signin' | 'register';
type Field = 'email' | 'password' | 'displayName';
/** What happened to the account since its last sign-in (the api gives it once, after failed attempts or a lock). */
type SecurityNotice = { failedAttempts: number; lockouts: number };

const FIELDS: Field[] = ['email', 'password', 'displayName'];

export function AuthForm({ mode, next }: { mode: Mode; next: string }) {
  const router = useRouter();
  const { refresh } = useSession();
  const uid = useId();
  const [values, setValues] = useState({ email: '', password: '', displayName: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<SecurityNotice | null>(null);
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
        const r = await rest<{ securityNotice?: SecurityNotice | null }>('/api/auth/login', {
          method: 'POST',
          body: { email: values.email.trim(), password: values.password },
        });
        if (r?.securityNotice) {
          // Signed in; the owner reads what happened before going on.
          await refresh();
          setNotice(r.securityNotice);
          setBusy(false);
          return;
        }
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

  function goOn() {
    router.push(next);
    router.refresh();
  }

  if (notice) {
    const attempts = `${notice.failedAttempts} failed sign-in attempt${notice.failedAttempts === 1 ? '' : 's'}`;
    const locks =
      notice.lockouts > 0
        ? ` Your account was locked ${notice.lockouts === 1 ? 'once' : `${notice.lockouts} times`} for too many wrong passwords.`
        : '';
    return (
      <div className="auth">
        <div className="panel auth__form" data-testid="security-notice">
          <h1 className="page-title">You are signed in</h1>
          <div className="alert alert--error" role="alert">
            <p>
              <strong>Security notice:</strong> there {notice.failedAttempts === 1 ? 'was' : 'were'} {attempts} on your account since your
              last sign-in.{locks}
            </p>
            <p>If that was not you, someone may be guessing your password: choose a long, unique one.</p>
          </div>
          <button type="button" className="btn btn--primary btn--block" onClick={goOn} autoFocus>
            Continue
          </button>
        </div>
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
              <input
                type="checkbox"
                name="advertiser"
                checked={advertiser}
                onChange={(e) => setAdvertiser(e.target.checked)}
                data-testid="register-advertiser"
              />{' '}
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
