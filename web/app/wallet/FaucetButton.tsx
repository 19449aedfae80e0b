'use client';

import { useState } from 'react';
import { ApiError, errorMessage, gql } from '@/lib/api';
import { formatClc, toMinor } from '@/lib/money';
import { FAUCET_MUTATION, type Wallet } from '@/lib/payments';

/** Development only: test coins from the faucet. Hides itself once the server answers FAUCET_DISABLED. */
export function FaucetButton({ balance, onWallet }: { balance: string; onWallet: (w: Wallet | null) => void }) {
  const [hidden, setHidden] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  if (hidden) return null;

  async function onClick() {
    setBusy(true);
    setMessage(null);
    try {
      const { faucet } = await gql(FAUCET_MUTATION);
      if (faucet.userErrors.some((e) => e.code === 'FAUCET_DISABLED')) {
        setHidden(true);
        return;
      }
      if (faucet.userErrors.length > 0) {
        setMessage({ tone: 'error', text: faucet.userErrors.map((e) => e.message).join(' ') });
        return;
      }
      const added = faucet.wallet ? toMinor(faucet.wallet.balance) - toMinor(balance) : null;
      setMessage({ tone: 'ok', text: added !== null && added > 0n ? `Added ${formatClc(added)}.` : 'Test coins added.' });
      onWallet(faucet.wallet);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'FAUCET_DISABLED') {
        setHidden(true);
        return;
      }
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="wallet__faucet">
      <button type="button" className="btn btn--small" onClick={() => void onClick()} disabled={busy} data-testid="faucet">
        {busy ? 'Asking the faucet…' : 'Get test coins'}
      </button>{' '}
      <span className="muted small">development servers only</span>
      {message && (
        <p className={message.tone === 'ok' ? 'saved small' : 'field__error'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
