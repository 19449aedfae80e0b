import { createPublicKey, verify } from 'node:crypto';

/** One file of a video's output folder. */
export interface ManifestFile {
  /** Relative to the video folder, `/`-separated: `master.m3u8`, `720p/seg_00000.m4s`. */
  path: string;
  /** CIDv1 (base32) as Kubo's `ipfs add --cid-version=1` gives it. */
  cid: string;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
  /** Size in bytes. */
  bytes: number;
}

export interface Manifest {
  version: 1;
  videoId: string;
  /** ISO 8601 (UTC). */
  createdAt: string;
  /** Sorted by path (UTF-16 code unit order, as JS sorts strings). */
  files: ManifestFile[];
}

export interface ManifestSignature {
  alg: 'Ed25519';
  /** RFC 7638 thumbprint of the origin's public JWK (see /.well-known/wetube-origin.json). */
  keyId: string;
  /** base64url (no padding) of the 64-byte signature of `canonicalManifestBytes(manifest)`. */
  value: string;
}

export type SignedManifest = Manifest & { signature: ManifestSignature };

export interface ManifestSigningKey {
  keyId(): string;
  sign(bytes: Uint8Array): Uint8Array;
}

export class ManifestError extends Error {}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Builds a manifest; throws a ManifestError for an entry that could not be served as-is. */
export function buildManifest(input: { videoId: string; files: ManifestFile[]; createdAt?: Date | string }): Manifest {
  if (!input.videoId) throw new ManifestError('videoId is empty');
  const seen = new Set<string>();
  const files = input.files.map((f): ManifestFile => {
    checkPath(f.path);
    if (seen.has(f.path)) throw new ManifestError(`duplicate path: ${f.path}`);
    seen.add(f.path);
    if (typeof f.cid !== 'string' || !/^[a-z2-7]+$/.test(f.cid) || !f.cid.startsWith('b')) {
      throw new ManifestError(`${f.path}: cid must be a base32 CIDv1, got ${JSON.stringify(f.cid)}`);
    }
    if (!SHA256_HEX.test(f.sha256)) throw new ManifestError(`${f.path}: sha256 must be 64 lowercase hex digits`);
    if (!Number.isSafeInteger(f.bytes) || f.bytes < 0) throw new ManifestError(`${f.path}: bytes must be a whole number >= 0`);
    return { path: f.path, cid: f.cid, sha256: f.sha256, bytes: f.bytes };
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const createdAt = input.createdAt === undefined ? new Date() : new Date(input.createdAt);
  if (Number.isNaN(createdAt.getTime())) throw new ManifestError('createdAt is not a date');
  return { version: 1, videoId: input.videoId, createdAt: createdAt.toISOString(), files };
}

/**
 * The bytes that are signed: the manifest without its `signature`, as JSON with keys sorted at every
 * level and no whitespace (for the strings and whole numbers a manifest holds, this is RFC 8785 JCS).
 */
export function canonicalManifestBytes(manifest: Manifest | SignedManifest): Buffer {
  const { signature: _signature, ...body } = manifest as SignedManifest;
  return Buffer.from(canonicalJson(body), 'utf8');
}

export function signManifest(manifest: Manifest, signer: ManifestSigningKey): SignedManifest {
  const { signature: _old, ...body } = manifest as SignedManifest;
  const value = Buffer.from(signer.sign(canonicalManifestBytes(body))).toString('base64url');
  return { ...body, signature: { alg: 'Ed25519', keyId: signer.keyId(), value } };
}

/** True only if `signed` carries a valid Ed25519 signature of its content by `publicKeyRaw`. */
export function verifyManifest(signed: SignedManifest, publicKeyRaw: Uint8Array): boolean {
  try {
    const sig = signed?.signature;
    if (!sig || sig.alg !== 'Ed25519' || typeof sig.value !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(sig.value)) return false;
    if (publicKeyRaw.byteLength !== 32) return false;
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyRaw).toString('base64url') },
      format: 'jwk',
    });
    return verify(null, canonicalManifestBytes(signed), key, Buffer.from(sig.value, 'base64url'));
  } catch {
    return false;
  }
}

/** Deterministic JSON: object keys sorted (UTF-16 code units), no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ManifestError(`not a finite number: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new ManifestError(`cannot canonicalize a ${typeof value}`);
}

function checkPath(path: string): void {
  if (
    typeof path !== 'string' ||
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.includes('\0') ||
    path.split('/').some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new ManifestError(`not a relative file path: ${JSON.stringify(path)}`);
  }
}
