import {
  encodeReceipt,
  encodeReceiptMessage,
  encodeSeederRegistration,
  NodeEd25519Signer,
  parseSignedSessionCert,
  RECEIPT_DOMAIN,
  SEEDER_REGISTRATION_DOMAIN,
  signReceipt,
  signSeederRegistration,
  type Receipt,
  type SignedSessionCert,
} from '@wetube/swarm';
import { ApiClient } from './api.client';

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

const START = `mutation($input: StartPlaybackInput!) { playbackSession(input: $input) {
  session { sessionId certificate adFree bandwidthBudget } userErrors { code message } } }`;
const REDEEM = `mutation($input: RedeemReceiptsInput!) { redeemReceipts(input: $input) {
  results { index sessionId peerId status code message segments amount } totalPaid userErrors { code message } } }`;
const REGISTER = `mutation($input: RegisterSeederInput!) { registerSeeder(input: $input) { seeder { id } userErrors { code message } } }`;

/** A viewer's playback session as the watch page holds it: its key and the origin's certificate. */
export interface ViewerSession {
  sessionId: string;
  key: NodeEd25519Signer;
  cert: SignedSessionCert;
  adFree: boolean;
  budget: bigint;
}

export async function startSession(viewer: ApiClient, videoId: string): Promise<ViewerSession> {
  const key = NodeEd25519Signer.generate();
  const r = await viewer.gql(START, { input: { videoId, sessionPublicKey: b64(key.publicKey) } });
  const p = r.data?.playbackSession;
  if (!p?.session) throw new Error(`playbackSession failed: ${JSON.stringify(r)}`);
  return {
    sessionId: p.session.sessionId,
    key,
    cert: parseSignedSessionCert(p.session.certificate),
    adFree: p.session.adFree,
    budget: BigInt(p.session.bandwidthBudget),
  };
}

/** A seeder key registered to the client's account (proof of possession, as the seeder CLI does). */
export async function registerSeeder(owner: ApiClient, userId: string): Promise<NodeEd25519Signer> {
  const key = NodeEd25519Signer.generate();
  const reg = { domain: SEEDER_REGISTRATION_DOMAIN, userId, publicKey: key.publicKey, signedAt: Date.now() };
  const signature = await signSeederRegistration(reg, key);
  const r = await owner.gql(REGISTER, {
    input: { publicKey: b64(key.publicKey), signedAt: new Date(reg.signedAt).toISOString(), signature: b64(signature) },
  });
  if (!r.data?.registerSeeder?.seeder) throw new Error(`registerSeeder failed: ${JSON.stringify(r)}`);
  void encodeSeederRegistration;
  return key;
}

/** The wt_receipt wire message a viewer would send, base64url (what peers redeem). */
export async function receiptMessage(
  s: ViewerSession,
  fields: Partial<Receipt> & { peerId: string; seq: number; cumulativeSegments: number; lastSegmentCid: string },
  opts: { signer?: NodeEd25519Signer; cert?: SignedSessionCert } = {},
): Promise<string> {
  const receipt: Receipt = {
    domain: RECEIPT_DOMAIN,
    sessionId: s.sessionId,
    cumulativeBytes: fields.cumulativeSegments * 100_000,
    ...fields,
  };
  const signer = opts.signer ?? s.key;
  // signReceipt refuses other domains, so a receipt of another domain is signed over its bytes directly.
  const signature = receipt.domain === RECEIPT_DOMAIN ? await signReceipt(receipt, signer) : await signer.sign(encodeReceipt(receipt));
  return b64(encodeReceiptMessage({ cert: opts.cert ?? s.cert, receipt, signature }));
}

export interface Redemption {
  index: number;
  status: 'PAID' | 'NOTHING_NEW' | 'REFUSED';
  code: string | null;
  message: string | null;
  segments: number;
  amount: string;
}

export async function redeem(peerOwner: ApiClient, receipts: string[]): Promise<{ results: Redemption[]; totalPaid: bigint }> {
  const r = await peerOwner.gql(REDEEM, { input: { receipts } });
  if (!r.data?.redeemReceipts) throw new Error(`redeemReceipts failed: ${JSON.stringify(r)}`);
  return { results: r.data.redeemReceipts.results, totalPaid: BigInt(r.data.redeemReceipts.totalPaid) };
}

export async function wallet(
  client: ApiClient,
): Promise<{ balance: bigint; pending: bigint; creatorRevenue: bigint; adFreeUntil: string | null }> {
  const r = await client.gql(`{ wallet { balance pending creatorRevenue adFreeUntil } }`);
  const w = r.data?.wallet;
  if (!w) throw new Error(`wallet failed: ${JSON.stringify(r)}`);
  return { balance: BigInt(w.balance), pending: BigInt(w.pending), creatorRevenue: BigInt(w.creatorRevenue), adFreeUntil: w.adFreeUntil };
}
