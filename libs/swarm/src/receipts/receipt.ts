/**
 * Payment receipts: what a viewer signs, with its ephemeral session key, for a peer that served it
 * segments that passed the hash check. Cumulative and monotonic per (session, peer): a newer receipt
 * supersedes every older one, so the peer keeps only the newest and redeems it.
 *
 * Canonical encoding (all integers big-endian):
 *   str(domain) str(sessionId) str(peerId) u64(seq) str(lastSegmentCid) u64(cumulativeSegments) u64(cumulativeBytes)
 * where str(x) = u32(byteLength(utf8(x))) || utf8(x). The domain string is the first signed field, so
 * a signature made for another purpose (a session certificate, another version) never verifies as a
 * receipt. Browser-safe: no Node-only imports.
 */
import { EncodingError, FieldReader, FieldWriter } from './bytes';
import { ED25519_SIGNATURE_BYTES, type Ed25519Signer, type Ed25519Verifier } from './ed25519';

export const RECEIPT_DOMAIN = 'wetube-receipt-v1';

export interface Receipt {
  domain: string;
  sessionId: string;
  /** The serving peer's platform identity (who gets paid), not the 20-byte BitTorrent wire id. */
  peerId: string;
  /** Starts at 1, +1 per receipt the viewer issues to this peer in this session. */
  seq: number;
  /** CID (v1, raw, sha256) of the last segment covered by this receipt. */
  lastSegmentCid: string;
  cumulativeSegments: number;
  cumulativeBytes: number;
}

export function encodeReceipt(receipt: Receipt): Uint8Array {
  return new FieldWriter()
    .string(receipt.domain, 'domain')
    .string(receipt.sessionId, 'sessionId')
    .string(receipt.peerId, 'peerId')
    .u64(receipt.seq, 'seq')
    .string(receipt.lastSegmentCid, 'lastSegmentCid')
    .u64(receipt.cumulativeSegments, 'cumulativeSegments')
    .u64(receipt.cumulativeBytes, 'cumulativeBytes')
    .finish();
}

/** Throws {@link EncodingError} for anything that is not a canonical receipt encoding. */
export function decodeReceipt(bytes: Uint8Array): Receipt {
  const r = new FieldReader(bytes);
  const receipt: Receipt = {
    domain: r.string('domain'),
    sessionId: r.string('sessionId'),
    peerId: r.string('peerId'),
    seq: r.u64('seq'),
    lastSegmentCid: r.string('lastSegmentCid'),
    cumulativeSegments: r.u64('cumulativeSegments'),
    cumulativeBytes: r.u64('cumulativeBytes'),
  };
  r.end('receipt');
  return receipt;
}

/** Signs the canonical encoding. Refuses to sign a receipt of another domain. */
export async function signReceipt(receipt: Receipt, signer: Ed25519Signer): Promise<Uint8Array> {
  if (receipt.domain !== RECEIPT_DOMAIN) throw new EncodingError(`receipt domain must be ${RECEIPT_DOMAIN}`);
  return signer.sign(encodeReceipt(receipt));
}

/**
 * True only if `signature` is a valid signature by `publicKey` over the canonical encoding of a
 * receipt of domain {@link RECEIPT_DOMAIN}. Accepts the encoded bytes or the object; never throws
 * for bad input (false instead).
 */
export async function verifyReceipt(
  receipt: Uint8Array | Receipt,
  signature: Uint8Array,
  publicKey: Uint8Array,
  verifier: Ed25519Verifier,
): Promise<boolean> {
  let bytes: Uint8Array;
  let decoded: Receipt;
  try {
    if (receipt instanceof Uint8Array) {
      decoded = decodeReceipt(receipt);
      bytes = receipt;
    } else {
      bytes = encodeReceipt(receipt);
      decoded = receipt;
    }
  } catch {
    return false;
  }
  if (decoded.domain !== RECEIPT_DOMAIN) return false;
  if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_BYTES) return false;
  return verifier.verify(bytes, signature, publicKey);
}
