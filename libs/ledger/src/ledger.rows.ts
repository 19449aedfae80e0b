import { AccountKind } from './account-kind';
import { Account, HoldRecord, HoldStatus, Posting } from './ledger.types';
import { toDate } from '@wetube/platform';

/** A journal entry as stored, with its postings (what a replay answers from). */
export interface EntryRow {
  id: string;
  kind: string;
  idempotencyKey: string;
  payloadHash: string;
  memo: string | null;
  createdAt: Date;
  postings: Posting[];
}

export interface LedgerAudit {
  unbalancedEntries: string[];
  balanceMismatches: string[];
  negativeGuarded: string[];
  /** Holds that paid out more than they held, or open holds whose paid + left ≠ held. */
  overpaidHolds: string[];
  /** Σ every balance, the mint's included: always 0 in a double-entry ledger. */
  sumOfBalances: bigint;
}

export interface HistoryCursor {
  createdAt: Date;
  entryId: string;
  accountId: string;
}

export interface HistoryRow extends HistoryCursor {
  kind: string;
  memo: string | null;
  amount: bigint;
}

export const ACCOUNT_COLUMNS = `id, kind, owner_id, currency, CAST(balance AS TEXT) AS balance, created_at`;
export const HOLD_COLUMNS = `id, account_id, source_account_id, CAST(amount AS TEXT) AS amount, CAST(paid_out AS TEXT) AS paid_out, status, place_entry_id, created_at, closed_at`;

export type Raw = Record<string, unknown>;
export const account = (r: Raw): Account => ({
  id: String(r.id),
  kind: r.kind as AccountKind,
  ownerId: r.owner_id == null ? null : String(r.owner_id),
  currency: String(r.currency),
  balance: BigInt(r.balance as string),
  createdAt: toDate(r.created_at),
});
export const hold = (r: Raw): HoldRecord => ({
  id: String(r.id),
  accountId: String(r.account_id),
  sourceAccountId: String(r.source_account_id),
  amount: BigInt(r.amount as string),
  paidOut: BigInt(r.paid_out as string),
  status: r.status as HoldStatus,
  placeEntryId: String(r.place_entry_id),
  createdAt: toDate(r.created_at),
  closedAt: r.closed_at == null ? null : toDate(r.closed_at),
});
