/**
 * The bytes a viewer sends a peer over the `wt_receipt` BEP 10 extension: the origin-signed session
 * certificate, the receipt, and the session key's signature over the receipt.
 *
 *   str('wetube-receipt-msg-v1') bytes(encodeSessionCert) bytes(certSignature) bytes(encodeReceipt) bytes(receiptSignature)
 *
 * Decoding only splits the fields; all checks are the {@link ReceiptBook}'s. Browser-safe.
 */
import { EncodingError, FieldReader, FieldWriter } from './bytes';
import { decodeReceipt, encodeReceipt, type Receipt } from './receipt';
import { decodeSessionCert, encodeSessionCert, type SignedSessionCert } from './session-cert';

export const RECEIPT_MESSAGE_TAG = 'wetube-receipt-msg-v1';
const MAX_PART = 8192;

export interface ReceiptMessage {
  cert: SignedSessionCert;
  receipt: Receipt;
  signature: Uint8Array;
}

export function encodeReceiptMessage(message: ReceiptMessage): Uint8Array {
  return new FieldWriter()
    .string(RECEIPT_MESSAGE_TAG, 'tag')
    .bytes(encodeSessionCert(message.cert.cert), 'cert', MAX_PART)
    .bytes(message.cert.signature, 'certSignature')
    .bytes(encodeReceipt(message.receipt), 'receipt', MAX_PART)
    .bytes(message.signature, 'signature')
    .finish();
}

export function decodeReceiptMessage(bytes: Uint8Array): ReceiptMessage {
  return decodeReceiptMessageWithBytes(bytes).message;
}

/**
 * Decodes, and also hands back the certificate's and the receipt's bytes as they came: a verifier
 * checks the signatures over exactly the bytes the fields were decoded from, without encoding again.
 */
export function decodeReceiptMessageWithBytes(bytes: Uint8Array): {
  message: ReceiptMessage;
  certBytes: Uint8Array;
  receiptBytes: Uint8Array;
} {
  const r = new FieldReader(bytes);
  if (r.string('tag') !== RECEIPT_MESSAGE_TAG) throw new EncodingError('not a receipt message');
  const certBytes = r.bytes('cert', MAX_PART);
  const cert = decodeSessionCert(certBytes);
  const certSignature = r.bytes('certSignature');
  const receiptBytes = r.bytes('receipt', MAX_PART);
  const receipt = decodeReceipt(receiptBytes);
  const signature = r.bytes('signature');
  r.end('receipt message');
  return { message: { cert: { cert, signature: certSignature }, receipt, signature }, certBytes, receiptBytes };
}
