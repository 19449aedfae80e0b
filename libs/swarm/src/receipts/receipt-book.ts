/**
 * Peer side: checks incoming receipts and keeps the newest per session. Browser-safe (a browser
 * peer that seeds keeps one too); the server seeder gives it the Node verifier.
 */
import { EncodingError } from './bytes';
import type { Ed25519Verifier } from './ed25519';
import { decodeReceiptMessage, type ReceiptMessage } from './receipt-message';
import { RECEIPT_DOMAIN, type Receipt, verifyReceipt } from './receipt';
import { type SessionCert, verifySessionCert } from './session-cert';

export type ReceiptRefusal =
  | 'malformed'
  | 'cert-malformed'
  | 'cert-wrong-domain'
  | 'cert-bad-signature'
  | 'cert-expired'
  | 'wrong-domain'
  | 'session-mismatch'
  | 'wrong-peer'
  | 'bad-signature'
  | 'replayed'
  | 'stale-seq'
  | 'counter-not-increasing';

export interface KeptReceipt {
  cert: SessionCert;
  certSignature: Uint8Array;
  receipt: Receipt;
  signature: Uint8Array;
  acceptedAt: number;
}

export type ReceiptDecision =
  | {
      accepted: true;
      kept: KeptReceipt;
      /** What this receipt adds over the one it replaced (the whole receipt for the first one). */
      added: { segments: number; bytes: number };
    }
  | { accepted: false; reason: ReceiptRefusal; message: string };

export interface ReceiptBookOptions {
  /** Our platform peer id: receipts for anyone else are refused. */
  peerId: string;
  /** Raw Ed25519 public key of the origin (the api's certificate key). */
  originPublicKey: Uint8Array;
  verifier: Ed25519Verifier;
  now?: () => number;
}

export class ReceiptBook {
  private readonly newest = new Map<string, KeptReceipt>();
  private readonly now: () => number;

  constructor(private readonly options: ReceiptBookOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Accepts a receipt message (bytes from the wire, or already decoded). */
  async accept(input: Uint8Array | ReceiptMessage): Promise<ReceiptDecision> {
    let message: ReceiptMessage;
    try {
      message = input instanceof Uint8Array ? decodeReceiptMessage(input) : input;
    } catch (err) {
      return refuse('malformed', `Receipt message is malformed: ${err instanceof EncodingError ? err.message : String(err)}`);
    }
    const { receipt, signature } = message;
    const now = this.now();

    const certCheck = await verifySessionCert(
      message.cert.cert,
      message.cert.signature,
      this.options.originPublicKey,
      this.options.verifier,
      now,
    );
    if (!certCheck.ok) return refuse(certCheck.reason, certCheck.message);
    const cert = certCheck.cert;

    if (receipt.domain !== RECEIPT_DOMAIN) {
      return refuse('wrong-domain', `Receipt domain is ${JSON.stringify(receipt.domain)}, not ${RECEIPT_DOMAIN}`);
    }
    if (receipt.sessionId !== cert.sessionId) {
      return refuse('session-mismatch', `Receipt is for session ${receipt.sessionId} but the certificate is for session ${cert.sessionId}`);
    }
    if (receipt.peerId !== this.options.peerId) {
      return refuse('wrong-peer', `Receipt is for peer ${receipt.peerId}, not for this peer`);
    }
    // Cheap order check before the signature check (replays cost no crypto) ...
    const early = this.orderRefusal(receipt);
    if (early) return early;
    if (!(await verifyReceipt(receipt, signature, cert.sessionPublicKey, this.options.verifier))) {
      return refuse('bad-signature', 'Receipt signature does not verify with the session key of its certificate');
    }
    // ... and again after the await: another receipt of the session may have been kept meanwhile.
    const late = this.orderRefusal(receipt);
    if (late) return late;

    const previous = this.newest.get(receipt.sessionId);
    const kept: KeptReceipt = {
      cert,
      certSignature: message.cert.signature,
      receipt: { ...receipt },
      signature,
      acceptedAt: now,
    };
    this.newest.set(receipt.sessionId, kept);
    return {
      accepted: true,
      kept,
      added: {
        segments: receipt.cumulativeSegments - (previous?.receipt.cumulativeSegments ?? 0),
        bytes: receipt.cumulativeBytes - (previous?.receipt.cumulativeBytes ?? 0),
      },
    };
  }

  /**
   * Puts back receipts kept earlier (e.g. read from disk after a restart) so that replays of them are
   * still refused. No signature is checked again: the caller trusts its own store. Skips a receipt
   * for another peer, of another domain, or whose certificate names another session; keeps the newer
   * (higher seq) one when a session is already known. Returns how many were put back.
   */
  restore(kept: Iterable<KeptReceipt>): number {
    let restored = 0;
    for (const k of kept) {
      const r = k.receipt;
      if (r.peerId !== this.options.peerId || r.domain !== RECEIPT_DOMAIN || r.sessionId !== k.cert.sessionId) continue;
      const current = this.newest.get(r.sessionId);
      if (current && current.receipt.seq >= r.seq) continue;
      this.newest.set(r.sessionId, { ...k, receipt: { ...r } });
      restored++;
    }
    return restored;
  }

  /** The newest receipt kept for a session. */
  get(sessionId: string): KeptReceipt | undefined {
    return this.newest.get(sessionId);
  }

  /** Every session's newest receipt (what the peer redeems). */
  all(): KeptReceipt[] {
    return [...this.newest.values()];
  }

  get size(): number {
    return this.newest.size;
  }

  /**
   * Drops sessions whose certificate expired before `before` (redeem them first). Returns what was
   * dropped. The high-water mark of a dropped session is gone from this book: the ledger's own
   * high-water mark is what stops a replay from paying twice.
   */
  prune(before: number = this.now()): KeptReceipt[] {
    const dropped: KeptReceipt[] = [];
    for (const [sessionId, kept] of this.newest) {
      if (kept.cert.expiresAt <= before) {
        this.newest.delete(sessionId);
        dropped.push(kept);
      }
    }
    return dropped;
  }

  private orderRefusal(receipt: Receipt): ReceiptDecision | undefined {
    const kept = this.newest.get(receipt.sessionId)?.receipt;
    // A session's first receipt must still be "newer" than nothing: seq >= 1 and non-zero counters.
    const base = kept ?? { seq: 0, cumulativeSegments: 0, cumulativeBytes: 0 };
    if (kept && receipt.seq === kept.seq) return refuse('replayed', `Receipt seq ${receipt.seq} was already accepted`);
    if (receipt.seq <= base.seq) return refuse('stale-seq', `Receipt seq ${receipt.seq} is not newer than seq ${base.seq}`);
    if (receipt.cumulativeSegments <= base.cumulativeSegments || receipt.cumulativeBytes <= base.cumulativeBytes) {
      return refuse(
        'counter-not-increasing',
        `Receipt counters (${receipt.cumulativeSegments} segments, ${receipt.cumulativeBytes} bytes) do not exceed ` +
          `(${base.cumulativeSegments} segments, ${base.cumulativeBytes} bytes)`,
      );
    }
    return undefined;
  }
}

function refuse(reason: ReceiptRefusal, message: string): ReceiptDecision {
  return { accepted: false, reason, message };
}
