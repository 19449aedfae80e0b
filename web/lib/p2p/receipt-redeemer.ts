'use client';

/**
 * A signed-in viewer's page redeems the receipts it earned by serving other viewers (its
 * ReceiptInbox): every 30 s and on pagehide, the receipts that changed since the api last settled
 * them go to `redeemReceipts` (≤ 500 per call). PAID, NOTHING_NEW and final refusals settle a
 * receipt; a failed call (network, 5xx, GraphQL errors) settles nothing: the next round sends the
 * receipts again, backing off while it keeps failing. Anonymous viewers do not redeem (the api pays
 * the user who started the playback session, whose key the receipts name).
 */
import {
  MAX_REDEEM_BATCH,
  REDEEM_RECEIPTS_MUTATION,
  type RedeemCandidate,
  type RedeemReceiptsPayload,
  redeemBackoffMs,
  redeemInBatches,
} from '@wetube/receipts';
import { gqlRequest } from '@/lib/api';
import { p2pStats } from './p2p-stats';

export type { RedeemCandidate };

/** Sends one batch; throws when the api does not answer with a payload. */
export type RedeemSend = (receipts: string[], opts: { keepalive: boolean }) => Promise<RedeemReceiptsPayload>;

/** A keepalive fetch may carry at most 64 KiB of body (all such requests of the page together). */
const KEEPALIVE_BODY_BYTES = 60_000;

/** `redeemReceipts` over fetch with the page's sign-in cookie; `keepalive` so it outlives the page. */
export const sendRedeem: RedeemSend = async (receipts, { keepalive }) => {
  // The document is the one the seeder sends too (@wetube/receipts), typed there by hand.
  const data = await gqlRequest<{ redeemReceipts?: RedeemReceiptsPayload | null }, { input: { receipts: string[] } }>(
    REDEEM_RECEIPTS_MUTATION,
    { input: { receipts } },
    { keepalive },
  );
  const p = data.redeemReceipts;
  if (!p || !Array.isArray(p.results) || !Array.isArray(p.userErrors)) throw new Error('redeemReceipts answered without a payload');
  return p;
};

export interface ReceiptRedeemerOptions {
  /** The inbox's newest receipt per (session, peer). */
  receipts: () => RedeemCandidate[];
  /** False while the page must not redeem (nobody signed in, or not the viewer who started the session). */
  canRedeem: () => boolean;
  send?: RedeemSend;
  everyMs?: number;
  maxBackoffMs?: number;
}

export class ReceiptRedeemer {
  /** (session, peer) → newest seq the api settled. */
  private readonly settled = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;
  private readonly send: RedeemSend;
  private readonly everyMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly opts: ReceiptRedeemerOptions) {
    this.send = opts.send ?? sendRedeem;
    this.everyMs = opts.everyMs ?? 30_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 600_000;
  }

  start(): void {
    this.schedule();
  }

  /** Stops the rounds; `flush` (e.g. on leaving) sends what changed one last time, keepalive. */
  stop(flush = true): void {
    if (this.stopped) return;
    if (flush) this.flushNow();
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * On pagehide: sends what has not been settled (also what a round in flight carries: that fetch
   * dies with the page) with `keepalive`, as much as fits in its 64 KiB body budget. Not awaited.
   */
  flushNow(): void {
    if (this.stopped || !this.opts.canRedeem()) return;
    const batch: RedeemCandidate[] = [];
    let bytes = REDEEM_RECEIPTS_MUTATION.length + 64;
    for (const c of this.changed()) {
      bytes += c.message.length + 3;
      if (bytes > KEEPALIVE_BODY_BYTES || batch.length >= MAX_REDEEM_BATCH) break;
      batch.push(c);
    }
    if (batch.length) void this.redeem(batch, true);
  }

  /** One round now (a round already running is joined). */
  round(): Promise<void> {
    this.running ??= this.roundOnce().finally(() => (this.running = null));
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = redeemBackoffMs(this.failures, this.everyMs, this.maxBackoffMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.round().finally(() => this.schedule());
    }, delay);
  }

  private changed(): RedeemCandidate[] {
    return this.opts.receipts().filter((c) => (this.settled.get(keyOf(c)) ?? 0) < c.seq);
  }

  private async roundOnce(): Promise<void> {
    if (!this.opts.canRedeem()) return;
    const pending = this.changed();
    const { error } = await this.redeem(pending, false);
    this.failures = error !== undefined ? this.failures + 1 : 0;
    if (error !== undefined) p2pStats.lastRedeemError = error;
    else if (pending.length) p2pStats.lastRedeemError = null;
  }

  /** Sends the receipts (≤ 500 per call) and settles what the api answered for. */
  private redeem(receipts: RedeemCandidate[], keepalive: boolean) {
    return redeemInBatches(receipts, (messages) => this.send(messages, { keepalive }), {
      onSettled: (s) => {
        const key = keyOf(s.candidate);
        // A duplicate answer (the same receipt sent by a round and by pagehide) is counted once.
        if ((this.settled.get(key) ?? 0) >= s.candidate.seq) return;
        this.settled.set(key, s.candidate.seq);
        if (s.status === 'PAID') {
          p2pStats.receiptsRedeemed++;
          p2pStats.redeemedSegments += s.segments;
          p2pStats.redeemedAmount = (BigInt(p2pStats.redeemedAmount) + s.amount).toString();
        } else if (s.status === 'REFUSED') {
          p2pStats.redeemRefused++;
          p2pStats.lastRedeemRefusal = s.code;
        }
      },
    });
  }
}

function keyOf(c: RedeemCandidate): string {
  return `${c.sessionId}\n${c.peerId}`;
}
