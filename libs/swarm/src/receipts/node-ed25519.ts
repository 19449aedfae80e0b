/**
 * Ed25519 over node:crypto (server: api and seeders). Public keys are imported once and cached as
 * KeyObjects (PITFALLS: ~7.4k verify/s cached vs ~4.2k/s importing per call). Server-only.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES, type Ed25519Signer, type Ed25519Verifier } from './ed25519';

// DER prefixes of an Ed25519 SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo (RFC 8410).
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function nodePublicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== ED25519_PUBLIC_KEY_BYTES) throw new Error(`Ed25519 public key must be ${ED25519_PUBLIC_KEY_BYTES} bytes`);
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const der = key.export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - ED25519_PUBLIC_KEY_BYTES));
}

export class NodeEd25519Signer implements Ed25519Signer {
  readonly publicKey: Uint8Array;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519' || privateKey.type !== 'private') {
      throw new Error('NodeEd25519Signer needs an Ed25519 private key');
    }
    this.publicKey = rawPublicKey(createPublicKey(privateKey));
  }

  static generate(): NodeEd25519Signer {
    return new NodeEd25519Signer(generateKeyPairSync('ed25519').privateKey);
  }

  /** From the 32-byte RFC 8032 seed (e.g. the origin key from config, base64url-decoded). */
  static fromSeed(seed: Uint8Array): NodeEd25519Signer {
    if (seed.length !== 32) throw new Error('Ed25519 seed must be 32 bytes');
    return new NodeEd25519Signer(createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' }));
  }

  /** From a PEM (PKCS#8) private key. */
  static fromPem(pem: string): NodeEd25519Signer {
    return new NodeEd25519Signer(createPrivateKey(pem));
  }

  signSync(message: Uint8Array): Uint8Array {
    return new Uint8Array(sign(null, message, this.privateKey));
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return this.signSync(message);
  }
}

export class NodeEd25519Verifier implements Ed25519Verifier {
  private readonly keys = new Map<string, KeyObject>();

  /** @param maxCachedKeys KeyObjects kept (least recently used dropped first). */
  constructor(private readonly maxCachedKeys = 10_000) {}

  verifySync(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
    if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
    try {
      return verify(null, message, this.keyFor(publicKey), signature);
    } catch {
      return false;
    }
  }

  async verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
    return this.verifySync(message, signature, publicKey);
  }

  private keyFor(raw: Uint8Array): KeyObject {
    const id = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64');
    let key = this.keys.get(id);
    if (key) {
      // refresh LRU position
      this.keys.delete(id);
      this.keys.set(id, key);
      return key;
    }
    key = nodePublicKeyFromRaw(raw);
    if (this.keys.size >= this.maxCachedKeys) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(id, key);
    return key;
  }
}
