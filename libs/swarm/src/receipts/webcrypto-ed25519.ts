/**
 * Ed25519 over WebCrypto (`crypto.subtle`): browsers, and Node 20's `globalThis.crypto`.
 * Browser-safe: uses only the global `crypto`, no Node imports.
 */
import { ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES, type Ed25519Signer, type Ed25519Verifier } from './ed25519';
import { toHex } from './bytes';

const ALG = { name: 'Ed25519' } as const;

/**
 * A WebCrypto CryptoKey, kept opaque so this file type-checks with and without the DOM lib (the
 * server build has no DOM types; the browser's CryptoKey / CryptoKeyPair fit these shapes).
 */
export type WebCryptoKey = object;
export interface WebCryptoKeyPair {
  publicKey: WebCryptoKey;
  privateKey: WebCryptoKey;
}

/** The part of SubtleCrypto used here. */
interface SubtleEd25519 {
  generateKey(alg: typeof ALG, extractable: boolean, usages: string[]): Promise<unknown>;
  exportKey(format: 'raw', key: WebCryptoKey): Promise<ArrayBuffer>;
  importKey(format: 'raw', data: Uint8Array, alg: typeof ALG, extractable: boolean, usages: string[]): Promise<WebCryptoKey>;
  sign(alg: typeof ALG, key: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(alg: typeof ALG, key: WebCryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}

function subtle(): SubtleEd25519 {
  const c = (globalThis as unknown as { crypto?: { subtle?: SubtleEd25519 } }).crypto;
  if (!c?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available here');
  return c.subtle;
}

/** Copies into a fresh, ArrayBuffer-backed view (WebCrypto refuses SharedArrayBuffer-backed views). */
function buf(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

export class WebCryptoEd25519Signer implements Ed25519Signer {
  private constructor(
    private readonly privateKey: WebCryptoKey,
    readonly publicKey: Uint8Array,
  ) {}

  /**
   * A fresh key pair. The private key is not extractable unless asked for (a browser session key
   * never needs to leave the page).
   */
  static async generate(extractable = false): Promise<WebCryptoEd25519Signer> {
    const pair = (await subtle().generateKey(ALG, extractable, ['sign', 'verify'])) as WebCryptoKeyPair;
    const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
    return new WebCryptoEd25519Signer(pair.privateKey, raw);
  }

  /** From an existing key pair (e.g. one kept in IndexedDB). */
  static async fromKeyPair(pair: WebCryptoKeyPair): Promise<WebCryptoEd25519Signer> {
    const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
    return new WebCryptoEd25519Signer(pair.privateKey, raw);
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(await subtle().sign(ALG, this.privateKey, buf(message)));
  }
}

export class WebCryptoEd25519Verifier implements Ed25519Verifier {
  private readonly keys = new Map<string, Promise<WebCryptoKey>>();

  /** @param maxCachedKeys imported public keys kept (oldest dropped first). */
  constructor(private readonly maxCachedKeys = 10_000) {}

  async verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
    if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
    try {
      const key = await this.importKey(publicKey);
      return await subtle().verify(ALG, key, buf(signature), buf(message));
    } catch {
      return false;
    }
  }

  private importKey(publicKey: Uint8Array): Promise<WebCryptoKey> {
    const id = toHex(publicKey);
    const cached = this.keys.get(id);
    if (cached) return cached;
    const key = subtle().importKey('raw', buf(publicKey), ALG, false, ['verify']);
    key.catch(() => this.keys.delete(id));
    if (this.keys.size >= this.maxCachedKeys) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(id, key);
    return key;
  }
}
