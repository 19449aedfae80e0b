/**
 * Cloudcoin ledger GraphQL (libs/payments): documents and small helpers shared by the wallet page,
 * the studio earnings section and the header. Their types are generated (web/lib/gql, `npm run
 * codegen`). Amounts are `Amount` strings of minor units; format them with ./money.
 */
import { graphql } from './gql';
import type {
  EntitlementFieldsFragment,
  LedgerTransactionFieldsFragment,
  SeedingEarningsQuery,
  UserErrorFieldsFragment,
  WalletFieldsFragment,
  WalletPageQuery,
} from './gql/graphql';

export type { WalletAccount } from './gql/graphql';
export type Wallet = WalletFieldsFragment;
export type Entitlement = EntitlementFieldsFragment;
export type LedgerTransaction = LedgerTransactionFieldsFragment;
export type Plan = WalletPageQuery['plans'][number];
export type UserError = UserErrorFieldsFragment;
/** One day of earnings (seeding or creator revenue). */
export type EarningsPoint = SeedingEarningsQuery['seedingEarnings'][number];

export const WALLET_FIELDS = graphql(`
  fragment WalletFields on Wallet {
    currency
    decimals
    balance
    pending
    creatorRevenue
    adFreeUntil
  }
`);

export const ENTITLEMENT_FIELDS = graphql(`
  fragment EntitlementFields on Entitlement {
    planId
    planName
    startsAt
    expiresAt
  }
`);

export const LEDGER_TRANSACTION_FIELDS = graphql(`
  fragment LedgerTransactionFields on LedgerTransaction {
    id
    kind
    account
    amount
    memo
    createdAt
  }
`);

/** What a mutation's `userErrors` carry (the web asks every payload for these). */
export const USER_ERROR_FIELDS = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

export const WALLET_PAGE_QUERY = graphql(`
  query WalletPage {
    wallet {
      ...WalletFields
    }
    myEntitlement {
      ...EntitlementFields
    }
    plans {
      id
      name
      periodDays
      price
    }
  }
`);

export const WALLET_BALANCE_QUERY = graphql(`
  query WalletBalance {
    wallet {
      balance
    }
  }
`);

export const TRANSACTIONS_QUERY = graphql(`
  query Transactions($first: Int, $after: String) {
    transactions(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...LedgerTransactionFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SEEDING_EARNINGS_QUERY = graphql(`
  query SeedingEarnings($days: Int) {
    seedingEarnings(days: $days) {
      day
      amount
      segments
    }
  }
`);

export const CREATOR_EARNINGS_QUERY = graphql(`
  query CreatorEarnings($days: Int) {
    wallet {
      creatorRevenue
    }
    creatorEarnings(days: $days) {
      day
      amount
      segments
    }
  }
`);

export const BUY_PLAN_MUTATION = graphql(`
  mutation BuyPlan($input: BuyPlanInput!) {
    buyPlan(input: $input) {
      entitlement {
        ...EntitlementFields
      }
      wallet {
        ...WalletFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const TRANSFER_MUTATION = graphql(`
  mutation Transfer($input: TransferInput!) {
    transfer(input: $input) {
      transaction {
        ...LedgerTransactionFields
      }
      wallet {
        ...WalletFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const FAUCET_MUTATION = graphql(`
  mutation Faucet {
    faucet {
      wallet {
        ...WalletFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

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
