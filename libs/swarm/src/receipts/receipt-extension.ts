/**
 * `wt_receipt`: the BEP 10 extension that carries receipt messages ({@link encodeReceiptMessage})
 * between peers of a WebTorrent swarm, and tells each side the other's platform identity.
 *
 * Follows bittorrent-protocol's extension API (as ut_metadata does):
 *
 *   wire.use(receiptExtension({ localPeerId, onReceipt }))
 *   wire.wt_receipt.send(bytes)             // bittorrent-protocol also sets wire[name] = handler
 *
 * Our extended handshake carries `wetube_peer: <localPeerId>` (the base64url Ed25519 public key the
 * receipts name as `peerId`); the remote's value becomes `ext.remotePeerId`. Messages are raw bytes
 * (a Uint8Array is sent as is, not bencoded); all checks are the ReceiptBook's, this file only moves
 * bytes. Browser-safe: no Node-only imports.
 */

export const RECEIPT_EXTENSION_NAME = 'wt_receipt';
/** Key of the extended handshake that carries the platform peer id. */
export const WETUBE_PEER_HANDSHAKE_KEY = 'wetube_peer';
/** Incoming messages larger than this are dropped (a receipt message is ~400 bytes). */
export const MAX_RECEIPT_MESSAGE_BYTES = 16 * 1024;
/** A platform peer id: base64url (no padding) of a 32-byte key is 43 characters. */
const PEER_ID = /^[A-Za-z0-9_-]{1,64}$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The part of a bittorrent-protocol `Wire` this extension uses (the package ships no types; a
 * browser or Node `Wire` fits).
 */
export interface ReceiptExtensionWire {
  extendedHandshake: Record<string, unknown>;
  peerExtendedMapping?: Record<string, number>;
  extended(ext: string | number, obj: Uint8Array): void;
  on?(event: 'extended', fn: (ext: string | number, payload: unknown) => void): unknown;
  destroyed?: boolean;
}

export interface ReceiptExtensionOptions {
  /** Our platform peer id (base64url Ed25519 public key), sent in the extended handshake. */
  localPeerId: string;
  /** Every incoming `wt_receipt` message (≤ {@link MAX_RECEIPT_MESSAGE_BYTES}, copied), within the rate limit. */
  onReceipt?: (message: Uint8Array, ext: ReceiptExtension) => void;
  /**
   * After each extended handshake from the remote (whether or not it supports wt_receipt):
   * `remotePeerId` and `supported` are set.
   */
  onExtendedHandshake?: (ext: ReceiptExtension) => void;
  /** Incoming messages accepted per second per wire (token bucket, burst = 2x); more are dropped. Default 20. */
  maxMessagesPerSecond?: number;
  /** Injectable clock (tests). */
  now?: () => number;
}

/** What `receiptExtension()` returns: the class to pass to `wire.use`. */
export interface ReceiptExtensionClass {
  new (wire: ReceiptExtensionWire): ReceiptExtension;
  prototype: ReceiptExtension;
}

/** Reads the platform peer id out of an extended handshake: null if absent or not a sane base64url string. */
export function peerIdFromHandshake(handshake: unknown): string | null {
  if (!handshake || typeof handshake !== 'object') return null;
  const value = (handshake as Record<string, unknown>)[WETUBE_PEER_HANDSHAKE_KEY];
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else if (value instanceof Uint8Array) {
    if (value.length > 64) return null;
    try {
      text = utf8.decode(value);
    } catch {
      return null;
    }
  } else {
    return null;
  }
  return PEER_ID.test(text) ? text : null;
}

/** One instance per wire (bittorrent-protocol constructs it in `wire.use`). */
export class ReceiptExtension {
  /** The remote's platform peer id from its extended handshake; null until then, or if it sent none (or junk). */
  remotePeerId: string | null = null;
  /** True once the remote's extended handshake advertised wt_receipt (so `send` can work). */
  supported = false;
  /** True once the remote's extended handshake arrived. */
  handshaken = false;
  /** Messages sent / received (passed to onReceipt) / dropped (too big or over the rate limit). */
  sent = 0;
  received = 0;
  dropped = 0;

  private tokens: number;
  private refilledAt: number;
  private readonly rate: number;
  private readonly now: () => number;

  constructor(
    readonly wire: ReceiptExtensionWire,
    private readonly opts: ReceiptExtensionOptions,
  ) {
    if (!PEER_ID.test(opts.localPeerId)) throw new Error('localPeerId must be a base64url string of at most 64 characters');
    this.rate = opts.maxMessagesPerSecond ?? 20;
    this.now = opts.now ?? Date.now;
    this.tokens = this.rate * 2;
    this.refilledAt = this.now();
    wire.extendedHandshake[WETUBE_PEER_HANDSHAKE_KEY] = opts.localPeerId;
    // bittorrent-protocol calls onExtendedHandshake only when the remote advertises this extension;
    // the 'extended' event also covers a remote that does not (its peer id is still worth knowing).
    wire.on?.('extended', (ext, payload) => {
      if (ext === 'handshake') this.readHandshake(payload);
    });
  }

  /** The BEP 10 name: bittorrent-protocol reads it from the prototype. */
  get name(): string {
    return RECEIPT_EXTENSION_NAME;
  }

  get localPeerId(): string {
    return this.opts.localPeerId;
  }

  onHandshake(): void {
    // nothing to do before the extended handshake
  }

  onExtendedHandshake(handshake: unknown): void {
    this.readHandshake(handshake);
  }

  onMessage(buf: Uint8Array): void {
    if (!(buf instanceof Uint8Array) || buf.length === 0 || buf.length > MAX_RECEIPT_MESSAGE_BYTES || !this.take()) {
      this.dropped++;
      return;
    }
    this.received++;
    this.opts.onReceipt?.(buf.slice(), this);
  }

  /**
   * Sends a receipt message. False (nothing sent) when the remote did not advertise wt_receipt, the
   * message is empty or too large, or the wire is gone.
   */
  send(message: Uint8Array): boolean {
    if (!this.supported || this.wire.destroyed) return false;
    if (!(message instanceof Uint8Array) || message.length === 0 || message.length > MAX_RECEIPT_MESSAGE_BYTES) return false;
    try {
      this.wire.extended(RECEIPT_EXTENSION_NAME, message);
    } catch {
      return false;
    }
    this.sent++;
    return true;
  }

  private readHandshake(handshake: unknown): void {
    // Called twice per handshake (method and event) when the remote supports us: same result.
    const m = handshake && typeof handshake === 'object' ? (handshake as { m?: unknown }).m : undefined;
    const id = m && typeof m === 'object' ? Number((m as Record<string, unknown>)[RECEIPT_EXTENSION_NAME]) : 0;
    const supported = Number.isInteger(id) && id > 0 && id < 256;
    const remotePeerId = peerIdFromHandshake(handshake);
    const changed = !this.handshaken || supported !== this.supported || remotePeerId !== this.remotePeerId;
    this.supported = supported;
    this.remotePeerId = remotePeerId;
    this.handshaken = true;
    if (changed) this.opts.onExtendedHandshake?.(this);
  }

  private take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.rate * 2, this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** The class to pass to `wire.use`, bound to these options. */
export function receiptExtension(opts: ReceiptExtensionOptions): ReceiptExtensionClass {
  if (!PEER_ID.test(opts.localPeerId)) throw new Error('localPeerId must be a base64url string of at most 64 characters');
  return class BoundReceiptExtension extends ReceiptExtension {
    constructor(wire: ReceiptExtensionWire) {
      super(wire, opts);
    }
  };
}
