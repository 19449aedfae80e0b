import { GraphqlError } from './api.client';
import { formatClc } from './status.line';
import { MAX_REDEEM_BATCH, type RedeemApi, type ReceiptRedemption } from './redeem.client';

/** One kept receipt that changed since it was last redeemed: the newest of its (session, peer). */
export interface RedeemCandidate {
  sessionId: string;
  peerId: string;
  seq: number;
  /** base64url of `encodeReceiptMessage(...)`: what `redeemReceipts` takes. */
  message: string;
}

/** Where the receipts come from and where their redemption is remembered (the ReceiptKeeper). */
export interface RedeemSource {
  /** Kept receipts whose current seq has not been settled yet. */
  unredeemed(): RedeemCandidate[];
  /** The api settled this receipt (PAID, NOTHING_NEW or a final refusal): it need not be sent again. */
  markRedeemed(candidate: RedeemCandidate): void;
  /** Drops receipts whose certificate expired and whose newest receipt is settled. Returns how many. */
  pruneRedeemed(): number;
  /** Writes what changed (redeemed marks, pruning). */
  flush(): Promise<void>;
}

/**
 * A refusal is final unless the api says the same receipt may be paid later (`retryable`, e.g.
 * TOO_FAST: the session's playback time has to catch up); a final one is not sent again. A REFUSED
 * without a code is retried too.
 */
export function isFinalRefusal(res: { code: string | null; retryable?: boolean }): boolean {
  return !!res.code && !res.retryable;
}

/** What one round did. */
export interface RedeemRound {
  reason: 'periodic' | 'exit';
  /** Receipts sent (answered or not). */
  sent: number;
  paidReceipts: number;
  paidSegments: number;
  /** Minor units credited in this round. */
  paidAmount: bigint;
  nothingNew: number;
  /** Final refusals by code (settled). */
  refusedBy: Record<string, number>;
  /** Transient refusals (sent again next round). */
  retryLater: number;
  /** Receipts not settled because the api did not answer for them (left for the next round). */
  unanswered: number;
  /** Receipts pruned from the store after this round (expired certificate, settled). */
  pruned: number;
  /** Why the api did not answer, if it did not. */
  error?: string;
  /** True when the round was skipped (canRedeem said no). */
  skipped?: string;
}

export interface RedeemTotals {
  rounds: number;
  paidReceipts: number;
  paidSegments: number;
  /** Minor units credited since start. */
  paidAmount: bigint;
  refused: number;
  /** Consecutive rounds the api did not answer (drives the backoff). */
  failures: number;
  lastError: string | null;
}

export interface ReceiptRedeemerOptions {
  source: RedeemSource;
  api: RedeemApi;
  /** Between rounds (default 30 s). */
  everyMs?: number;
  /** Receipts per call, ≤ 500. */
  batchSize?: number;
  /** Longest wait after failed rounds (default 10 min); waits double per failed round from everyMs. */
  maxBackoffMs?: number;
  /** Returns why a round must not run now (e.g. the seeder is not registered yet), or null. */
  blockedBy?: () => string | null;
  log?: (message: string) => void;
}

/**
 * Redeems the kept receipts: every `everyMs` and once at stop (with a time limit), sends the
 * receipts that changed since they were last settled, ≤ 500 per call, to `redeemReceipts`, marks
 * the settled ones (PAID, NOTHING_NEW, final REFUSED) and prunes the expired settled ones. When the
 * api does not answer (network, 5xx, GraphQL errors) nothing is marked: the receipts are sent again
 * next round, and rounds back off (doubling up to `maxBackoffMs`) while it keeps failing.
 */
export class ReceiptRedeemer {
  private timer?: NodeJS.Timeout;
  private running?: Promise<RedeemRound>;
  private roundAbort?: AbortController;
  private stopped = false;
  private lastBlock: string | null = null;
  private readonly totals_: RedeemTotals = { rounds: 0, paidReceipts: 0, paidSegments: 0, paidAmount: 0n, refused: 0, failures: 0, lastError: null };
  private readonly everyMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  private readonly log: (message: string) => void;

  constructor(private readonly opts: ReceiptRedeemerOptions) {
    this.everyMs = opts.everyMs ?? 30_000;
    this.batchSize = Math.max(1, Math.min(MAX_REDEEM_BATCH, opts.batchSize ?? MAX_REDEEM_BATCH));
    this.maxBackoffMs = Math.max(this.everyMs, opts.maxBackoffMs ?? 600_000);
    this.log = opts.log ?? (() => undefined);
  }

  totals(): RedeemTotals {
    return { ...this.totals_ };
  }

  /** Schedules the rounds (the first after `everyMs`). */
  start(): void {
    this.schedule(this.everyMs);
  }

  /** Wait before the next round: everyMs, doubled per consecutive failed round, at most maxBackoffMs. */
  nextDelayMs(): number {
    const f = this.totals_.failures;
    return f === 0 ? this.everyMs : Math.min(this.maxBackoffMs, this.everyMs * 2 ** Math.min(f, 30));
  }

  /** One round now (waits for a round already running instead of starting a second one). */
  round(reason: RedeemRound['reason'] = 'periodic'): Promise<RedeemRound> {
    this.running ??= this.roundOnce(reason).finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Stops the rounds and redeems once more (what changed since the last round), giving up after
   * `timeoutMs`: the receipts stay kept, for the next start. Never throws.
   */
  async stop(timeoutMs = 10_000): Promise<RedeemRound | null> {
    if (this.stopped) return null;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    let deadline: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => {
      deadline = setTimeout(() => {
        this.roundAbort?.abort(new Error(`gave up after ${timeoutMs} ms`));
        resolve(null);
      }, timeoutMs);
    });
    const final = (async () => {
      await this.running?.catch(() => undefined);
      return this.round('exit');
    })().catch(() => null);
    try {
      const r = await Promise.race([final, timedOut]);
      if (r === null) this.log(`redeem at exit: no answer within ${timeoutMs} ms; the receipts stay kept for the next start`);
      return r;
    } finally {
      clearTimeout(deadline);
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.round('periodic').then(
        () => this.schedule(this.nextDelayMs()),
        (err) => {
          this.log(`redeem: ${(err as Error).message}`);
          this.schedule(this.nextDelayMs());
        },
      );
    }, ms);
    this.timer.unref?.();
  }

  private async roundOnce(reason: RedeemRound['reason']): Promise<RedeemRound> {
    const r: RedeemRound = { reason, sent: 0, paidReceipts: 0, paidSegments: 0, paidAmount: 0n, nothingNew: 0, refusedBy: {}, retryLater: 0, unanswered: 0, pruned: 0 };
    const blocked = this.opts.blockedBy?.() ?? null;
    if (blocked) {
      if (blocked !== this.lastBlock || reason === 'exit') this.log(`redeem${reason === 'exit' ? ' at exit' : ''}: not redeeming: ${blocked}`);
      this.lastBlock = blocked;
      r.skipped = blocked;
      return r;
    }
    this.lastBlock = null;
    const { source, api } = this.opts;
    const pending = source.unredeemed();
    const abort = new AbortController();
    this.roundAbort = abort;
    try {
      for (let at = 0; at < pending.length; at += this.batchSize) {
        const batch = pending.slice(at, at + this.batchSize);
        r.sent += batch.length;
        let answered: boolean[];
        try {
          answered = this.settle(batch, await api.redeemReceipts(batch.map((c) => c.message), abort.signal), r);
        } catch (err) {
          r.error = describe(err);
          r.unanswered += pending.length - at;
          break;
        }
        r.unanswered += answered.filter((a) => !a).length;
      }
    } finally {
      if (this.roundAbort === abort) this.roundAbort = undefined;
    }
    r.pruned = source.pruneRedeemed();
    try {
      await source.flush();
    } catch (err) {
      this.log(`redeem: cannot save the redeemed marks: ${(err as Error).message}`);
    }
    this.totals_.rounds++;
    this.totals_.paidReceipts += r.paidReceipts;
    this.totals_.paidSegments += r.paidSegments;
    this.totals_.paidAmount += r.paidAmount;
    this.totals_.refused += Object.values(r.refusedBy).reduce((a, b) => a + b, 0);
    if (r.error) {
      this.totals_.failures++;
      this.totals_.lastError = r.error;
    } else {
      this.totals_.failures = 0;
    }
    if (r.sent > 0 || r.pruned > 0 || reason === 'exit') this.log(this.describeRound(r));
    return r;
  }

  /** Applies one call's results to its batch; returns which receipts got an answer. */
  private settle(batch: RedeemCandidate[], payload: { results: ReceiptRedemption[]; userErrors: { code: string; message: string }[] }, r: RedeemRound): boolean[] {
    const answered = batch.map(() => false);
    for (const res of payload.results) {
      const c = batch[res.index];
      // An answer for another receipt than the one at that index is not trusted (sent again).
      if (!c || answered[res.index] || (res.sessionId !== null && res.sessionId !== c.sessionId) || (res.peerId && res.peerId !== c.peerId)) continue;
      answered[res.index] = true;
      if (res.status === 'PAID') {
        r.paidReceipts++;
        r.paidSegments += res.segments;
        r.paidAmount += BigInt(res.amount);
        this.opts.source.markRedeemed(c);
      } else if (res.status === 'NOTHING_NEW') {
        r.nothingNew++;
        this.opts.source.markRedeemed(c);
      } else if (isFinalRefusal(res)) {
        r.refusedBy[res.code!] = (r.refusedBy[res.code!] ?? 0) + 1;
        this.opts.source.markRedeemed(c);
      } else {
        r.retryLater++;
      }
    }
    if (payload.userErrors.length && !r.error) {
      r.error = payload.userErrors.map((e) => `${e.message} (${e.code})`).join('; ');
    }
    return answered;
  }

  private describeRound(r: RedeemRound): string {
    const head = r.reason === 'exit' ? 'redeem at exit' : 'redeem';
    if (r.sent === 0) return `${head}: nothing new to redeem${r.pruned ? `; pruned ${r.pruned} expired receipts` : ''}`;
    const parts = [`sent ${r.sent} receipts`, `paid ${r.paidSegments} segments, ${formatClc(r.paidAmount)} (${r.paidReceipts} receipts)`];
    if (r.nothingNew) parts.push(`nothing new ${r.nothingNew}`);
    const refused = Object.entries(r.refusedBy);
    if (refused.length) parts.push(`refused ${refused.reduce((n, [, v]) => n + v, 0)} (${refused.map(([k, v]) => `${k} ${v}`).join(', ')})`);
    if (r.retryLater) parts.push(`${r.retryLater} refused for now, sent again later`);
    if (r.unanswered) parts.push(`${r.unanswered} kept for the next round`);
    if (r.pruned) parts.push(`pruned ${r.pruned} expired receipts`);
    let line = `${head}: ${parts.join('; ')}`;
    if (r.error) line += ` (error: ${r.error}${r.reason === 'periodic' ? `; next try in ${Math.round(this.nextDelayMs() / 1000)} s` : ''})`;
    return line;
  }
}

function describe(err: unknown): string {
  if (err instanceof GraphqlError && err.codes.includes('UNAUTHENTICATED')) {
    return 'the api does not accept this --token (expired?); sign in again and restart with a new one';
  }
  return (err as Error)?.message ?? String(err);
}
