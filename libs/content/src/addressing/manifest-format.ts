/**
 * The manifest's format and signing input, browser-safe (no Node imports): the api signs with it
 * (manifest.ts) and the watch page checks the signature with WebCrypto.
 */

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

export class ManifestError extends Error {}

/**
 * The bytes that are signed: the manifest without its `signature`, as JSON with keys sorted at every
 * level and no whitespace (for the strings and whole numbers a manifest holds, this is RFC 8785 JCS).
 */
export function manifestSigningInput(manifest: Manifest | SignedManifest): Uint8Array {
  const { signature: _signature, ...body } = manifest as SignedManifest;
  return new TextEncoder().encode(canonicalJson(body));
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
