/** What an account is for. */
export enum AccountKind {
  USER_WALLET = 'USER_WALLET',
  /** Earnings in their review window, not yet spendable. */
  USER_PENDING = 'USER_PENDING',
  /** One per hold of a playback session's bandwidth budget. */
  SESSION_HOLD = 'SESSION_HOLD',
  /** One per hold of an ad line item's budget. */
  CAMPAIGN_ESCROW = 'CAMPAIGN_ESCROW',
  CREATOR_REVENUE = 'CREATOR_REVENUE',
  PLATFORM_FEES = 'PLATFORM_FEES',
  BANDWIDTH_POOL = 'BANDWIDTH_POOL',
  /** Ad-free plan purchases waiting to be shared with creators by watch time at the period's end. */
  PLAN_REVENUE = 'PLAN_REVENUE',
  /** The source of supply: goes negative by what was minted; total supply = −balance(mint). */
  MINT = 'MINT',
}

/** The one currency. */
export const CURRENCY = 'CLC';

/** Platform accounts: one each, no owner, with a fixed id. */
export const SYSTEM_ACCOUNT_IDS = {
  [AccountKind.MINT]: 'system:mint',
  [AccountKind.PLATFORM_FEES]: 'system:platform-fees',
  [AccountKind.BANDWIDTH_POOL]: 'system:bandwidth-pool',
  [AccountKind.PLAN_REVENUE]: 'system:plan-revenue',
} as const;
export type SystemAccountKind = keyof typeof SYSTEM_ACCOUNT_IDS;

export function isSystemKind(kind: AccountKind): kind is SystemAccountKind {
  return kind in SYSTEM_ACCOUNT_IDS;
}

/** The kinds of a hold's own account: they move only through placeHold / settleHold / releaseHold. */
export type HoldKind = AccountKind.SESSION_HOLD | AccountKind.CAMPAIGN_ESCROW;

export function isHoldKind(kind: AccountKind | string): kind is HoldKind {
  return kind === AccountKind.SESSION_HOLD || kind === AccountKind.CAMPAIGN_ESCROW;
}

/** Every account but the mint is guarded: its balance never goes below zero. */
export function isGuarded(kind: AccountKind | string): boolean {
  return kind !== AccountKind.MINT;
}
