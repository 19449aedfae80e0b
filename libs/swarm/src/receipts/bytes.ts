/**
 * Byte helpers shared by the browser and the server. No Node-only imports here (no Buffer):
 * this file is part of the browser bundle.
 */

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8', { fatal: true });

/** Largest accepted string field, in UTF-8 bytes. */
export const MAX_STRING_BYTES = 1024;
/** Largest accepted byte field (keys are 32 bytes; leave room, refuse junk). */
export const MAX_BYTES_FIELD = 256;

export class EncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodingError';
  }
}

/**
 * Deterministic, length-prefixed writer. Strings and byte fields are written as
 * `u32 big-endian length || bytes`; integers as `u64 big-endian` (unsigned, safe-integer range).
 */
export class FieldWriter {
  private readonly parts: Uint8Array[] = [];
  private length = 0;

  string(value: string, field: string): this {
    if (typeof value !== 'string') throw new EncodingError(`${field} must be a string`);
    const bytes = textEncoder.encode(value);
    if (bytes.length > MAX_STRING_BYTES) throw new EncodingError(`${field} is longer than ${MAX_STRING_BYTES} bytes`);
    return this.bytes(bytes, field, MAX_STRING_BYTES);
  }

  bytes(value: Uint8Array, field: string, max = MAX_BYTES_FIELD): this {
    if (!(value instanceof Uint8Array)) throw new EncodingError(`${field} must be a Uint8Array`);
    if (value.length > max) throw new EncodingError(`${field} is longer than ${max} bytes`);
    const prefix = new Uint8Array(4);
    new DataView(prefix.buffer).setUint32(0, value.length, false);
    this.push(prefix);
    this.push(value.slice());
    return this;
  }

  u64(value: number, field: string): this {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new EncodingError(`${field} must be a non-negative safe integer`);
    }
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, BigInt(value), false);
    this.push(out);
    return this;
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  private push(part: Uint8Array): void {
    this.parts.push(part);
    this.length += part.length;
  }
}

/** Reader for {@link FieldWriter} output; refuses truncated input, oversized fields and bad UTF-8. */
export class FieldReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly input: Uint8Array) {
    this.view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  }

  string(field: string): string {
    const bytes = this.bytes(field, MAX_STRING_BYTES);
    try {
      return textDecoder.decode(bytes);
    } catch {
      throw new EncodingError(`${field} is not valid UTF-8`);
    }
  }

  bytes(field: string, max = MAX_BYTES_FIELD): Uint8Array {
    this.need(4, field);
    const length = this.view.getUint32(this.offset, false);
    this.offset += 4;
    if (length > max) throw new EncodingError(`${field} is longer than ${max} bytes`);
    this.need(length, field);
    const out = this.input.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  u64(field: string): number {
    this.need(8, field);
    const value = this.view.getBigUint64(this.offset, false);
    this.offset += 8;
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new EncodingError(`${field} is out of range`);
    return Number(value);
  }

  /** Canonical encodings have no trailing bytes. */
  end(what: string): void {
    if (this.offset !== this.input.length) {
      throw new EncodingError(`${what} has ${this.input.length - this.offset} trailing bytes`);
    }
  }

  private need(n: number, field: string): void {
    if (this.offset + n > this.input.length) throw new EncodingError(`${field} is truncated`);
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new EncodingError('not a hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_INDEX = new Map([...B64URL].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64URL[(n >> 18) & 63] + B64URL[(n >> 12) & 63] + B64URL[(n >> 6) & 63] + B64URL[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += B64URL[(n >> 18) & 63] + B64URL[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += B64URL[(n >> 18) & 63] + B64URL[(n >> 12) & 63] + B64URL[(n >> 6) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new EncodingError('not a base64url string');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const c of text) {
    const v = B64URL_INDEX.get(c);
    if (v === undefined) throw new EncodingError('not a base64url string');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  // Canonical: leftover bits must be zero.
  if ((value & ((1 << bits) - 1)) !== 0) throw new EncodingError('not a canonical base64url string');
  return out.subarray(0, o);
}
