'use client';

import { useEffect, useState } from 'react';
import { gql } from './api';
import { onWalletAnnounced, WALLET_BALANCE_QUERY } from './payments';
import type { Me } from './session';

/** The signed-in user's spendable balance (minor units) for the header: one small query, then kept current by the wallet page. */
export function useWalletBalance(me: Me | null | undefined): string | null {
  const [balance, setBalance] = useState<string | null>(null);
  const userId = me?.id ?? null;

  useEffect(() => {
    setBalance(null);
    if (!userId) return;
    let live = true;
    gql(WALLET_BALANCE_QUERY)
      .then((d) => live && setBalance(d.wallet.balance))
      .catch(() => undefined); // the header simply shows no balance
    const off = onWalletAnnounced((w) => setBalance(w.balance));
    return () => {
      live = false;
      off();
    };
  }, [userId]);

  return balance;
}
