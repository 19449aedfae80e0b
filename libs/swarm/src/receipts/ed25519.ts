/**
 * Abstract Ed25519 signing and verification, so the receipt format is the same code in the browser
 * (WebCrypto) and on the server (node:crypto). Keys are raw 32-byte public keys; signatures are the
 * raw 64-byte RFC 8032 signatures (identical across implementations).
 */
export const ED25519_PUBLIC_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

export interface Ed25519Signer {
  /** Raw 32-byte public key of the signing key. */
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export interface Ed25519Verifier {
  /** Resolves false (never throws) for a wrong signature, a malformed key or a malformed signature. */
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): Promise<boolean>;
}
