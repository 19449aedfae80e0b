'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { formatClc, parseClc } from '@/lib/money';
import { useSession } from '@/lib/session';
import { CREATOR_SUPPORT, SET_CREATOR_SUPPORT } from '@/lib/support';
import styles from './support.module.css';

interface Support {
  enabled: boolean;
  amountPerMinute: string;
  dailyCeiling: string;
  paidToday: string;
}

/**
 * "Support this creator": pay an amount of Cloudcoin per minute actually played (visible or audible;
 * not paused, not seeking, not muted in a background tab), up to a daily ceiling. The button opens a
 * small panel to turn it on or off and choose the amounts; a playback session holds the amount from
 * the wallet (at its start, or at its next heartbeat when turned on while playing) and pays per
 * minute as it plays. Self-contained: mount it with the
 * creator's id (video and audio alike). Hidden for the creator's own items.
 */
export function SupportButton({ creatorId }: { creatorId: string | null | undefined }) {
  const { me } = useSession();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [support, setSupport] = useState<Support | null>(null);
  const [balance, setBalance] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [ceiling, setCeiling] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!creatorId || me?.id === creatorId) return null;

  async function toggle() {
    if (open) return setOpen(false);
    setOpen(true);
    setError(null);
    if (!me) return;
    try {
      const d = await gql(CREATOR_SUPPORT, { creatorId: creatorId! });
      setSupport(d.creatorSupport);
      setBalance(d.wallet.balance);
      setAmount(formatClc(d.creatorSupport.amountPerMinute, { unit: false }));
      setCeiling(formatClc(d.creatorSupport.dailyCeiling, { unit: false }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function save(enabled: boolean) {
    const a = parseClc(amount, { allowZero: !enabled });
    if (!a.ok) return setError(`Amount per minute: ${a.error}`);
    const c = parseClc(ceiling, { allowZero: !enabled });
    if (!c.ok) return setError(`Daily ceiling: ${c.error}`);
    setSaving(true);
    setError(null);
    try {
      const { setCreatorSupport: r } = await gql(SET_CREATOR_SUPPORT, {
        input: { creatorId: creatorId!, enabled, amountPerMinute: a.minor, dailyCeiling: c.minor },
      });
      if (r.support) setSupport(r.support);
      else setError(r.userErrors.map((u) => u.message).join(' ') || 'Your support could not be saved.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const on = support?.enabled ?? false;
  return (
    <div className={styles.wrap}>
      <button
        type="button"
        className={`btn btn--small ${on ? styles.on : ''}`}
        aria-expanded={open}
        aria-controls="support-panel"
        onClick={() => void toggle()}
        data-testid="support-button"
      >
        {on ? '♥ Supporting' : '♡ Support'}
      </button>
      {open && (
        <div id="support-panel" className={styles.panel} role="region" aria-label="Support this creator" data-testid="support-panel">
          {!me ? (
            <p>
              <Link href={`/signin?next=${encodeURIComponent(pathname ?? '/')}`}>Sign in</Link> to support this creator per minute you play.
            </p>
          ) : !support ? (
            error ? null : (
              <p className="muted">Loading…</p>
            )
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void save(true);
              }}
            >
              <p className="muted">
                Pay the creator for each minute you actually play (paused, skipped or muted in a background tab is free), from your wallet
                {balance !== null ? ` (${formatClc(balance)})` : ''}.
              </p>
              <label className={styles.field}>
                CLC per minute
                <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="support-amount" />
              </label>
              <label className={styles.field}>
                At most per day
                <input inputMode="decimal" value={ceiling} onChange={(e) => setCeiling(e.target.value)} data-testid="support-ceiling" />
              </label>
              <p data-testid="support-paid-today">
                Paid today: <strong>{formatClc(support.paidToday)}</strong>
              </p>
              <div className={styles.actions}>
                <button type="submit" className="btn btn--primary btn--small" disabled={saving} data-testid="support-save">
                  {on ? 'Update' : 'Turn on'}
                </button>
                {on && (
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={saving}
                    onClick={() => void save(false)}
                    data-testid="support-off"
                  >
                    Turn off
                  </button>
                )}
              </div>
              {on && <p className="muted">On: what you play of this creator from now on is supported.</p>}
            </form>
          )}
          {error && (
            <p className="alert alert--error" role="alert" data-testid="support-error">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
