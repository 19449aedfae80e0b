import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { SeederNodesService } from '@wetube/catalog';
import { OriginKeyRepository } from '@wetube/content';
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
import { PaymentSessionsService } from '../sessions/payment-sessions.service';
import { Candidate, RedeemCode, Redemption } from './redemption.types';
import { VideoSegmentsCache } from './video-segments.cache';

/**
 * The checks of receipt redemption, before any money moves: decoding, domains, the origin's
 * certificate of the session key, that the session exists and is this certificate's, that the
 * caller owns the peer id, no self-dealing, the segment is the video's, the session has a budget,
 * the newest receipt per (session, peer) of the call, and the signatures (on the verification
 * workers; certificates already verified are remembered).
 */
@Injectable()
export class ReceiptVerifier implements OnModuleDestroy {
  private readonly pool = new Ed25519VerifyPool();
  private readonly verifiedCerts = new Map<string, true>();

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: PaymentSessionsService,
    private readonly seeders: SeederNodesService,
    private readonly originKey: OriginKeyRepository,
    private readonly segments: VideoSegmentsCache,
  ) {}

  /** Ends the signature workers (the api's shutdown; benches and tests that make a verifier by hand). */
  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }

  /**
   * Checks every receipt of one call: answers the refused ones in `results` (by index) and returns the
   * accepted ones, newest per (session, peer), in call order.
   */
  async verify(
    redeemerId: string,
    inputs: Array<string | Uint8Array>,
    nowMs: number,
  ): Promise<{ results: Redemption[]; accepted: Candidate[] }> {
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
    const valid = await this.pool.verifyMany(items);
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
    return { results, accepted: [...newest.values()].sort((a, b) => a.index - b.index) };
  }

  private rememberCert(key: string): void {
    this.verifiedCerts.set(key, true);
    if (this.verifiedCerts.size > 20_000) this.verifiedCerts.delete(this.verifiedCerts.keys().next().value as string);
  }
}
