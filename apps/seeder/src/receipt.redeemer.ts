import { emptyRedeemTally, type RedeemCandidate, redeemBackoffMs, redeemInBatches, type RedeemTally } from '@wetube/swarm';
import { GraphqlError } from './graphql.client';
import type { RedeemApi } from './redeem.client';
import { statusClc } from './status.line';

export type { RedeemCandidate };

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

/** What one round did. */
export interface RedeemRound extends RedeemTally {
  reason: 'periodic' | 'exit';
  /** Receipts pruned from the store after this round (expired certificate, settled). */
  pruned: number;
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
  private readonly totals_: RedeemTotals = {
    rounds: 0,
    paidReceipts: 0,
    paidSegments: 0,
    paidAmount: 0n,
    refused: 0,
    failures: 0,
    lastError: null,
  };
  private readonly everyMs: number;
  private readonly maxBackoffMs: number;
  private readonly log: (message: string) => void;

  constructor(private readonly opts: ReceiptRedeemerOptions) {
    this.everyMs = opts.everyMs ?? 30_000;
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
    return redeemBackoffMs(this.totals_.failures, this.everyMs, this.maxBackoffMs);
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
    const blocked = this.opts.blockedBy?.() ?? null;
    if (blocked) {
      if (blocked !== this.lastBlock || reason === 'exit')
        this.log(`redeem${reason === 'exit' ? ' at exit' : ''}: not redeeming: ${blocked}`);
      this.lastBlock = blocked;
      return { reason, ...emptyRedeemTally(), pruned: 0, skipped: blocked };
    }
    this.lastBlock = null;
    const { source, api } = this.opts;
    const abort = new AbortController();
    this.roundAbort = abort;
    let tally: RedeemTally;
    try {
      tally = await redeemInBatches(source.unredeemed(), (receipts, signal) => api.redeemReceipts(receipts, signal), {
        batchSize: this.opts.batchSize,
        signal: abort.signal,
        onSettled: (s) => source.markRedeemed(s.candidate),
        describeError: describe,
      });
    } finally {
      if (this.roundAbort === abort) this.roundAbort = undefined;
    }
    const r: RedeemRound = { reason, ...tally, pruned: source.pruneRedeemed() };
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

  private describeRound(r: RedeemRound): string {
    const head = r.reason === 'exit' ? 'redeem at exit' : 'redeem';
    if (r.sent === 0) return `${head}: nothing new to redeem${r.pruned ? `; pruned ${r.pruned} expired receipts` : ''}`;
    const parts = [`sent ${r.sent} receipts`, `paid ${r.paidSegments} segments, ${statusClc(r.paidAmount)} (${r.paidReceipts} receipts)`];
    if (r.nothingNew) parts.push(`nothing new ${r.nothingNew}`);
    const refused = Object.entries(r.refusedBy);
    if (refused.length)
      parts.push(`refused ${refused.reduce((n, [, v]) => n + v, 0)} (${refused.map(([k, v]) => `${k} ${v}`).join(', ')})`);
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
