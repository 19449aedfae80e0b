import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SeederNodesService } from '@wetube/catalog';
import { OriginKeyRepository } from '@wetube/content';
import { AccountKind, LedgerError, LedgerService } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import {
  decodeReceiptMessageWithBytes,
  Ed25519VerifyPool,
  fromBase64Url,
  RECEIPT_DOMAIN,
  SESSION_CERT_DOMAIN,
  toBase64Url,
  type ReceiptMessage,
  type VerifyItem,
} from '@wetube/swarm';
import { PaymentSession, PaymentSessionsService } from '../sessions/payment-sessions.service';
import { allowedSegments, decayedAmount, PAIR_WINDOW_MS } from './redeem.rules';
import { ReceiptsRepository, Reward } from './receipts.repository';
import { VideoSegmentsCache } from './video-segments.cache';

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

interface Candidate {
  index: number;
  message: ReceiptMessage;
  certBytes: Uint8Array;
  receiptBytes: Uint8Array;
  session: PaymentSession;
  peerUserId: string;
}

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
 * Peers redeem the newest cumulative receipt per (session, peer). Each receipt is checked (decoding,
 * domains, the origin's certificate of the session key, that the session exists and is this
 * certificate's, that the caller owns the peer id, no self-dealing, the segment is the video's, the
 * session key's signature), then all accepted ones are paid in ONE database transaction: the holds
 * and peers' accounts are locked, the stored high-water marks read, and each receipt pays the
 * segments it adds over its mark (at the configured price, decayed for a viewer-peer pair that
 * repeats) as its own journal entry from the session's hold to the peer's pending account — never
 * faster than real-time playback allows, never beyond the hold. High-water marks only go up.
 */
@Injectable()
export class ReceiptRedemptionService {
  private readonly verifier = new Ed25519VerifyPool();
  private readonly verifiedCerts = new Map<string, true>();

  constructor(
    private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly sessions: PaymentSessionsService,
    private readonly seeders: SeederNodesService,
    private readonly originKey: OriginKeyRepository,
    private readonly segments: VideoSegmentsCache,
    private readonly receipts: ReceiptsRepository,
  ) {}

  async redeem(redeemerId: string, inputs: Array<string | Uint8Array>, nowMs = Date.now()): Promise<Redemption[]> {
    if (inputs.length > MAX_RECEIPTS_PER_CALL)
      throw new LedgerError('INVALID_COMMAND', `at most ${MAX_RECEIPTS_PER_CALL} receipts per call`);
    const results: Redemption[] = [];
    const refuse = (index: number, code: RedeemCode, message: string, m?: ReceiptMessage): void => {
      results[index] = {
        index,
        sessionId: m?.receipt.sessionId ?? null,
        peerId: m?.receipt.peerId ?? null,
        status: 'REFUSED',
        code,
        message,
        segments: 0,
        amount: 0n,
      };
    };

    // 1. Decode.
    const decoded: Array<{ index: number; message: ReceiptMessage; certBytes: Uint8Array; receiptBytes: Uint8Array }> = [];
    inputs.forEach((input, index) => {
      try {
        const bytes = typeof input === 'string' ? fromBase64Url(input) : input;
        decoded.push({ index, ...decodeReceiptMessageWithBytes(bytes) });
      } catch (err) {
        refuse(index, 'MALFORMED', `Receipt ${index} is not a receipt message: ${(err as Error).message}`);
      }
    });

    // 2. Look up sessions and who the peers pay.
    const sessions = await this.sessions.many(decoded.map((d) => d.message.receipt.sessionId));
    const peerIds = decoded.map((d) => d.message.receipt.peerId);
    const seederOwners = await this.seeders.ownersOf(peerIds);
    const browserPeers = await this.sessions.byPublicKeys(peerIds.filter((p) => !seederOwners.has(p)));
    const ownerOf = (peerId: string): string | null => seederOwners.get(peerId) ?? browserPeers.get(peerId)?.viewerId ?? null;

    // 3. Cheap checks first: nothing here costs a signature verification.
    const cheap: Candidate[] = [];
    for (const { index, message, certBytes, receiptBytes } of decoded) {
      const { receipt, cert } = message;
      if (receipt.domain !== RECEIPT_DOMAIN) {
        refuse(index, 'WRONG_DOMAIN', `Receipt domain is ${JSON.stringify(receipt.domain)}, not ${RECEIPT_DOMAIN}.`, message);
        continue;
      }
      if (receipt.sessionId !== cert.cert.sessionId) {
        refuse(
          index,
          'SESSION_MISMATCH',
          `Receipt is for session ${receipt.sessionId} but its certificate is for session ${cert.cert.sessionId}.`,
          message,
        );
        continue;
      }
      const session = sessions.get(receipt.sessionId);
      if (!session) {
        refuse(index, 'SESSION_UNKNOWN', `There is no playback session ${receipt.sessionId}.`, message);
        continue;
      }
      if (session.sessionPublicKey !== toBase64Url(cert.cert.sessionPublicKey) || session.videoId !== cert.cert.videoId) {
        refuse(index, 'CERT_INVALID', `The certificate does not match playback session ${session.id} (other key or video).`, message);
        continue;
      }
      const owner = ownerOf(receipt.peerId);
      if (owner !== redeemerId) {
        refuse(index, 'NOT_YOUR_PEER', `Peer ${receipt.peerId.slice(0, 12)}… is not one of your seeders or playback sessions.`, message);
        continue;
      }
      if (receipt.peerId === session.sessionPublicKey || (session.viewerId !== null && session.viewerId === owner)) {
        refuse(index, 'SELF_DEALING', 'A viewer cannot be paid for serving itself.', message);
        continue;
      }
      const facts = await this.segments.of(session.videoId);
      if (!facts?.cids.has(receipt.lastSegmentCid)) {
        refuse(
          index,
          'WRONG_SEGMENT',
          `Segment ${receipt.lastSegmentCid.slice(0, 20)}… is not a segment of video ${session.videoId}.`,
          message,
        );
        continue;
      }
      if (!session.holdId) {
        refuse(index, 'NO_BUDGET', `Playback session ${session.id} has no bandwidth budget to pay from.`, message);
        continue;
      }
      cheap.push({ index, message, certBytes, receiptBytes, session, peerUserId: owner });
    }

    // 4. Only the newest receipt per (session, peer) of this call counts (so older ones cost no verification).
    const newest = new Map<string, Candidate>();
    for (const c of cheap) {
      const key = `${c.session.id}\u0000${c.message.receipt.peerId}`;
      const seen = newest.get(key);
      if (!seen || c.message.receipt.seq > seen.message.receipt.seq) {
        if (seen) refuse(seen.index, 'SUPERSEDED', 'A newer receipt of this session and peer is in the same call.', seen.message);
        newest.set(key, c);
      } else {
        refuse(c.index, 'SUPERSEDED', 'A newer receipt of this session and peer is in the same call.', c.message);
      }
    }

    // 5. Signatures, all at once on the verification workers: the origin's over each session
    // certificate not yet seen (then remembered), the session key's over each receipt.
    const originPublicKey = new Uint8Array(this.originKey.publicKeyRaw());
    const graceMs = this.config.payments.redeemGraceSec * 1000;
    const survivors = [...newest.values()];
    const certChecks = new Map<string, number>();
    const items: VerifyItem[] = [];
    for (const c of survivors) {
      const certKey = `${c.session.id}:${toBase64Url(c.message.cert.signature)}`;
      if (!this.verifiedCerts.has(certKey) && !certChecks.has(certKey)) {
        certChecks.set(certKey, items.length);
        items.push({ message: c.certBytes, signature: c.message.cert.signature, publicKey: originPublicKey });
      }
    }
    const firstReceipt = items.length;
    for (const c of survivors)
      items.push({ message: c.receiptBytes, signature: c.message.signature, publicKey: c.message.cert.cert.sessionPublicKey });
    const valid = await this.verifier.verifyMany(items);
    for (const [certKey, at] of certChecks) if (valid[at]) this.rememberCert(certKey);
    survivors.forEach((c, k) => {
      const { cert } = c.message;
      const certKey = `${c.session.id}:${toBase64Url(cert.signature)}`;
      let refused: [RedeemCode, string] | null = null;
      if (cert.cert.domain !== SESSION_CERT_DOMAIN || !this.verifiedCerts.has(certKey)) {
        refused = ['CERT_INVALID', 'The session certificate is not signed by the origin key.'];
      } else if (cert.cert.expiresAt + graceMs <= nowMs) {
        // Receipts stay redeemable for the redeem grace after the certificate expires.
        refused = ['CERT_EXPIRED', `Session certificate expired at ${new Date(cert.cert.expiresAt).toISOString()}`];
      } else if (!valid[firstReceipt + k]) {
        refused = ['BAD_SIGNATURE', "The receipt is not signed by the session's key."];
      }
      if (refused) {
        refuse(c.index, refused[0], refused[1], c.message);
        newest.delete(`${c.session.id}\u0000${c.message.receipt.peerId}`);
      }
    });
    const accepted = [...newest.values()].sort((a, b) => a.index - b.index);
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

  private rememberCert(key: string): void {
    this.verifiedCerts.set(key, true);
    if (this.verifiedCerts.size > 20_000) this.verifiedCerts.delete(this.verifiedCerts.keys().next().value as string);
  }
}
