import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeReceipt, encodeReceipt, RECEIPT_DOMAIN, type Receipt, signReceipt, verifyReceipt } from './receipt';
import {
  parseSignedSessionCert,
  serializeSignedSessionCert,
  SESSION_CERT_DOMAIN,
  type SessionCert,
  signSessionCert,
  type SignedSessionCert,
  verifySessionCert,
} from './session-cert';
import { decodeReceiptMessage, encodeReceiptMessage } from './receipt-message';
import { ReceiptBook } from './receipt-book';
import { NodeEd25519Signer, NodeEd25519Verifier } from './node-ed25519';
import { WebCryptoEd25519Signer, WebCryptoEd25519Verifier } from './webcrypto-ed25519';
import { FieldWriter } from './bytes';
import type { Ed25519Signer } from './ed25519';

const NOW = 1_750_000_000_000;
const PEER = 'peer-alice';
const nodeVerifier = new NodeEd25519Verifier();

function receipt(over: Partial<Receipt> = {}): Receipt {
  return {
    domain: RECEIPT_DOMAIN,
    sessionId: 'session-1',
    peerId: PEER,
    seq: 1,
    lastSegmentCid: 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku',
    cumulativeSegments: 1,
    cumulativeBytes: 500_000,
    ...over,
  };
}

async function setup() {
  const origin = NodeEd25519Signer.generate();
  const session = NodeEd25519Signer.generate();
  const cert = await signSessionCert(
    {
      domain: SESSION_CERT_DOMAIN,
      sessionId: 'session-1',
      videoId: 'video-1',
      sessionPublicKey: session.publicKey,
      viewerId: 'viewer-1',
      expiresAt: NOW + 3_600_000,
    },
    origin,
  );
  let now = NOW;
  const book = new ReceiptBook({ peerId: PEER, originPublicKey: origin.publicKey, verifier: nodeVerifier, now: () => now });
  const message = async (r: Receipt, signer: Ed25519Signer = session, c: SignedSessionCert = cert) =>
    encodeReceiptMessage({ cert: c, receipt: r, signature: await signer.sign(encodeReceipt(r)) });
  return { origin, session, cert, book, message, setNow: (t: number) => (now = t) };
}

describe('receipt encoding', () => {
  it('is deterministic, length-prefixed, starts with the domain and round-trips', () => {
    const a = encodeReceipt(receipt());
    assert.deepEqual(a, encodeReceipt(receipt()));
    const view = new DataView(a.buffer, a.byteOffset);
    assert.equal(view.getUint32(0), RECEIPT_DOMAIN.length);
    assert.equal(new TextDecoder().decode(a.subarray(4, 4 + RECEIPT_DOMAIN.length)), RECEIPT_DOMAIN);
    assert.deepEqual(decodeReceipt(a), receipt());
  });

  it('refuses trailing bytes, truncation, unsafe integers and negative counters', () => {
    const a = encodeReceipt(receipt());
    assert.throws(() => decodeReceipt(new Uint8Array([...a, 0])), /trailing/);
    assert.throws(() => decodeReceipt(a.subarray(0, a.length - 1)), /truncated/);
    assert.throws(() => encodeReceipt(receipt({ seq: -1 })), /non-negative safe integer/);
    assert.throws(() => encodeReceipt(receipt({ cumulativeBytes: 2 ** 53 })), /safe integer/);
  });

  it('field boundaries are unambiguous: moving a character between fields changes the bytes', () => {
    assert.notDeepEqual(encodeReceipt(receipt({ sessionId: 'ab', peerId: 'c' })), encodeReceipt(receipt({ sessionId: 'a', peerId: 'bc' })));
  });

  it('session certificate text form round-trips', async () => {
    const { cert, origin } = await setup();
    const parsed = parseSignedSessionCert(serializeSignedSessionCert(cert));
    assert.deepEqual(parsed.cert, cert.cert);
    const check = await verifySessionCert(parsed.cert, parsed.signature, origin.publicKey, nodeVerifier, NOW);
    assert.equal(check.ok, true);
  });
});

describe('signReceipt / verifyReceipt', () => {
  it('verifies the object and the bytes; refuses a tampered field and a wrong key', async () => {
    const signer = NodeEd25519Signer.generate();
    const sig = await signReceipt(receipt(), signer);
    assert.equal(await verifyReceipt(receipt(), sig, signer.publicKey, nodeVerifier), true);
    assert.equal(await verifyReceipt(encodeReceipt(receipt()), sig, signer.publicKey, nodeVerifier), true);
    assert.equal(await verifyReceipt(receipt({ cumulativeBytes: 500_001 }), sig, signer.publicKey, nodeVerifier), false);
    assert.equal(await verifyReceipt(receipt(), sig, NodeEd25519Signer.generate().publicKey, nodeVerifier), false);
    assert.equal(await verifyReceipt(receipt(), sig.subarray(1), signer.publicKey, nodeVerifier), false);
  });

  it('a signature over another domain never verifies as a receipt', async () => {
    const signer = NodeEd25519Signer.generate();
    const other = { ...receipt(), domain: 'wetube-other-v1' };
    const sig = await signer.sign(encodeReceipt(other));
    assert.equal(await verifyReceipt(other, sig, signer.publicKey, nodeVerifier), false);
    assert.equal(await verifyReceipt(receipt(), sig, signer.publicKey, nodeVerifier), false);
    await assert.rejects(signReceipt(other, signer), /domain/);
  });

  it('a session certificate signature does not verify as a receipt (domain separation)', async () => {
    const { cert, origin } = await setup();
    const certAsReceipt = new FieldWriter().string(SESSION_CERT_DOMAIN, 'd').finish();
    assert.equal(await verifyReceipt(certAsReceipt, cert.signature, origin.publicKey, nodeVerifier), false);
  });

  it('Node and WebCrypto implementations verify each other', async () => {
    const web = await WebCryptoEd25519Signer.generate();
    const node = NodeEd25519Signer.generate();
    const webVerifier = new WebCryptoEd25519Verifier();
    const fromWeb = await signReceipt(receipt(), web);
    const fromNode = await signReceipt(receipt(), node);
    assert.equal(await verifyReceipt(receipt(), fromWeb, web.publicKey, nodeVerifier), true);
    assert.equal(await verifyReceipt(receipt(), fromNode, node.publicKey, webVerifier), true);
    assert.equal(await verifyReceipt(receipt(), fromWeb, web.publicKey, webVerifier), true);
    // and both refuse what they should
    assert.equal(await verifyReceipt(receipt({ seq: 2 }), fromWeb, web.publicKey, nodeVerifier), false);
    assert.equal(await verifyReceipt(receipt({ seq: 2 }), fromNode, node.publicKey, webVerifier), false);
    assert.equal(await verifyReceipt(receipt(), fromNode, web.publicKey, webVerifier), false);
    // Ed25519 is deterministic: same key, same message, same signature in both implementations
    const seed = crypto.getRandomValues(new Uint8Array(32));
    const a = NodeEd25519Signer.fromSeed(seed);
    assert.equal(a.publicKey.length, 32);
    assert.deepEqual(await a.sign(encodeReceipt(receipt())), await a.sign(encodeReceipt(receipt())));
  });
});

describe('ReceiptBook', () => {
  it('accepts a valid receipt, keeps the newest, reports what it added', async () => {
    const { book, message } = await setup();
    const first = await book.accept(await message(receipt()));
    assert.equal(first.accepted, true);
    const second = await book.accept(await message(receipt({ seq: 2, cumulativeSegments: 3, cumulativeBytes: 1_400_000 })));
    assert.ok(second.accepted);
    assert.deepEqual(second.added, { segments: 2, bytes: 900_000 });
    assert.equal(book.get('session-1')?.receipt.seq, 2);
    assert.equal(book.all().length, 1);
    // the wire form round-trips
    const decoded = decodeReceiptMessage(await message(receipt({ seq: 3 })));
    assert.equal(decoded.receipt.seq, 3);
  });

  const refusals: Array<[string, string, (s: Awaited<ReturnType<typeof setup>>) => Promise<Uint8Array>]> = [
    ['forged (signed by another key)', 'bad-signature', async (s) => s.message(receipt(), NodeEd25519Signer.generate())],
    [
      'tampered field',
      'bad-signature',
      async (s) => {
        const sig = await s.session.sign(encodeReceipt(receipt()));
        return encodeReceiptMessage({ cert: s.cert, receipt: receipt({ cumulativeBytes: 9_000_000 }), signature: sig });
      },
    ],
    ['other session’s certificate', 'session-mismatch', async (s) => s.message(receipt({ sessionId: 'session-2' }))],
    ['other peerId', 'wrong-peer', async (s) => s.message(receipt({ peerId: 'peer-mallory' }))],
    ['other domain', 'wrong-domain', async (s) => s.message({ ...receipt(), domain: 'wetube-receipt-v0' })],
    [
      'certificate not signed by the origin',
      'cert-bad-signature',
      async (s) => {
        const fake = await signSessionCert(s.cert.cert, NodeEd25519Signer.generate());
        return s.message(receipt(), s.session, fake);
      },
    ],
    [
      'certificate of another domain',
      'cert-wrong-domain',
      async (s) => {
        const other: SessionCert = { ...s.cert.cert, domain: 'wetube-session-cert-v0' };
        return s.message(receipt(), s.session, { cert: other, signature: await s.origin.sign(new FieldWriter().finish()) });
      },
    ],
    ['garbage bytes', 'malformed', async () => new Uint8Array([1, 2, 3])],
  ];
  for (const [what, reason, make] of refusals) {
    it(`refuses ${what}: ${reason}`, async () => {
      const s = await setup();
      const decision = await s.book.accept(await make(s));
      assert.equal(decision.accepted, false);
      assert.equal(!decision.accepted && decision.reason, reason);
      assert.ok(!decision.accepted && decision.message.length > 10);
      assert.equal(s.book.size, 0);
    });
  }

  it('refuses an expired certificate', async () => {
    const s = await setup();
    s.setNow(s.cert.cert.expiresAt);
    const d = await s.book.accept(await s.message(receipt()));
    assert.equal(!d.accepted && d.reason, 'cert-expired');
  });

  it('refuses replayed, older and non-increasing receipts, keeping the newest', async () => {
    const s = await setup();
    const newest = receipt({ seq: 5, cumulativeSegments: 5, cumulativeBytes: 2_500_000 });
    assert.ok((await s.book.accept(await s.message(newest))).accepted);
    const replay = await s.book.accept(await s.message(newest));
    assert.equal(!replay.accepted && replay.reason, 'replayed');
    const older = await s.book.accept(await s.message(receipt({ seq: 4, cumulativeSegments: 9, cumulativeBytes: 9_000_000 })));
    assert.equal(!older.accepted && older.reason, 'stale-seq');
    const lowerSegments = await s.book.accept(await s.message(receipt({ seq: 6, cumulativeSegments: 4, cumulativeBytes: 3_000_000 })));
    assert.equal(!lowerSegments.accepted && lowerSegments.reason, 'counter-not-increasing');
    const sameBytes = await s.book.accept(await s.message(receipt({ seq: 6, cumulativeSegments: 6, cumulativeBytes: 2_500_000 })));
    assert.equal(!sameBytes.accepted && sameBytes.reason, 'counter-not-increasing');
    assert.deepEqual(s.book.get('session-1')?.receipt, newest);
  });

  it('refuses a first receipt with seq 0 or zero counters', async () => {
    const s = await setup();
    const d = await s.book.accept(await s.message(receipt({ seq: 0 })));
    assert.equal(!d.accepted && d.reason, 'stale-seq');
    const z = await s.book.accept(await s.message(receipt({ cumulativeSegments: 0, cumulativeBytes: 0 })));
    assert.equal(!z.accepted && z.reason, 'counter-not-increasing');
  });

  it('two receipts verified concurrently: only the newer one is kept', async () => {
    const s = await setup();
    const newer = await s.message(receipt({ seq: 2, cumulativeSegments: 2, cumulativeBytes: 2 }));
    const older = await s.message(receipt({ seq: 1, cumulativeSegments: 1, cumulativeBytes: 1 }));
    const [a, b] = await Promise.all([s.book.accept(newer), s.book.accept(older)]);
    assert.equal(a.accepted, true);
    assert.equal(!b.accepted && b.reason, 'stale-seq');
    assert.equal(s.book.get('session-1')?.receipt.seq, 2);
  });

  it('restore() puts kept receipts back, so a replay after a restart is still refused', async () => {
    const s = await setup();
    const newest = receipt({ seq: 3, cumulativeSegments: 3, cumulativeBytes: 1_500_000 });
    const wire = await s.message(newest);
    assert.ok((await s.book.accept(wire)).accepted);
    const saved = s.book.all();
    // a new book (the restarted peer) with the same options
    const again = new ReceiptBook({ peerId: PEER, originPublicKey: s.origin.publicKey, verifier: nodeVerifier, now: () => NOW });
    assert.equal(again.restore(saved), 1);
    const replay = await again.accept(wire);
    assert.equal(!replay.accepted && replay.reason, 'replayed');
    const older = await again.accept(await s.message(receipt({ seq: 2, cumulativeSegments: 2, cumulativeBytes: 1_000_000 })));
    assert.equal(!older.accepted && older.reason, 'stale-seq');
    const next = await again.accept(await s.message(receipt({ seq: 4, cumulativeSegments: 4, cumulativeBytes: 2_000_000 })));
    assert.ok(next.accepted);
    assert.deepEqual(next.added, { segments: 1, bytes: 500_000 });
    // restoring an older one does not roll the session back; other peers' and mismatched ones are skipped
    assert.equal(again.restore(saved), 0);
    assert.equal(again.get('session-1')?.receipt.seq, 4);
    const [k] = saved;
    assert.equal(again.restore([{ ...k, receipt: { ...k.receipt, sessionId: 'session-9', seq: 9 } }]), 0, 'cert names another session');
    assert.equal(again.restore([{ ...k, receipt: { ...k.receipt, peerId: 'peer-bob', seq: 9 } }]), 0, 'another peer');
    assert.equal(again.size, 1);
  });

  it('prunes sessions whose certificate expired', async () => {
    const s = await setup();
    await s.book.accept(await s.message(receipt()));
    assert.equal(s.book.prune(NOW).length, 0);
    assert.equal(s.book.prune(s.cert.cert.expiresAt).length, 1);
    assert.equal(s.book.size, 0);
  });
});
