import {
  decodeReceiptMessage,
  encodeReceiptMessage,
  fromBase64Url,
  type KeptReceipt,
  NodeEd25519Verifier,
  ReceiptBook,
  type ReceiptDecision,
  type ReceiptRefusal,
  toBase64Url,
} from '@wetube/swarm';
import type { RedeemCandidate, RedeemSource } from './receipt.redeemer';
import type { ReceiptsFile, StoredReceipt } from './seeder.store';

/** Where the keeper reads and writes receipts.json (SeederStore). */
export interface ReceiptsStorage {
  readonly receiptsPath: string;
  readReceipts(): Promise<{ file: ReceiptsFile | null; movedTo?: string }>;
  writeReceipts(file: ReceiptsFile): Promise<void>;
}

export interface ReceiptKeeperOptions {
  /** The seeder's platform peer id (base64url public key): receipts must name it. */
  peerId: string;
  storage: ReceiptsStorage;
  /** The origin's raw Ed25519 public key (the api's /.well-known/wetube-origin.json, or one given). */
  originKey: () => Promise<Uint8Array>;
  log?: (message: string) => void;
  /** Refusals go here, at most one line per reason per `refusalLogEveryMs`. */
  debug?: (message: string) => void;
  /** receipts.json is written this long after the first change (changes in between share the write). */
  flushDelayMs?: number;
  refusalLogEveryMs?: number;
  /** After a failed origin-key read, the next attempt waits this long. */
  originRetryMs?: number;
  now?: () => number;
}

/** Why a message was refused: the book's reasons, or no origin key to check certificates against yet. */
export type KeeperRefusal = ReceiptRefusal | 'no-origin-key';
export type KeeperDecision = ReceiptDecision | { accepted: false; reason: 'no-origin-key'; message: string };

export interface ReceiptStats {
  /** Sessions with a kept receipt. */
  kept: number;
  /** Sum of the kept receipts' cumulativeBytes (what the seeder can redeem). */
  bytes: number;
  /** Since start. */
  accepted: number;
  refused: number;
  refusedBy: Partial<Record<KeeperRefusal, number>>;
}

/**
 * The seeder's receipts: checks what peers send over wt_receipt with a ReceiptBook, keeps the newest
 * receipt per session in receipts.json (debounced, atomic) and puts them back after a restart, so a
 * receipt replayed after a restart is still refused. No WebTorrent here: the wire side is the
 * `receiptExtension` the service puts on every wire.
 *
 * It is also the redeemer's source: it remembers, per session, the newest seq the api settled
 * (`redeemedSeq` in receipts.json, so a restart does not send everything again), hands out the
 * receipts that changed since, and prunes the settled ones whose certificate expired.
 */
export class ReceiptKeeper implements RedeemSource {
  private book?: ReceiptBook;
  /** Loaded from disk, waiting for the origin key (the book needs it). */
  private loaded: KeptReceipt[] = [];
  /** Entries of receipts.json this seeder cannot use (another peer id, undecodable): written back unchanged. */
  private foreign: StoredReceipt[] = [];
  private bytes = 0;
  private accepted = 0;
  private refused = 0;
  private readonly refusedBy: Partial<Record<KeeperRefusal, number>> = {};
  /** sessionId → the newest seq the api settled (PAID, NOTHING_NEW or a final refusal). */
  private readonly redeemedSeq = new Map<string, number>();
  private readonly logGates = new Map<KeeperRefusal, { at: number; suppressed: number }>();
  private keyAttempt?: Promise<ReceiptBook | undefined>;
  private keyFailedAt = -Infinity;
  private dirty = false;
  private flushTimer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private readonly debug: (message: string) => void;

  constructor(private readonly opts: ReceiptKeeperOptions) {
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? (() => undefined);
    this.debug = opts.debug ?? (() => undefined);
  }

  /**
   * Reads receipts.json and starts reading the origin key without waiting for it (an unreachable api
   * must not hold up seeding; a receipt arriving meanwhile waits for that read). A failure is logged
   * and retried later.
   */
  async start(): Promise<void> {
    const { file, movedTo } = await this.opts.storage.readReceipts();
    if (movedTo) this.log(`receipts: ${this.opts.storage.receiptsPath} was not a receipts file; moved to ${movedTo}, starting empty`);
    let undecodable = 0;
    for (const entry of file?.receipts ?? []) {
      let kept: KeptReceipt;
      try {
        const m = decodeReceiptMessage(fromBase64Url(entry.message));
        kept = {
          cert: m.cert.cert,
          certSignature: m.cert.signature,
          receipt: m.receipt,
          signature: m.signature,
          acceptedAt: entry.acceptedAt,
        };
      } catch {
        undecodable++;
        this.foreign.push(entry);
        continue;
      }
      if (kept.receipt.peerId !== this.opts.peerId) {
        this.foreign.push(entry);
      } else {
        this.loaded.push(kept);
        if (Number.isSafeInteger(entry.redeemedSeq)) this.redeemedSeq.set(kept.receipt.sessionId, entry.redeemedSeq!);
      }
    }
    if (undecodable)
      this.log(`receipts: ${undecodable} entries of ${this.opts.storage.receiptsPath} cannot be decoded; kept in the file as they are`);
    const other = this.foreign.length - undecodable;
    if (other)
      this.log(
        `receipts: ${other} receipts in ${this.opts.storage.receiptsPath} name another peer id (an older seeder key?); kept in the file, not used`,
      );
    this.bytes = this.loaded.reduce((n, k) => n + k.receipt.cumulativeBytes, 0);
    if (this.loaded.length) this.log(`receipts: ${this.loaded.length} kept receipts loaded (${this.bytes} bytes receipted)`);
    void this.ready();
  }

  /**
   * The book, once the origin key is known (reads it at most once per `originRetryMs` while it fails).
   * Resolves undefined while there is no key.
   */
  ready(): Promise<ReceiptBook | undefined> {
    if (this.book) return Promise.resolve(this.book);
    if (this.keyAttempt) return this.keyAttempt;
    if (this.now() - this.keyFailedAt < (this.opts.originRetryMs ?? 30_000)) return Promise.resolve(undefined);
    this.keyAttempt = this.opts
      .originKey()
      .then(
        (originPublicKey) => {
          const book = new ReceiptBook({ peerId: this.opts.peerId, originPublicKey, verifier: new NodeEd25519Verifier(), now: this.now });
          book.restore(this.loaded);
          this.loaded = [];
          this.book = book;
          this.bytes = book.all().reduce((n, k) => n + k.receipt.cumulativeBytes, 0);
          return book;
        },
        (err) => {
          this.keyFailedAt = this.now();
          this.log(`receipts: cannot read the origin key (${(err as Error).message}); receipts are refused until it can be read`);
          return undefined;
        },
      )
      .finally(() => (this.keyAttempt = undefined));
    return this.keyAttempt;
  }

  /** Checks one wt_receipt message from `from` (for logs) and keeps it if it is the session's newest. */
  async accept(message: Uint8Array, from: string): Promise<KeeperDecision> {
    const book = await this.ready();
    const decision: KeeperDecision = book
      ? await book.accept(message)
      : { accepted: false, reason: 'no-origin-key', message: 'The origin key is not known yet: certificates cannot be checked' };
    if (decision.accepted) {
      this.accepted++;
      this.bytes += decision.added.bytes;
      this.markDirty();
    } else {
      this.noteRefusal(decision.reason, decision.message, from);
    }
    return decision;
  }

  stats(): ReceiptStats {
    return {
      kept: this.book ? this.book.size : this.loaded.length,
      bytes: this.bytes,
      accepted: this.accepted,
      refused: this.refused,
      refusedBy: { ...this.refusedBy },
    };
  }

  /** The kept receipts (newest per session). */
  kept(): KeptReceipt[] {
    return this.book ? this.book.all() : [...this.loaded];
  }

  /** Kept receipts whose newest seq the api has not settled yet (what to send to redeemReceipts). */
  unredeemed(): RedeemCandidate[] {
    return this.kept()
      .filter((k) => (this.redeemedSeq.get(k.receipt.sessionId) ?? 0) < k.receipt.seq)
      .map((k) => ({ sessionId: k.receipt.sessionId, peerId: k.receipt.peerId, seq: k.receipt.seq, message: messageOf(k) }));
  }

  /** The api settled this receipt: it is not sent again (a newer one of the session is). */
  markRedeemed(c: RedeemCandidate): void {
    if ((this.redeemedSeq.get(c.sessionId) ?? 0) >= c.seq) return;
    this.redeemedSeq.set(c.sessionId, c.seq);
    this.markDirty();
  }

  /**
   * Drops the sessions whose certificate has expired (no newer receipt can come: the book refuses
   * them) and whose newest receipt was settled; an expired one not settled yet stays until it is.
   * Returns how many were dropped.
   */
  pruneRedeemed(now: number = this.now()): number {
    const settled = (k: KeptReceipt) => k.cert.expiresAt <= now && (this.redeemedSeq.get(k.receipt.sessionId) ?? 0) >= k.receipt.seq;
    let dropped: KeptReceipt[];
    if (this.book) {
      const expired = this.book.prune(now);
      dropped = expired.filter(settled);
      this.book.restore(expired.filter((k) => !settled(k)));
    } else {
      dropped = this.loaded.filter(settled);
      this.loaded = this.loaded.filter((k) => !settled(k));
    }
    for (const k of dropped) {
      this.redeemedSeq.delete(k.receipt.sessionId);
      this.bytes -= k.receipt.cumulativeBytes;
    }
    if (dropped.length) this.markDirty();
    return dropped.length;
  }

  /** Writes receipts.json now if anything changed (writes never overlap). */
  flush(): Promise<void> {
    const run = this.writing.then(() => (this.dirty ? this.write() : undefined));
    this.writing = run.catch(() => undefined);
    return run;
  }

  /** Stops the debounce timer and writes what is pending. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    await this.keyAttempt;
    await this.flush();
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.flushTimer || this.stopped) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush().catch((err) => this.log(`receipts: cannot write ${this.opts.storage.receiptsPath}: ${(err as Error).message}`));
    }, this.opts.flushDelayMs ?? 2000);
    this.flushTimer.unref();
  }

  private async write(): Promise<void> {
    this.dirty = false;
    const receipts: StoredReceipt[] = this.kept().map((k) => {
      const redeemedSeq = this.redeemedSeq.get(k.receipt.sessionId);
      return {
        sessionId: k.receipt.sessionId,
        videoId: k.cert.videoId,
        seq: k.receipt.seq,
        cumulativeSegments: k.receipt.cumulativeSegments,
        cumulativeBytes: k.receipt.cumulativeBytes,
        expiresAt: k.cert.expiresAt,
        acceptedAt: k.acceptedAt,
        message: messageOf(k),
        ...(redeemedSeq !== undefined ? { redeemedSeq } : {}),
      };
    });
    try {
      await this.opts.storage.writeReceipts({ version: 1, peerId: this.opts.peerId, receipts: [...receipts, ...this.foreign] });
    } catch (err) {
      this.dirty = true; // try again with the next change or at stop
      throw err;
    }
  }

  private noteRefusal(reason: KeeperRefusal, message: string, from: string): void {
    this.refused++;
    this.refusedBy[reason] = (this.refusedBy[reason] ?? 0) + 1;
    const now = this.now();
    const gate = this.logGates.get(reason);
    if (gate && now - gate.at < (this.opts.refusalLogEveryMs ?? 10_000)) {
      gate.suppressed++;
      return;
    }
    const more = gate?.suppressed ? ` (+${gate.suppressed} more ${reason} refusals not shown)` : '';
    this.debug(`receipt refused (${reason}) from ${from}: ${message}${more}`);
    this.logGates.set(reason, { at: now, suppressed: 0 });
  }
}

/** base64url of the receipt's wt_receipt message: what receipts.json keeps and redeemReceipts takes. */
function messageOf(k: KeptReceipt): string {
  return toBase64Url(
    encodeReceiptMessage({ cert: { cert: k.cert, signature: k.certSignature }, receipt: k.receipt, signature: k.signature }),
  );
}
