/**
 * Cloudcoin ledger GraphQL (libs/payments): types, documents and small helpers shared by the
 * wallet page, the studio earnings section and the header. Amounts are `Amount` strings of minor
 * units; format them with ./money.
 */
import type { PageInfo, UserError } from './types';

export type Amount = string;

export interface Wallet {
  currency: string;
  decimals: number;
  balance: Amount;
  pending: Amount;
  creatorRevenue: Amount;
  adFreeUntil: string | null;
}

export type WalletAccount = 'WALLET' | 'PENDING' | 'CREATOR_REVENUE';

export interface LedgerTransaction {
  id: string;
  kind: string;
  account: WalletAccount;
  amount: Amount;
  memo: string | null;
  createdAt: string;
}

export interface LedgerTransactionConnection {
  edges: { cursor: string; node: LedgerTransaction }[];
  pageInfo: PageInfo;
}

export interface Plan {
  id: string;
  name: string;
  periodDays: number;
  price: Amount;
}

export interface Entitlement {
  planId: string;
  planName: string;
  startsAt: string;
  expiresAt: string;
}

export interface EarningsPoint {
  day: string;
  amount: Amount;
  segments: number;
}

export const WALLET_FIELDS = 'currency decimals balance pending creatorRevenue adFreeUntil';
const ENTITLEMENT_FIELDS = 'planId planName startsAt expiresAt';
const TX_FIELDS = 'id kind account amount memo createdAt';
const USER_ERRORS = 'userErrors { field message code }';

export const WALLET_PAGE_QUERY = `query WalletPage {
  wallet { ${WALLET_FIELDS} }
  myEntitlement { ${ENTITLEMENT_FIELDS} }
  plans { id name periodDays price }
}`;

export const WALLET_BALANCE_QUERY = 'query WalletBalance { wallet { balance } }';

export const TRANSACTIONS_QUERY = `query Transactions($first: Int, $after: String) {
  transactions(first: $first, after: $after) {
    edges { cursor node { ${TX_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const SEEDING_EARNINGS_QUERY = `query SeedingEarnings($days: Int) {
  seedingEarnings(days: $days) { day amount segments }
}`;

export const CREATOR_EARNINGS_QUERY = `query CreatorEarnings($days: Int) {
  wallet { creatorRevenue }
  creatorEarnings(days: $days) { day amount segments }
}`;

export const BUY_PLAN_MUTATION = `mutation BuyPlan($input: BuyPlanInput!) {
  buyPlan(input: $input) { entitlement { ${ENTITLEMENT_FIELDS} } wallet { ${WALLET_FIELDS} } ${USER_ERRORS} }
}`;

export const TRANSFER_MUTATION = `mutation Transfer($input: TransferInput!) {
  transfer(input: $input) { transaction { ${TX_FIELDS} } wallet { ${WALLET_FIELDS} } ${USER_ERRORS} }
}`;

export const FAUCET_MUTATION = `mutation Faucet { faucet { wallet { ${WALLET_FIELDS} } ${USER_ERRORS} } }`;

export interface BuyPlanPayload {
  entitlement: Entitlement | null;
  wallet: Wallet | null;
  userErrors: UserError[];
}

export interface TransferPayload {
  transaction: LedgerTransaction | null;
  wallet: Wallet | null;
  userErrors: UserError[];
}

export interface FaucetPayload {
  wallet: Wallet | null;
  userErrors: UserError[];
}

/** A fresh idempotency key. randomUUID needs a secure context (https or localhost); elsewhere a v4 UUID from getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The last segment of a UserError's field path (["input", "amount"] → "amount"). */
export function userErrorField(e: UserError): string | null {
  return e.field && e.field.length > 0 ? e.field[e.field.length - 1] : null;
}

const WALLET_EVENT = 'wetube:wallet';

/** Tells other parts of the page (the header's balance) that the wallet changed. */
export function announceWallet(wallet: Pick<Wallet, 'balance'>): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(WALLET_EVENT, { detail: wallet }));
}

export function onWalletAnnounced(listener: (wallet: Pick<Wallet, 'balance'>) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<Pick<Wallet, 'balance'>>).detail);
  window.addEventListener(WALLET_EVENT, handler);
  return () => window.removeEventListener(WALLET_EVENT, handler);
}
