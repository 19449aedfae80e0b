'use client';

import { useCallback, useEffect, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { formatClc } from '@/lib/money';
import { SET_SUPPORT_SPLIT, SUPPORT_STUDIO } from '@/lib/support';
import styles from './support.module.css';

interface Row {
  recipient: string;
  percent: string;
}

interface Received {
  total: string;
  last30Days: string;
  supporters: Array<{ userId: string; displayName: string; paid: string }>;
}

/**
 * The creator's side of pay as you listen (a small wallet section): what supporters paid, and who
 * shares it (recipients by channel handle or email, whole percent summing to 100; e.g. a co-host at
 * 30 %). Each payment is split exactly by largest remainder into the recipients' creator revenue.
 */
export function SupportSplitEditor() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [received, setReceived] = useState<Received | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const d = await gql(SUPPORT_STUDIO);
      setRows(d.supportSplit.map((r) => ({ recipient: r.handle ? `@${r.handle}` : r.displayName, percent: String(r.percent) })));
      setReceived(d.supportReceived);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function save() {
    if (!rows) return;
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      const { setSupportSplit: r } = await gql(SET_SUPPORT_SPLIT, {
        input: { recipients: rows.map((x) => ({ recipient: x.recipient.trim(), percent: Number(x.percent) })) },
      });
      if (r.recipients) {
        setRows(r.recipients.map((x) => ({ recipient: x.handle ? `@${x.handle}` : x.displayName, percent: String(x.percent) })));
        setSaved(true);
      } else setError(r.userErrors.map((u) => u.message).join(' '));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const set = (i: number, change: Partial<Row>) => setRows((rs) => rs && rs.map((r, k) => (k === i ? { ...r, ...change } : r)));
  const sum = rows?.reduce((a, r) => a + (Number(r.percent) || 0), 0) ?? 0;
  return (
    <section aria-labelledby="support-title" className="panel" data-testid="support-section">
      <h2 id="support-title" className="section-title">
        Support from listeners
      </h2>
      {received && (
        <p data-testid="support-received">
          Supporters paid you <strong>{formatClc(received.total)}</strong> for the minutes they played ({formatClc(received.last30Days)} in
          the last 30 days){received.supporters.length > 0 ? ':' : '.'}
        </p>
      )}
      {received && received.supporters.length > 0 && (
        <ul>
          {received.supporters.map((s) => (
            <li key={s.userId}>
              {s.displayName}: {formatClc(s.paid)}
            </li>
          ))}
        </ul>
      )}
      <h3>Split</h3>
      <p className="muted">
        Share what supporters pay: a channel handle (@name) or an email, and whole percent summing to 100 (include yourself).
      </p>
      {rows?.map((r, i) => (
        <div key={i} className={styles.row}>
          <input
            aria-label={`Recipient ${i + 1}`}
            value={r.recipient}
            onChange={(e) => set(i, { recipient: e.target.value })}
            data-testid={`split-recipient-${i}`}
          />
          <input
            aria-label={`Percent for recipient ${i + 1}`}
            className={styles.percent}
            inputMode="numeric"
            value={r.percent}
            onChange={(e) => set(i, { percent: e.target.value })}
            data-testid={`split-percent-${i}`}
          />
          %
          <button type="button" className="btn btn--small btn--ghost" onClick={() => setRows((rs) => rs && rs.filter((_, k) => k !== i))}>
            Remove
          </button>
        </div>
      ))}
      {rows && (
        <div className={styles.actions}>
          <button type="button" className="btn btn--small" onClick={() => setRows((rs) => [...(rs ?? []), { recipient: '', percent: '' }])}>
            Add recipient
          </button>
          <button
            type="button"
            className="btn btn--primary btn--small"
            disabled={saving}
            onClick={() => void save()}
            data-testid="split-save"
          >
            Save split
          </button>
          <span className={sum === 100 || rows.length === 0 ? 'muted' : ''} data-testid="split-sum">
            {rows.length === 0 ? 'All to you' : `${sum} %`}
          </span>
        </div>
      )}
      {saved && (
        <p role="status" className="muted">
          Split saved.
        </p>
      )}
      {error && (
        <p className="alert alert--error" role="alert" data-testid="split-error">
          {error}
        </p>
      )}
    </section>
  );
}
