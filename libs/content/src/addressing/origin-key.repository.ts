import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@wetube/platform';
import { ADDRESSING_OPTIONS, AddressingConfigError, AddressingOptions } from './addressing.options';
import type { ManifestSigningKey } from './manifest';

interface LoadedKey {
  privateKey: KeyObject;
  publicKeyRaw: Buffer;
  x: string;
  keyId: string;
}

/**
 * The origin's ed25519 signing key: from ORIGIN_SIGNING_KEY (PEM, PKCS#8) if set, else generated
 * once and kept in `<DATA_DIR>/origin-key.pem` (mode 0600). Processes sharing a DATA_DIR share the
 * key (the first one to create the file wins; the others read it).
 */
@Injectable()
export class OriginKeyRepository implements ManifestSigningKey {
  readonly keyFile: string;
  private readonly pem?: string;
  private loaded?: LoadedKey;

  constructor(config: AppConfig, @Inject(ADDRESSING_OPTIONS) options: AddressingOptions) {
    this.keyFile = join(config.dataDir, 'origin-key.pem');
    this.pem = options.originSigningKeyPem;
  }

  /** The 32-byte raw ed25519 public key. */
  publicKeyRaw(): Buffer {
    return Buffer.from(this.key().publicKeyRaw);
  }

  /** The public key as a JWK (RFC 8037). */
  publicJwk(): { kty: 'OKP'; crv: 'Ed25519'; x: string } {
    return { kty: 'OKP', crv: 'Ed25519', x: this.key().x };
  }

  /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key: changes when the key does. */
  keyId(): string {
    return this.key().keyId;
  }

  /** Ed25519 signature (64 bytes) of `bytes`. */
  sign(bytes: Uint8Array): Buffer {
    return sign(null, bytes, this.key().privateKey);
  }

  private key(): LoadedKey {
    this.loaded ??= describe(this.pem !== undefined ? fromEnvPem(this.pem) : this.loadOrCreateFile());
    return this.loaded;
  }

  private loadOrCreateFile(): KeyObject {
    const existing = readIfExists(this.keyFile);
    if (existing !== null) return parsePem(existing, this.keyFile);
    mkdirSync(join(this.keyFile, '..'), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    // Written whole to a private name, then linked into place: link fails if the file exists, so two
    // processes starting together end up with the same key and nobody reads a half-written file.
    const temp = `${this.keyFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, pem, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(temp, this.keyFile);
      return privateKey;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      return parsePem(readFileSync(this.keyFile, 'utf8'), this.keyFile);
    } finally {
      unlinkSync(temp);
    }
  }
}

function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function fromEnvPem(pem: string): KeyObject {
  try {
    return parsePem(pem, 'ORIGIN_SIGNING_KEY');
  } catch (err) {
    throw new AddressingConfigError(`Invalid configuration:\n  ORIGIN_SIGNING_KEY: ${(err as Error).message}`);
  }
}

function parsePem(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error(`${source}: not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${source}: must be an ed25519 private key (got ${key.asymmetricKeyType ?? 'unknown'})`);
  }
  return key;
}

function describe(privateKey: KeyObject): LoadedKey {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const x = jwk.x!;
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const thumbprint = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
  return { privateKey, publicKeyRaw: Buffer.from(x, 'base64url'), x, keyId: thumbprint };
}
