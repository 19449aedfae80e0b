import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountKind, LedgerError, LedgerService } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import { ReceiptVerifier } from './receipt.verifier';
import { ReceiptsRepository, Reward } from './receipts.repository';
import { allowedSegments, decayedAmount, PAIR_WINDOW_MS } from './redeem.rules';
import { Candidate, MAX_RECEIPTS_PER_CALL, RedeemCode, Redemption } from './redemption.types';

export { MAX_RECEIPTS_PER_CALL, type RedeemCode, type RedeemStatus, type Redemption } from './redemption.types';

interface Mark {
  seq: number;
  segments: number;
  bytes: number;
  paid: bigint;
  peerUserId: string;
  changed: boolean;
}

interface Pair {
  windowStart: Date;
  segments: number;
  changed: boolean;
}

/**
 * Peers redeem the newest cumulative receipt per (session, peer). Each receipt is checked by
 * {@link ReceiptVerifier} (decoding, certificate, session, ownership, segment, signatures), then all accepted ones are paid in ONE database transaction: the holds
 * and peers' accounts are locked, the stored high-water marks read, and each receipt pays the
 * segments it adds over its mark (at the configured price, decayed for a viewer-peer pair that
 * repeats) as its own journal entry from the session's hold to the peer's pending account — never
 * faster than real-time playback allows, never beyond the hold. High-water marks only go up.
 */
@Injectable()
export class ReceiptRedemptionService {
  constructor(
    private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly verifier: ReceiptVerifier,
    private readonly receipts: ReceiptsRepository,
  ) {}

  async redeem(redeemerId: string, inputs: Array<string | Uint8Array>, nowMs = Date.now()): Promise<Redemption[]> {
    if (inputs.length > MAX_RECEIPTS_PER_CALL)
      throw new LedgerError('INVALID_COMMAND', `at most ${MAX_RECEIPTS_PER_CALL} receipts per call`);
    const { results, accepted } = await this.verifier.verify(redeemerId, inputs, nowMs);
    if (accepted.length > 0) await this.pay(accepted, results, nowMs);
    return results;
  }

  private async pay(accepted: Candidate[], results: Redemption[], nowMs: number): Promise<void> {
    const pending = new Map<string, string>();
    for (const userId of new Set(accepted.map((c) => c.peerUserId)))
      pending.set(userId, (await this.ledger.openAccount(AccountKind.USER_PENDING, userId)).id);
    const price = this.config.payments.pricePerSegment;
    const decaySegments = this.config.payments.pairDecaySegments;
    const now = new Date(nowMs);
    // One journal entry per call; its key names the receipts it settles (each can settle only once: the marks).
    const key = `redeem:${createHash('sha256')
      .update(
        accepted
          .map((c) => `${c.session.id}:${c.message.receipt.peerId}:${c.message.receipt.seq}:${c.message.receipt.cumulativeSegments}`)
          .join('\n'),
      )
      .digest('base64url')}`;
    const sessionCount = new Set(accepted.map((c) => c.session.id)).size;
    const entry = {
      idempotencyKey: key,
      kind: 'PEER_REWARD',
      memo: `Segments served in ${sessionCount} playback session${sessionCount === 1 ? '' : 's'}`,
    };

    const outcome = await this.ledger.batch(entry, async (batch) => {
      const out: Redemption[] = [];
      await batch.lock(
        accepted.map((c) => c.session.holdId!),
        [...pending.values()],
      );
      const sessionIds = [...new Set(accepted.map((c) => c.session.id))];
      const markOf = new Map<string, Mark>();
      const sessionTotal = new Map<string, number>();
      for (const m of await this.receipts.marksOf(sessionIds)) {
        markOf.set(`${m.sessionId}\u0000${m.peerId}`, { ...m, changed: false });
        sessionTotal.set(m.sessionId, (sessionTotal.get(m.sessionId) ?? 0) + m.segments);
      }
      const pairs = await this.loadPairs(accepted, now);
      const rewards: Reward[] = [];

      for (const c of accepted) {
        const { receipt } = c.message;
        const base = { index: c.index, sessionId: c.session.id, peerId: receipt.peerId };
        const refuse = (code: RedeemCode, message: string) =>
          out.push({ ...base, status: 'REFUSED', code, message, segments: 0, amount: 0n });
        const hold = batch.hold(c.session.holdId!);
        if (!hold || hold.status !== 'OPEN') {
          refuse('SESSION_CLOSED', `Playback session ${c.session.id} is over and its budget was released.`);
          continue;
        }
        const markKey = `${c.session.id}\u0000${receipt.peerId}`;
        const mark = markOf.get(markKey) ?? { seq: 0, segments: 0, bytes: 0, paid: 0n, peerUserId: c.peerUserId, changed: false };
        if (receipt.seq <= mark.seq) {
          if (receipt.seq === mark.seq) refuse('REPLAYED', `Receipt ${receipt.seq} of this session and peer was already redeemed.`);
          else refuse('STALE', `Receipt ${receipt.seq} is older than the redeemed receipt ${mark.seq}.`);
          continue;
        }
        if (receipt.cumulativeSegments < mark.segments || receipt.cumulativeBytes < mark.bytes) {
          refuse('STALE', `Receipt ${receipt.seq} counts fewer segments or bytes than the redeemed receipt ${mark.seq}.`);
          continue;
        }
        const added = receipt.cumulativeSegments - mark.segments;
        const total = (sessionTotal.get(c.session.id) ?? 0) + added;
        const allowed = allowedSegments(c.session, nowMs);
        if (total > allowed) {
          refuse(
            'TOO_FAST',
            `Session ${c.session.id} would have ${total} paid segments after ${Math.round((nowMs - c.session.startedAt.getTime()) / 1000)} s; real-time playback allows ${allowed}.`,
          );
          continue;
        }
        if (added === 0) {
          Object.assign(mark, { seq: receipt.seq, bytes: receipt.cumulativeBytes, changed: true });
          markOf.set(markKey, mark);
          out.push({ ...base, status: 'NOTHING_NEW', code: null, message: null, segments: 0, amount: 0n });
          continue;
        }
        const pairKey = `${c.session.viewerKey}\u0000${c.peerUserId}`;
        const pair = pairs.get(pairKey)!;
        const amount = decayedAmount(price, pair.segments, added, decaySegments);
        if (amount > 0n) {
          try {
            batch.settle({ holdId: c.session.holdId!, toId: pending.get(c.peerUserId)!, amount });
            rewards.push({
              entryId: batch.entryId,
              sessionId: c.session.id,
              peerId: receipt.peerId,
              peerUserId: c.peerUserId,
              segments: added,
            });
          } catch (err) {
            if (!(err instanceof LedgerError)) throw err;
            if (err.code === 'HOLD_EXCEEDED')
              refuse(
                'HOLD_EXCEEDED',
                `Session ${c.session.id}'s budget has ${batch.holdLeft(c.session.holdId!)} left, not the ${amount} this receipt asks.`,
              );
            else refuse('SESSION_CLOSED', err.message);
            continue;
          }
        }
        Object.assign(mark, {
          seq: receipt.seq,
          segments: receipt.cumulativeSegments,
          bytes: receipt.cumulativeBytes,
          paid: mark.paid + amount,
          changed: true,
        });
        markOf.set(markKey, mark);
        sessionTotal.set(c.session.id, total);
        pair.segments += added;
        pair.changed = true;
        if (amount === 0n) refuse('FULLY_DECAYED', 'This viewer and peer have been paired too often today: nothing is paid.');
        else out.push({ ...base, status: 'PAID', code: null, message: null, segments: added, amount });
      }

      await this.receipts.saveMarks(
        [...markOf]
          .filter(([, m]) => m.changed)
          .map(([key, m]) => ({ ...m, sessionId: key.split('\u0000')[0], peerId: key.split('\u0000')[1] })),
        now,
      );
      await this.receipts.insertRewards(rewards, now);
      // Pair counters in key order (two calls updating the same pairs take their row locks in one order).
      await this.receipts.savePairs(
        [...pairs]
          .filter(([, p]) => p.changed)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, p]) => ({
            viewerKey: key.split('\u0000')[0],
            peerUserId: key.split('\u0000')[1],
            windowStart: p.windowStart,
            segments: p.segments,
          })),
      );
      return out;
    });
    for (const r of outcome) results[r.index] = r;
  }

  /** The viewer-peer pairs' counters, reset when their 24-hour window has passed. */
  private async loadPairs(accepted: Candidate[], now: Date): Promise<Map<string, Pair>> {
    const keys = [...new Set(accepted.map((c) => `${c.session.viewerKey}\u0000${c.peerUserId}`))];
    const pairs = new Map<string, Pair>();
    for (const p of await this.receipts.pairsOf(keys.map((k) => k.split('\u0000') as [string, string])))
      pairs.set(`${p.viewerKey}\u0000${p.peerUserId}`, { windowStart: p.windowStart, segments: p.segments, changed: false });
    for (const k of keys) {
      const p = pairs.get(k);
      if (!p || now.getTime() - p.windowStart.getTime() >= PAIR_WINDOW_MS) pairs.set(k, { windowStart: now, segments: 0, changed: true });
    }
    return pairs;
  }
}
