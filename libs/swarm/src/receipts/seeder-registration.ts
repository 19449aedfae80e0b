/**
 * Seeder registration: a seeder node proves to the api that it holds the Ed25519 key it seeds
 * (and is paid receipts) under, for one account, at one time. The api's `registerSeeder` mutation
 * checks the signature, so a key is registered only by whoever holds it, and a signature made for
 * one account never registers the key with another.
 *
 * Canonical encoding (big-endian):
 *   str(domain) str(userId) bytes(publicKey) u64(signedAt)
 * where str(x) = u32(byteLength(utf8(x))) || utf8(x), bytes(x) = u32(length) || x, publicKey is the
 * raw 32-byte key and signedAt is Unix time in milliseconds. The domain string comes first, so a
 * receipt or session-certificate signature never verifies as a registration (nor the reverse).
 * Browser-safe: no Node-only imports.
 */
import { bytesEqual, EncodingError, FieldReader, FieldWriter } from './bytes';
import { ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES, type Ed25519Signer, type Ed25519Verifier } from './ed25519';

export const SEEDER_REGISTRATION_DOMAIN = 'wetube-seeder-registration-v1';
/** The api refuses a registration signed longer ago than this. */
export const SEEDER_REGISTRATION_MAX_AGE_MS = 10 * 60_000;
/** …or signed further in the future than this (clock skew allowance). */
export const SEEDER_REGISTRATION_MAX_SKEW_MS = 60_000;

export interface SeederRegistration {
  domain: string;
  /** The account the key is registered with (the signed-in user's id). */
  userId: string;
  /** Raw 32-byte Ed25519 public key of the seeder (its platform peer id is its base64url). */
  publicKey: Uint8Array;
  /** Unix time in milliseconds when the seeder signed. */
  signedAt: number;
}

export function encodeSeederRegistration(reg: SeederRegistration): Uint8Array {
  if (!(reg.publicKey instanceof Uint8Array) || reg.publicKey.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new EncodingError(`publicKey must be ${ED25519_PUBLIC_KEY_BYTES} bytes`);
  }
  return new FieldWriter()
    .string(reg.domain, 'domain')
    .string(reg.userId, 'userId')
    .bytes(reg.publicKey, 'publicKey')
    .u64(reg.signedAt, 'signedAt')
    .finish();
}

/** Throws {@link EncodingError} for anything that is not a canonical registration encoding. */
export function decodeSeederRegistration(bytes: Uint8Array): SeederRegistration {
  const r = new FieldReader(bytes);
  const reg: SeederRegistration = {
    domain: r.string('domain'),
    userId: r.string('userId'),
    publicKey: r.bytes('publicKey'),
    signedAt: r.u64('signedAt'),
  };
  r.end('seeder registration');
  if (reg.publicKey.length !== ED25519_PUBLIC_KEY_BYTES) throw new EncodingError(`publicKey must be ${ED25519_PUBLIC_KEY_BYTES} bytes`);
  return reg;
}

/**
 * Signs the registration with the seeder's own key (the key being registered). Refuses another
 * domain and a registration naming another key than the signer's.
 */
export async function signSeederRegistration(reg: SeederRegistration, seederKey: Ed25519Signer): Promise<Uint8Array> {
  if (reg.domain !== SEEDER_REGISTRATION_DOMAIN) throw new EncodingError(`registration domain must be ${SEEDER_REGISTRATION_DOMAIN}`);
  const bytes = encodeSeederRegistration(reg);
  if (!bytesEqual(reg.publicKey, seederKey.publicKey)) throw new EncodingError('a seeder registration is signed with the key it registers');
  return seederKey.sign(bytes);
}

/**
 * True only if `signature` is a valid signature, by the registration's own `publicKey`, over the
 * canonical encoding of a registration of domain {@link SEEDER_REGISTRATION_DOMAIN}. Checks no
 * times (the caller decides how old is too old). Never throws for bad input (false instead).
 */
export async function verifySeederRegistration(
  reg: SeederRegistration,
  signature: Uint8Array,
  verifier: Ed25519Verifier,
): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = encodeSeederRegistration(reg);
  } catch {
    return false;
  }
  if (reg.domain !== SEEDER_REGISTRATION_DOMAIN) return false;
  if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_BYTES) return false;
  return verifier.verify(bytes, signature, reg.publicKey);
}
