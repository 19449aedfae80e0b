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
 */
export class ReceiptKeeper {
  private book?: ReceiptBook;
  /** Loaded from disk, waiting for the origin key (the book needs it). */
  private loaded: KeptReceipt[] = [];
  /** Entries of receipts.json this seeder cannot use (another peer id, undecodable): written back unchanged. */
  private foreign: StoredReceipt[] = [];
  private bytes = 0;
  private accepted = 0;
  private refused = 0;
  private readonly refusedBy: Partial<Record<KeeperRefusal, number>> = {};
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
        kept = { cert: m.cert.cert, certSignature: m.cert.signature, receipt: m.receipt, signature: m.signature, acceptedAt: entry.acceptedAt };
      } catch {
        undecodable++;
        this.foreign.push(entry);
        continue;
      }
      if (kept.receipt.peerId !== this.opts.peerId) this.foreign.push(entry);
      else this.loaded.push(kept);
    }
    if (undecodable) this.log(`receipts: ${undecodable} entries of ${this.opts.storage.receiptsPath} cannot be decoded; kept in the file as they are`);
    const other = this.foreign.length - undecodable;
    if (other) this.log(`receipts: ${other} receipts in ${this.opts.storage.receiptsPath} name another peer id (an older seeder key?); kept in the file, not used`);
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
    const receipts: StoredReceipt[] = this.kept().map((k) => ({
      sessionId: k.receipt.sessionId,
      videoId: k.cert.videoId,
      seq: k.receipt.seq,
      cumulativeSegments: k.receipt.cumulativeSegments,
      cumulativeBytes: k.receipt.cumulativeBytes,
      expiresAt: k.cert.expiresAt,
      acceptedAt: k.acceptedAt,
      message: toBase64Url(
        encodeReceiptMessage({ cert: { cert: k.cert, signature: k.certSignature }, receipt: k.receipt, signature: k.signature }),
      ),
    }));
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
