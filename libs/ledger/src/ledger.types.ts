import { AccountKind } from './account-kind';

export type HoldStatus = 'OPEN' | 'RELEASED';

export interface Posting {
  accountId: string;
  /** Signed minor units: negative leaves the account, positive enters it. */
  amount: bigint;
}

/** A generic journal command: postings that must sum to zero, recorded once per idempotency key. */
export interface PostCommand {
  /** The entry kind (e.g. 'PLAN_PURCHASE'); TRANSFER when left out. */
  kind?: string;
  idempotencyKey: string;
  postings: Posting[];
  memo?: string;
}

/** A ledger account: the one record shape (AccountEntity implements it; statements read it). */
export interface Account {
  id: string;
  kind: AccountKind;
  ownerId: string | null;
  currency: string;
  balance: bigint;
  createdAt: Date;
}

export interface EntryResult {
  entryId: string;
  kind: string;
  idempotencyKey: string;
  memo: string | null;
  createdAt: Date;
  /** Ordered by account id. */
  postings: Posting[];
  /** True when the key had already been posted with this payload: this call moved nothing. */
  replayed: boolean;
}

export interface Hold {
  id: string;
  accountId: string;
  sourceAccountId: string;
  amount: bigint;
  paidOut: bigint;
  status: HoldStatus;
  createdAt: Date;
  closedAt: Date | null;
}

/** A hold as stored: {@link Hold} and the entry that placed it (HoldEntity implements it). */
export interface HoldRecord extends Hold {
  placeEntryId: string;
}

export interface HoldResult {
  entry: EntryResult;
  /** The hold as it stands now (after a replay too). */
  hold: Hold;
}
