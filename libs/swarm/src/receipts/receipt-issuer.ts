/**
 * The viewer's side of payment receipts (browser-safe): for the bytes each peer delivered in segments that passed
 * the hash check, a cumulative receipt signed with the playback session key (WebCrypto), wrapped
 * with the origin's session certificate, ready to send over `wt_receipt`.
 *
 * Attribution is per piece: every piece's blocks are counted per sending peer as they arrive; when a
 * segment is verified, the pieces it spans that were not credited yet are credited to the peers
 * that sent their blocks, once (a piece shared by two segments pays once).
 */
import type { Ed25519Signer } from './ed25519';
import { RECEIPT_DOMAIN, signReceipt } from './receipt';
import { encodeReceiptMessage } from './receipt-message';
import { parseSignedSessionCert, type SignedSessionCert } from './session-cert';

interface PeerAccount {
  seq: number;
  segments: number;
  bytes: number;
}

export class ReceiptIssuer {
  private readonly cert: SignedSessionCert;
  private readonly accounts = new Map<string, PeerAccount>();

  constructor(
    private readonly sessionId: string,
    certificate: string,
    private readonly signer: Ed25519Signer,
  ) {
    this.cert = parseSignedSessionCert(certificate);
  }

  /**
   * Adds `bytes` of one verified segment (`segmentCid`) to what `peerId` served this session and
   * returns the signed, cumulative receipt message to send it.
   */
  async credit(peerId: string, bytes: number, segmentCid: string): Promise<Uint8Array> {
    const a = this.accounts.get(peerId) ?? { seq: 0, segments: 0, bytes: 0 };
    this.accounts.set(peerId, a);
    a.seq += 1;
    a.segments += 1;
    a.bytes += bytes;
    const receipt = {
      domain: RECEIPT_DOMAIN,
      sessionId: this.sessionId,
      peerId,
      seq: a.seq,
      lastSegmentCid: segmentCid,
      cumulativeSegments: a.segments,
      cumulativeBytes: a.bytes,
    };
    const signature = await signReceipt(receipt, this.signer);
    return encodeReceiptMessage({ cert: this.cert, receipt, signature });
  }

  /** The cumulative segments credited to `peerId` so far (what its newest receipt says). */
  segmentsOf(peerId: string): number {
    return this.accounts.get(peerId)?.segments ?? 0;
  }

  /** Peers credited so far: platform peer id → cumulative bytes. */
  totals(): Map<string, number> {
    return new Map([...this.accounts].map(([id, a]) => [id, a.bytes]));
  }
}

/** Per piece, the bytes each sender delivered; pieces already paid for are remembered. */
export class PieceLedger<Sender> {
  private readonly senders = new Map<number, Map<Sender, number>>();
  private readonly credited = new Set<number>();

  received(piece: number, sender: Sender, bytes: number): void {
    if (this.credited.has(piece)) return;
    let m = this.senders.get(piece);
    if (!m) this.senders.set(piece, (m = new Map()));
    m.set(sender, (m.get(sender) ?? 0) + bytes);
  }

  /** Who sent blocks of this piece since it was last reset. */
  sendersOf(piece: number): Sender[] {
    return [...(this.senders.get(piece)?.keys() ?? [])];
  }

  /** Forgets what was counted for a piece that failed its check (it will be fetched again). */
  reset(piece: number): void {
    this.senders.delete(piece);
  }

  /**
   * The piece came from elsewhere (the viewer's own HTTP copy, put into the torrent): the peers that
   * had sent some of its blocks did not deliver it, and nobody is paid for it, now or later.
   */
  forgo(piece: number): void {
    this.senders.delete(piece);
    this.credited.add(piece);
  }

  /** Bytes per sender over the pieces `from..to` not yet credited; marks them credited. */
  settle(from: number, to: number): Map<Sender, number> {
    const out = new Map<Sender, number>();
    for (let i = from; i <= to; i++) {
      if (this.credited.has(i)) continue;
      const m = this.senders.get(i);
      if (!m) continue;
      this.credited.add(i);
      this.senders.delete(i);
      for (const [s, n] of m) out.set(s, (out.get(s) ?? 0) + n);
    }
    return out;
  }
}
