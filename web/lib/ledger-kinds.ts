import type { LedgerTransaction, WalletAccount } from './payments';

/** Words for a ledger transaction kind; the direction (sign of the amount) picks the phrasing of transfers. */
export function kindLabel(tx: Pick<LedgerTransaction, 'kind' | 'amount'>): string {
  const incoming = !tx.amount.trim().startsWith('-');
  switch (tx.kind) {
    case 'TRANSFER':
      return incoming ? 'Transfer received' : 'Transfer sent';
    case 'PLAN_PURCHASE':
      return 'Ad-free plan bought';
    case 'PEER_REWARD':
      return 'Seeding reward';
    case 'PENDING_RELEASE':
      return incoming ? 'Seeding reward released' : 'Moved out of pending';
    case 'MINT':
      return 'Coins issued';
    case 'FAUCET':
      return 'Test coins';
    case 'HOLD_PLACE':
      return 'Held for a playback session';
    case 'HOLD_RELEASE':
      return 'Unspent playback budget returned';
    case 'CREATOR_SHARE':
      return 'Creator revenue share';
    case 'SUPPORT':
      return 'Support from a listener';
    case 'CREATOR_PAYOUT':
      return incoming ? 'Creator revenue paid out' : 'Creator revenue settled';
    default:
      // New kinds read acceptably until they get their own words: AD_SPEND → "Ad spend".
      return tx.kind
        .toLowerCase()
        .split('_')
        .filter(Boolean)
        .join(' ')
        .replace(/^./, (c) => c.toUpperCase());
  }
}

export const ACCOUNT_LABEL: Record<WalletAccount, string> = {
  WALLET: 'Balance',
  PENDING: 'Pending',
  CREATOR_REVENUE: 'Creator revenue',
};
