/**
 * Redeeming kept receipts with the api's `redeemReceipts` mutation: what the standalone seeder node
 * and a signed-in watch page share. Batches the receipts (≤ 500 per call), sends each batch through
 * an injected call (the caller's own I/O: a bearer token on Node, the sign-in cookie in the browser),
 * reads each answer (PAID, NOTHING_NEW, REFUSED with `retryable`), says which receipts are settled
 * and how long to wait after failed rounds. Browser-safe: no Node-only imports.
 */

/** One receipt to redeem: the newest of its (session, peer). */
export interface RedeemCandidate {
  sessionId: string;
  peerId: string;
  seq: number;
  /** base64url of `encodeReceiptMessage(...)`: what `redeemReceipts` takes. */
  message: string;
}

/** What `redeemReceipts` answers for one receipt (see the payments contract, ReceiptRedemption). */
export interface ReceiptRedemption {
  /** Position in the receipts sent. */
  index: number;
  sessionId: string | null;
  peerId: string | null;
  status: 'PAID' | 'NOTHING_NEW' | 'REFUSED';
  /** When REFUSED: MALFORMED, BAD_SIGNATURE, CERT_INVALID, SESSION_UNKNOWN, NOT_YOUR_PEER, TOO_FAST, STALE, ... */
  code: string | null;
  message: string | null;
  /** The api may pay this receipt if it is sent again later (a refusal that is not final). */
  retryable: boolean;
  /** Newly paid segments (0 unless PAID). */
  segments: number;
  /** Newly credited, in minor units (1 CLC = 1 000 000), as the `Amount` decimal string. */
  amount: string;
}

export interface RedeemUserError {
  field: string[];
  code: string;
  message: string;
}

export interface RedeemReceiptsPayload {
  results: ReceiptRedemption[];
  totalPaid: string;
  userErrors: RedeemUserError[];
}

/** Sends ≤ 500 receipt messages; throws when the api does not answer with a payload. */
export type RedeemReceiptsCall = (receipts: string[], signal?: AbortSignal) => Promise<RedeemReceiptsPayload>;

/** The exact document sent; the field selection is everything the redeemers read. */
export const REDEEM_RECEIPTS_MUTATION = `mutation RedeemReceipts($input: RedeemReceiptsInput!) {
  redeemReceipts(input: $input) {
    results { index sessionId peerId status code message retryable segments amount }
    totalPaid
    userErrors { field code message }
  }
}`;

/** Largest batch the api takes in one call. */
export const MAX_REDEEM_BATCH = 500;

/**
 * A refusal is final unless the api says the same receipt may be paid later (`retryable`, e.g.
 * TOO_FAST: the session's playback time has to catch up); a final one is not sent again. A REFUSED
 * without a code is retried too.
 */
export function isFinalRefusal(res: { code: string | null; retryable?: boolean }): boolean {
  return !!res.code && !res.retryable;
}

/** Wait before the next round: `everyMs`, doubled per consecutive failed round, at most `maxBackoffMs`. */
export function redeemBackoffMs(failures: number, everyMs: number, maxBackoffMs: number): number {
  return failures === 0 ? everyMs : Math.min(maxBackoffMs, everyMs * 2 ** Math.min(failures, 30));
}

/** A receipt the api settled: it need not be sent again (until a newer receipt replaces it). */
export type SettledRedemption<C extends RedeemCandidate = RedeemCandidate> =
  | { status: 'PAID'; candidate: C; segments: number; amount: bigint }
  | { status: 'NOTHING_NEW'; candidate: C }
  | { status: 'REFUSED'; candidate: C; code: string };

/** What a run of calls did. */
export interface RedeemTally {
  /** Receipts sent (answered or not). */
  sent: number;
  paidReceipts: number;
  paidSegments: number;
  /** Minor units credited. */
  paidAmount: bigint;
  nothingNew: number;
  /** Final refusals by code (settled). */
  refusedBy: Record<string, number>;
  /** Transient refusals (to send again later). */
  retryLater: number;
  /** Receipts not settled because the api did not answer for them (to send again later). */
  unanswered: number;
  /** Why the api did not answer (a call threw, or answered with userErrors), if it did not. */
  error?: string;
}

export interface RedeemBatchesOptions<C extends RedeemCandidate> {
  /** Receipts per call (default and at most 500). */
  batchSize?: number;
  /** Passed to every call (e.g. to give up at exit). */
  signal?: AbortSignal;
  /** Called for every receipt the api settled (PAID, NOTHING_NEW or a final refusal), in answer order. */
  onSettled?: (settled: SettledRedemption<C>) => void;
  /** How a call's error reads in `error` (default: its message). */
  describeError?: (err: unknown) => string;
}

export function emptyRedeemTally(): RedeemTally {
  return { sent: 0, paidReceipts: 0, paidSegments: 0, paidAmount: 0n, nothingNew: 0, refusedBy: {}, retryLater: 0, unanswered: 0 };
}

/**
 * Sends `pending` to the api in batches, in order. A call that throws (or answers with what cannot be
 * read, e.g. an amount that is not an integer) ends the run: its batch and the rest are unanswered
 * (kept for later). An answer with userErrors is a failed call too (the first
 * error is reported), though the results it carries still count, and the next batches still go.
 * Every settled receipt goes to `onSettled`; the tally counts everything.
 */
export async function redeemInBatches<C extends RedeemCandidate>(
  pending: readonly C[],
  call: RedeemReceiptsCall,
  opts: RedeemBatchesOptions<C> = {},
): Promise<RedeemTally> {
  const batchSize = Math.max(1, Math.min(MAX_REDEEM_BATCH, opts.batchSize ?? MAX_REDEEM_BATCH));
  const describe = opts.describeError ?? ((err: unknown) => (err as Error)?.message ?? String(err));
  const tally = emptyRedeemTally();
  for (let at = 0; at < pending.length; at += batchSize) {
    const batch = pending.slice(at, at + batchSize);
    tally.sent += batch.length;
    let answered: boolean[];
    try {
      answered = settleBatch(
        batch,
        await call(
          batch.map((c) => c.message),
          opts.signal,
        ),
        tally,
        opts.onSettled,
      );
    } catch (err) {
      tally.error = describe(err);
      tally.unanswered += pending.length - at;
      break;
    }
    tally.unanswered += answered.filter((a) => !a).length;
  }
  return tally;
}

/** Applies one call's results to its batch (counted in `tally`); returns which receipts got an answer. */
function settleBatch<C extends RedeemCandidate>(
  batch: readonly C[],
  payload: RedeemReceiptsPayload,
  tally: RedeemTally,
  onSettled?: (s: SettledRedemption<C>) => void,
): boolean[] {
  const answered = batch.map(() => false);
  for (const res of payload.results) {
    const c = batch[res.index];
    // An answer for another receipt than the one at that index is not trusted (sent again).
    if (!c || answered[res.index] || (res.sessionId !== null && res.sessionId !== c.sessionId) || (res.peerId && res.peerId !== c.peerId))
      continue;
    answered[res.index] = true;
    if (res.status === 'PAID') {
      const amount = BigInt(res.amount);
      tally.paidReceipts++;
      tally.paidSegments += res.segments;
      tally.paidAmount += amount;
      onSettled?.({ status: 'PAID', candidate: c, segments: res.segments, amount });
    } else if (res.status === 'NOTHING_NEW') {
      tally.nothingNew++;
      onSettled?.({ status: 'NOTHING_NEW', candidate: c });
    } else if (isFinalRefusal(res)) {
      const code = res.code!;
      tally.refusedBy[code] = (tally.refusedBy[code] ?? 0) + 1;
      onSettled?.({ status: 'REFUSED', candidate: c, code });
    } else {
      tally.retryLater++;
    }
  }
  if (payload.userErrors.length && !tally.error) {
    tally.error = payload.userErrors.map((e) => `${e.message} (${e.code})`).join('; ');
  }
  return answered;
}
