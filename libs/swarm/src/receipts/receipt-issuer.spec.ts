import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReceiptBook } from './receipt-book';
import { decodeReceiptMessage } from './receipt-message';
import { PieceLedger, ReceiptIssuer } from './receipt-issuer';
import { NodeEd25519Signer, NodeEd25519Verifier } from './node-ed25519';
import { serializeSignedSessionCert, SESSION_CERT_DOMAIN, signSessionCert } from './session-cert';

async function viewer() {
  const origin = NodeEd25519Signer.generate();
  const session = NodeEd25519Signer.generate();
  const cert = await signSessionCert(
    {
      domain: SESSION_CERT_DOMAIN,
      sessionId: 's-1',
      videoId: 'v-1',
      sessionPublicKey: session.publicKey,
      viewerId: '',
      expiresAt: Date.now() + 3_600_000,
    },
    origin,
  );
  return { origin, issuer: new ReceiptIssuer('s-1', serializeSignedSessionCert(cert), session) };
}

describe('ReceiptIssuer', () => {
  it('signs cumulative receipts per peer that the peer’s ReceiptBook accepts, in order', async () => {
    const { origin, issuer } = await viewer();
    const book = new ReceiptBook({ peerId: 'peer-A', originPublicKey: origin.publicKey, verifier: new NodeEd25519Verifier() });
    const first = await issuer.credit('peer-A', 1000, 'bafkreifirst');
    const second = await issuer.credit('peer-A', 500, 'bafkreisecond');
    const r = decodeReceiptMessage(second).receipt;
    assert.deepEqual([r.seq, r.cumulativeSegments, r.cumulativeBytes, r.lastSegmentCid, r.sessionId], [2, 2, 1500, 'bafkreisecond', 's-1']);
    const a = await book.accept(first);
    assert.ok(a.accepted);
    const b = await book.accept(second);
    assert.ok(b.accepted && b.added.bytes === 500 && b.added.segments === 1);
    const replay = await book.accept(first);
    assert.equal(replay.accepted, false);
  });

  it('keeps separate accounts per peer; a receipt for one peer is refused by another', async () => {
    const { origin, issuer } = await viewer();
    await issuer.credit('peer-A', 100, 'bafkreia');
    const forB = await issuer.credit('peer-B', 7, 'bafkreib');
    assert.deepEqual(decodeReceiptMessage(forB).receipt.seq, 1);
    assert.deepEqual(
      [...issuer.totals()],
      [
        ['peer-A', 100],
        ['peer-B', 7],
      ],
    );
    const bookA = new ReceiptBook({ peerId: 'peer-A', originPublicKey: origin.publicKey, verifier: new NodeEd25519Verifier() });
    const d = await bookA.accept(forB);
    assert.ok(!d.accepted && d.reason === 'wrong-peer');
  });
});

describe('PieceLedger', () => {
  it('credits each piece once, to the senders of its blocks, by bytes', () => {
    const l = new PieceLedger<string>();
    l.received(0, 'A', 16384);
    l.received(0, 'B', 16384);
    l.received(1, 'A', 100);
    l.received(2, 'B', 50);
    assert.deepEqual(
      [...l.settle(0, 1)],
      [
        ['A', 16484],
        ['B', 16384],
      ],
    );
    assert.deepEqual([...l.settle(1, 2)], [['B', 50]], 'piece 1 was paid already');
    l.received(1, 'A', 999);
    assert.deepEqual([...l.settle(0, 2)], [], 'late blocks of a paid piece are not paid again');
  });

  it('forgets the senders of a piece that failed its check, and names them first', () => {
    const l = new PieceLedger<string>();
    l.received(3, 'bad', 16384);
    l.received(3, 'good', 16384);
    assert.deepEqual(l.sendersOf(3), ['bad', 'good']);
    l.reset(3);
    assert.deepEqual(l.sendersOf(3), []);
    l.received(3, 'good', 32768);
    assert.deepEqual([...l.settle(3, 3)], [['good', 32768]]);
  });

  it('pays nobody for a piece that came from elsewhere (HTTP), even for blocks that arrive after', () => {
    const l = new PieceLedger<string>();
    l.received(5, 'partial', 16384);
    l.received(6, 'A', 16384);
    l.forgo(5);
    l.received(5, 'late', 16384);
    assert.deepEqual([...l.settle(5, 6)], [['A', 16384]]);
  });
});
