'use client';

/**
 * A seeding viewer's side of receipts: what other viewers send over `wt_receipt` for the bytes this
 * page served them. Checked by the shared ReceiptBook (origin-certified session, signature, newer
 * than the last, addressed to this page's platform peer id); the newest per session is kept.
 */
import { encodeReceiptMessage, ReceiptBook, toBase64Url, WebCryptoEd25519Verifier } from '@wetube/receipts';
import { p2pStats } from './p2p-stats';
import type { RedeemCandidate } from './receipt-redeemer';

export class ReceiptInbox {
  private readonly book: ReceiptBook;

  constructor(peerId: string, originPublicKey: Uint8Array) {
    this.book = new ReceiptBook({ peerId, originPublicKey, verifier: new WebCryptoEd25519Verifier() });
  }

  async accept(message: Uint8Array): Promise<void> {
    const d = await this.book.accept(message);
    if (d.accepted) {
      p2pStats.receiptsAccepted++;
      p2pStats.receiptedBytes += d.added.bytes;
    } else {
      p2pStats.receiptsRefused++;
      p2pStats.lastRefusal = d.reason;
    }
  }

  /** The newest receipt per session, as `redeemReceipts` takes it (the wt_receipt message bytes, base64url). */
  redeemable(): RedeemCandidate[] {
    return this.book.all().map((k) => ({
      sessionId: k.receipt.sessionId,
      peerId: k.receipt.peerId,
      seq: k.receipt.seq,
      message: toBase64Url(
        encodeReceiptMessage({ cert: { cert: k.cert, signature: k.certSignature }, receipt: k.receipt, signature: k.signature }),
      ),
    }));
  }
}
