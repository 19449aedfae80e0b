'use client';

/**
 * Receipts on the wire: every WebTorrent wire gets the `wt_receipt` BEP 10 extension (which tells
 * each side the other's platform peer id); blocks are counted per piece and sender; when a segment
 * passes its hash check, each peer that sent its pieces gets a signed cumulative receipt, and
 * receipts other viewers send this page go to its inbox.
 */
import { receiptExtension, type PieceLedger, type ReceiptExtension, type ReceiptIssuer } from '@wetube/receipts';
import { p2pStats } from './p2p-stats';
import type { ReceiptInbox } from './receipt-inbox';

/** The slice of a bittorrent-protocol wire used here. */
export interface PayableWire {
  use(ext: unknown): void;
  on(ev: 'piece', fn: (index: number, offset: number, block: Uint8Array) => void): void;
  wt_receipt?: ReceiptExtension;
}

export class PeerPayments {
  private readonly Extension: unknown;

  constructor(
    localPeerId: string,
    private readonly issuer: ReceiptIssuer,
    inbox: ReceiptInbox | null,
    /** Every block received from a peer (the fetch policy's measure of peer throughput). */
    private readonly onBlock: (bytes: number) => void = () => undefined,
  ) {
    this.Extension = receiptExtension({ localPeerId, onReceipt: (message) => void inbox?.accept(message) });
  }

  /** Call on every new wire (before its handshake completes), with the ledger of its torrent. */
  attach<W extends PayableWire>(wire: W, ledger: PieceLedger<W>): void {
    wire.use(this.Extension);
    wire.on('piece', (index, _offset, block) => {
      ledger.received(index, wire, block.length);
      this.onBlock(block.length);
    });
  }

  /** A segment spanning pieces `from..to` passed its check: receipts to the peers that sent them. */
  async settle(ledger: PieceLedger<PayableWire>, from: number, to: number, segmentCid: string | undefined): Promise<void> {
    if (!segmentCid) return;
    for (const [wire, bytes] of ledger.settle(from, to)) {
      const ext = wire.wt_receipt;
      if (!ext?.remotePeerId || !ext.supported) continue;
      try {
        const message = await this.issuer.credit(ext.remotePeerId, bytes, segmentCid);
        if (ext.send(message)) {
          p2pStats.receiptsSent++;
          p2pStats.signedSegments[ext.remotePeerId] = this.issuer.segmentsOf(ext.remotePeerId);
        }
      } catch {
        /* the wire closed meanwhile: its next receipt (cumulative) covers these bytes */
      }
    }
  }
}
