/**
 * Session certificates: the api certifies a viewer's ephemeral session public key for one playback
 * session of one video, signed with the origin key. A peer trusts receipts signed by the session key
 * only through this certificate.
 *
 * Canonical encoding (big-endian):
 *   str(domain) str(sessionId) str(videoId) bytes(sessionPublicKey) str(viewerId) u64(expiresAt)
 * Browser-safe: no Node-only imports.
 */
import { EncodingError, FieldReader, FieldWriter, fromBase64Url, toBase64Url } from './bytes';
import { ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES, type Ed25519Signer, type Ed25519Verifier } from './ed25519';

export const SESSION_CERT_DOMAIN = 'wetube-session-cert-v1';

export interface SessionCert {
  domain: string;
  sessionId: string;
  videoId: string;
  /** Raw 32-byte Ed25519 public key of the viewer's ephemeral session key. */
  sessionPublicKey: Uint8Array;
  /** The viewer's user id ('' for an anonymous viewer). */
  viewerId: string;
  /** Unix time in milliseconds after which the certificate (and receipts under it) are refused. */
  expiresAt: number;
}

/** A certificate with the origin's signature, as handed to the viewer and passed on to peers. */
export interface SignedSessionCert {
  cert: SessionCert;
  signature: Uint8Array;
}

export function encodeSessionCert(cert: SessionCert): Uint8Array {
  if (!(cert.sessionPublicKey instanceof Uint8Array) || cert.sessionPublicKey.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new EncodingError(`sessionPublicKey must be ${ED25519_PUBLIC_KEY_BYTES} bytes`);
  }
  return new FieldWriter()
    .string(cert.domain, 'domain')
    .string(cert.sessionId, 'sessionId')
    .string(cert.videoId, 'videoId')
    .bytes(cert.sessionPublicKey, 'sessionPublicKey')
    .string(cert.viewerId, 'viewerId')
    .u64(cert.expiresAt, 'expiresAt')
    .finish();
}

export function decodeSessionCert(bytes: Uint8Array): SessionCert {
  const r = new FieldReader(bytes);
  const cert: SessionCert = {
    domain: r.string('domain'),
    sessionId: r.string('sessionId'),
    videoId: r.string('videoId'),
    sessionPublicKey: r.bytes('sessionPublicKey'),
    viewerId: r.string('viewerId'),
    expiresAt: r.u64('expiresAt'),
  };
  r.end('session certificate');
  if (cert.sessionPublicKey.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new EncodingError(`sessionPublicKey must be ${ED25519_PUBLIC_KEY_BYTES} bytes`);
  }
  return cert;
}

export async function signSessionCert(cert: SessionCert, originSigner: Ed25519Signer): Promise<SignedSessionCert> {
  if (cert.domain !== SESSION_CERT_DOMAIN) throw new EncodingError(`certificate domain must be ${SESSION_CERT_DOMAIN}`);
  return { cert, signature: await originSigner.sign(encodeSessionCert(cert)) };
}

export type SessionCertRefusal = 'cert-malformed' | 'cert-wrong-domain' | 'cert-bad-signature' | 'cert-expired';

export type SessionCertCheck = { ok: true; cert: SessionCert } | { ok: false; reason: SessionCertRefusal; message: string };

/**
 * Checks domain, origin signature and expiry (`expiresAt > now`). Never throws for bad input.
 */
export async function verifySessionCert(
  cert: Uint8Array | SessionCert,
  signature: Uint8Array,
  originPublicKey: Uint8Array,
  verifier: Ed25519Verifier,
  now: number = Date.now(),
): Promise<SessionCertCheck> {
  let bytes: Uint8Array;
  let decoded: SessionCert;
  try {
    if (cert instanceof Uint8Array) {
      decoded = decodeSessionCert(cert);
      bytes = cert;
    } else {
      bytes = encodeSessionCert(cert);
      decoded = cert;
    }
  } catch (err) {
    return { ok: false, reason: 'cert-malformed', message: `Session certificate is malformed: ${(err as Error).message}` };
  }
  if (decoded.domain !== SESSION_CERT_DOMAIN) {
    return { ok: false, reason: 'cert-wrong-domain', message: `Session certificate domain is not ${SESSION_CERT_DOMAIN}` };
  }
  if (
    !(signature instanceof Uint8Array) ||
    signature.length !== ED25519_SIGNATURE_BYTES ||
    !(await verifier.verify(bytes, signature, originPublicKey))
  ) {
    return { ok: false, reason: 'cert-bad-signature', message: 'Session certificate is not signed by the origin key' };
  }
  if (!(decoded.expiresAt > now)) {
    return { ok: false, reason: 'cert-expired', message: `Session certificate expired at ${new Date(decoded.expiresAt).toISOString()}` };
  }
  return { ok: true, cert: decoded };
}

/** Compact text form for JSON/GraphQL: `base64url(encoded cert).base64url(signature)`. */
export function serializeSignedSessionCert(signed: SignedSessionCert): string {
  return `${toBase64Url(encodeSessionCert(signed.cert))}.${toBase64Url(signed.signature)}`;
}

export function parseSignedSessionCert(text: string): SignedSessionCert {
  const parts = text.split('.');
  if (parts.length !== 2) throw new EncodingError('session certificate text must be <cert>.<signature>');
  return { cert: decodeSessionCert(fromBase64Url(parts[0])), signature: fromBase64Url(parts[1]) };
}
