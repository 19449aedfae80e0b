'use client';

import { useCallback, useEffect, useState } from 'react';
import { errorMessage, gql } from '@/lib/api';
import { announceWallet, WALLET_PAGE_QUERY, type Entitlement, type Plan, type Wallet } from '@/lib/payments';
import { SignInPending } from '@/components/SignInPending';
import { SupportSplitEditor } from '@/components/support/SupportSplitEditor';
import { useRequireAuth } from '@/lib/useRequireAuth';
import { FaucetButton } from './FaucetButton';
import { PlansList } from './PlansList';
import { SeedingEarnings } from './SeedingEarnings';
import { TransactionHistory } from './TransactionHistory';
import { TransferForm } from './TransferForm';
import { WalletSummary } from './WalletSummary';

interface WalletPageData {
  wallet: Wallet;
  myEntitlement: Entitlement | null;
  plans: Plan[];
}

/** The wallet page: summary, plans, transfer, seeding chart and history. Each mutation hands back the new wallet. */
export function WalletClient() {
  const { me, error: sessionError } = useRequireAuth();
  const [data, setData] = useState<WalletPageData | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after every change of the wallet so the history shows the new rows.
  const [historyVersion, setHistoryVersion] = useState(0);

  const load = useCallback(async () => {
    setError(null);
    try {
      const d = await gql(WALLET_PAGE_QUERY);
      setData(d);
      announceWallet(d.wallet);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  const onWallet = useCallback(
    (wallet: Wallet | null, entitlement?: Entitlement | null) => {
      if (!wallet) {
        void load();
      } else {
        setData((d) => (d ? { ...d, wallet, myEntitlement: entitlement !== undefined ? entitlement : d.myEntitlement } : d));
        announceWallet(wallet);
      }
      setHistoryVersion((v) => v + 1);
    },
    [load],
  );

  if (!me) return <SignInPending me={me} error={sessionError} />;

  return (
    <section aria-labelledby="wallet-title" className="wallet">
      <h1 id="wallet-title" className="page-title">
        Wallet
      </h1>
      <p className="muted">Cloudcoin (CLC) of {me.displayName}: earn it by sharing what you watch, spend it on ad-free viewing.</p>

      {error && (
        <div className="alert alert--error" role="alert" data-testid="wallet-error">
          <p>Could not load your wallet. {error}</p>
          <button type="button" className="btn" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {!data && !error && (
        <p className="muted" aria-busy="true">
          Loading your wallet…
        </p>
      )}

      {data && (
        <div className="wallet__grid">
          <WalletSummary wallet={data.wallet} entitlement={data.myEntitlement}>
            <FaucetButton balance={data.wallet.balance} onWallet={(w) => onWallet(w)} />
          </WalletSummary>
          <PlansList plans={data.plans} balance={data.wallet.balance} onBought={(wallet, entitlement) => onWallet(wallet, entitlement)} />
          <TransferForm onTransferred={(w) => onWallet(w)} />
          <SeedingEarnings />
          <SupportSplitEditor />
        </div>
      )}
      {data && <TransactionHistory version={historyVersion} />}
    </section>
  );
}
