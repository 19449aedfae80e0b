'use client';

import { useState } from 'react';
import { runLineItemAction, type LineItem, type LineItemAction } from '@/lib/ads/advertiser-api';
import { errorMessage } from '@/lib/api';
import { formatClc } from '@/lib/money';

/** Pause (ACTIVE), resume (PAUSED) and cancel (ACTIVE or PAUSED; asks first: what the escrow holds goes back to the wallet). */
export function LineItemActions({
  lineItem: li,
  onLineItem,
  onChanged,
}: {
  lineItem: LineItem;
  onLineItem: (li: LineItem) => void;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState<LineItemAction | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: LineItemAction) {
    setBusy(action);
    setError(null);
    try {
      const payload = await runLineItemAction(action, li.id);
      if (payload.userErrors.length > 0 || !payload.lineItem) {
        setError(payload.userErrors.map((e) => e.message).join(' ') || 'Not changed.');
        return;
      }
      onLineItem(payload.lineItem);
      if (action === 'cancel') onChanged(); // money went back to the wallet
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
      setConfirming(false);
    }
  }

  if (li.status !== 'ACTIVE' && li.status !== 'PAUSED') return null;
  return (
    <div className="ad-line-item__actions">
      <div className="row">
        {li.status === 'ACTIVE' && (
          <button
            type="button"
            className="btn btn--small"
            disabled={busy !== null}
            onClick={() => void run('pause')}
            data-testid="line-item-pause"
          >
            {busy === 'pause' ? 'Pausing…' : 'Pause'}
          </button>
        )}
        {li.status === 'PAUSED' && (
          <button
            type="button"
            className="btn btn--small"
            disabled={busy !== null}
            onClick={() => void run('resume')}
            data-testid="line-item-resume"
          >
            {busy === 'resume' ? 'Resuming…' : 'Resume'}
          </button>
        )}
        {!confirming ? (
          <button
            type="button"
            className="btn btn--small btn--danger"
            disabled={busy !== null}
            onClick={() => setConfirming(true)}
            data-testid="line-item-cancel"
          >
            Cancel…
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn btn--small btn--danger"
              disabled={busy !== null}
              onClick={() => void run('cancel')}
              data-testid="line-item-cancel-confirm"
            >
              {busy === 'cancel' ? 'Cancelling…' : `Cancel for good, return ${formatClc(li.escrowBalance)}`}
            </button>
            <button type="button" className="btn btn--small btn--ghost" disabled={busy !== null} onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
