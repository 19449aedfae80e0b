import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@wetube/catalog';
import { UserError } from '@wetube/platform';
import { AmountScalar } from './amount.scalar';

export enum WalletAccountEnum {
  WALLET = 'WALLET',
  PENDING = 'PENDING',
  CREATOR_REVENUE = 'CREATOR_REVENUE',
}
registerEnumType(WalletAccountEnum, { name: 'WalletAccount', description: "Which of the user's ledger accounts a transaction moved" });

export enum RedeemStatusEnum {
  PAID = 'PAID',
  NOTHING_NEW = 'NOTHING_NEW',
  REFUSED = 'REFUSED',
}
registerEnumType(RedeemStatusEnum, { name: 'RedeemStatus' });

@ObjectType('Wallet')
export class WalletType {
  @Field({ description: 'Always CLC (Cloudcoin)' })
  currency: string;
  @Field(() => Int, { description: 'Minor units per coin: 10^decimals (6)' })
  decimals: number;
  @Field(() => AmountScalar, { description: 'Spendable' })
  balance: bigint;
  @Field(() => AmountScalar, { description: 'Seeding earnings inside the review window, not yet spendable' })
  pending: bigint;
  @Field(() => AmountScalar, { description: 'Creator revenue of the current period; paid into the wallet when the period is settled' })
  creatorRevenue: bigint;
  @Field(() => Date, { nullable: true, description: 'Playback is ad-free until then (null: no plan holds now)' })
  adFreeUntil: Date | null;
}

@ObjectType('LedgerTransaction')
export class LedgerTransactionType {
  @Field(() => ID)
  id: string;
  @Field({
    description: 'TRANSFER, PLAN_PURCHASE, PEER_REWARD, PENDING_RELEASE, MINT, HOLD_PLACE, HOLD_RELEASE, CREATOR_SHARE, CREATOR_PAYOUT, …',
  })
  kind: string;
  @Field(() => WalletAccountEnum)
  account: WalletAccountEnum;
  @Field(() => AmountScalar, { description: "Signed: negative left the user's account" })
  amount: bigint;
  @Field(() => String, { nullable: true })
  memo: string | null;
  @Field()
  createdAt: Date;
}

@ObjectType()
export class LedgerTransactionEdge {
  @Field()
  cursor: string;
  @Field(() => LedgerTransactionType)
  node: LedgerTransactionType;
}

@ObjectType()
export class LedgerTransactionConnection {
  @Field(() => [LedgerTransactionEdge])
  edges: LedgerTransactionEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType('Plan')
export class PlanType {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field(() => Int)
  periodDays: number;
  @Field(() => AmountScalar)
  price: bigint;
}

@ObjectType('Entitlement')
export class EntitlementType {
  @Field(() => ID)
  planId: string;
  @Field()
  planName: string;
  @Field()
  startsAt: Date;
  @Field()
  expiresAt: Date;
}

@ObjectType('EarningsPoint')
export class EarningsPointType {
  @Field({ description: 'Start of the UTC day' })
  day: Date;
  @Field(() => AmountScalar)
  amount: bigint;
  @Field(() => Int, { description: 'Segments paid that day (seeding), 0 for creator revenue' })
  segments: number;
}

@InputType()
export class BuyPlanInput {
  @Field(() => ID)
  planId: string;
  @Field({ description: 'Your key for this purchase (e.g. a UUID made per click): a retry with it never buys twice' })
  idempotencyKey: string;
}

@ObjectType()
export class BuyPlanPayload {
  @Field(() => EntitlementType, { nullable: true })
  entitlement: EntitlementType | null;
  @Field(() => WalletType, { nullable: true })
  wallet: WalletType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class TransferInput {
  @Field({ description: "The recipient's account email" })
  toEmail: string;
  @Field(() => AmountScalar)
  amount: bigint;
  @Field()
  idempotencyKey: string;
  @Field(() => String, { nullable: true })
  memo?: string | null;
}

@ObjectType()
export class TransferPayload {
  @Field(() => LedgerTransactionType, { nullable: true })
  transaction: LedgerTransactionType | null;
  @Field(() => WalletType, { nullable: true })
  wallet: WalletType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class MintInput {
  @Field(() => String, { nullable: true, description: "The recipient's account email; leave out to fund the platform bandwidth pool" })
  toEmail?: string | null;
  @Field(() => AmountScalar)
  amount: bigint;
  @Field()
  idempotencyKey: string;
  @Field(() => String, { nullable: true })
  memo?: string | null;
}

@ObjectType()
export class MintPayload {
  @Field(() => ID, { nullable: true, description: 'The journal entry' })
  entryId: string | null;
  @Field(() => AmountScalar, { description: 'Coins in circulation after the mint' })
  totalSupply: bigint;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType('MintRecord', { description: 'One admin mint, for the audit list' })
export class MintRecordType {
  @Field(() => ID, { description: 'The journal entry' })
  entryId: string;
  @Field(() => ID, { description: 'The admin who minted' })
  adminUserId: string;
  @Field(() => String, { nullable: true })
  adminEmail: string | null;
  @Field(() => ID, { nullable: true, description: "The recipient's account; null for the bandwidth pool" })
  toUserId: string | null;
  @Field(() => String, { nullable: true })
  toEmail: string | null;
  @Field({ description: 'USER_WALLET or BANDWIDTH_POOL' })
  toAccountKind: string;
  @Field(() => AmountScalar)
  amount: bigint;
  @Field({ description: 'The ledger idempotency key (mint:<the key given>)' })
  idempotencyKey: string;
  @Field(() => String, { nullable: true })
  memo: string | null;
  @Field()
  createdAt: Date;
}

@ObjectType()
export class FaucetPayload {
  @Field(() => WalletType, { nullable: true })
  wallet: WalletType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class RedeemReceiptsInput {
  @Field(() => [String], {
    description: 'Each the base64url bytes of a wt_receipt wire message (certificate, receipt, signature); at most 500',
  })
  receipts: string[];
}

@ObjectType('ReceiptRedemption')
export class ReceiptRedemptionType {
  @Field(() => Int, { description: 'Position in input.receipts' })
  index: number;
  @Field(() => String, { nullable: true })
  sessionId: string | null;
  @Field(() => String, { nullable: true })
  peerId: string | null;
  @Field(() => RedeemStatusEnum)
  status: RedeemStatusEnum;
  @Field(() => String, { nullable: true, description: 'Why it was refused (REPLAYED, STALE, TOO_FAST, HOLD_EXCEEDED, SELF_DEALING, …)' })
  code: string | null;
  @Field(() => String, { nullable: true })
  message: string | null;
  @Field({
    description:
      'True when the same receipt may be paid if sent again later (TOO_FAST: playback time has to catch up); false for everything final',
  })
  retryable: boolean;
  @Field(() => Int)
  segments: number;
  @Field(() => AmountScalar)
  amount: bigint;
}

@ObjectType()
export class RedeemReceiptsPayload {
  @Field(() => [ReceiptRedemptionType])
  results: ReceiptRedemptionType[];
  @Field(() => AmountScalar)
  totalPaid: bigint;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class PlaybackHeartbeatInput {
  @Field(() => ID)
  sessionId: string;
  @Field(() => Float, { description: 'Seconds of the video played in this session so far' })
  watchedSeconds: number;
  @Field({ defaultValue: false, description: 'True when the viewer left (the session is over); false for a heartbeat' })
  ended: boolean;
  @Field(() => Float, {
    nullable: true,
    description:
      'Of watchedSeconds, the seconds played while the page was visible or the sound on (a muted background tab is not); absent: all of them. What pay-as-you-listen support pays for',
  })
  attendedSeconds?: number | null;
}

@ObjectType()
export class PlaybackHeartbeatPayload {
  @Field()
  ok: boolean;
  @Field(() => [UserError])
  userErrors: UserError[];
}
