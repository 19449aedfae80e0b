import { createPublicKey, verify } from 'node:crypto';
import { Manifest, ManifestError, ManifestFile, manifestSigningInput, SignedManifest } from './manifest-format';

export { canonicalJson, ManifestError, manifestSigningInput } from './manifest-format';
export type { Manifest, ManifestFile, ManifestSignature, SignedManifest } from './manifest-format';

export interface ManifestSigningKey {
  keyId(): string;
  sign(bytes: Uint8Array): Uint8Array;
}

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

/** {@link manifestSigningInput} as a Buffer. */
export function canonicalManifestBytes(manifest: Manifest | SignedManifest): Buffer {
  return Buffer.from(manifestSigningInput(manifest));
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
