import type { ReceiptMessage } from '@wetube/swarm';
import type { PaymentSession } from '../sessions/payment-sessions.repository';

export type RedeemStatus = 'PAID' | 'NOTHING_NEW' | 'REFUSED';
export type RedeemCode =
  | 'MALFORMED'
  | 'WRONG_DOMAIN'
  | 'CERT_INVALID'
  | 'CERT_EXPIRED'
  | 'SESSION_UNKNOWN'
  | 'SESSION_MISMATCH'
  | 'NOT_YOUR_PEER'
  | 'SELF_DEALING'
  | 'WRONG_SEGMENT'
  | 'BAD_SIGNATURE'
  | 'REPLAYED'
  | 'STALE'
  | 'SUPERSEDED'
  | 'TOO_FAST'
  | 'NO_BUDGET'
  | 'SESSION_CLOSED'
  | 'HOLD_EXCEEDED'
  | 'FULLY_DECAYED';

export interface Redemption {
  index: number;
  sessionId: string | null;
  peerId: string | null;
  status: RedeemStatus;
  code: RedeemCode | null;
  message: string | null;
  /** Segments newly paid by this receipt. */
  segments: number;
  /** Minor units newly credited to the peer's pending account. */
  amount: bigint;
}

export const MAX_RECEIPTS_PER_CALL = 500;

/** A receipt that passed every check of {@link ReceiptVerifier}: it is paid what it adds over its mark. */
export interface Candidate {
  index: number;
  message: ReceiptMessage;
  certBytes: Uint8Array;
  receiptBytes: Uint8Array;
  session: PaymentSession;
  peerUserId: string;
}
