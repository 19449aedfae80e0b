/**
 * wt_receipt over two real bittorrent-protocol wires piped into each other (no sockets): a viewer
 * wire sends receipts to a serving peer's wire, which checks them with a ReceiptBook.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { importEsm } from '../esm';
import { toBase64Url } from './bytes';
import { NodeEd25519Signer, NodeEd25519Verifier } from './node-ed25519';
import { RECEIPT_DOMAIN, type Receipt, signReceipt } from './receipt';
import { ReceiptBook, type ReceiptDecision } from './receipt-book';
import {
  MAX_RECEIPT_MESSAGE_BYTES,
  peerIdFromHandshake,
  RECEIPT_EXTENSION_NAME,
  type ReceiptExtension,
  receiptExtension,
  type ReceiptExtensionClass,
} from './receipt-extension';
import { encodeReceiptMessage } from './receipt-message';
import { SESSION_CERT_DOMAIN, signSessionCert } from './session-cert';

interface Wire {
  extendedHandshake: Record<string, unknown>;
  peerExtendedHandshake: Record<string, unknown>;
  wt_receipt?: ReceiptExtension;
  use(ext: ReceiptExtensionClass): void;
  handshake(infoHash: string, peerId: string): void;
  extended(ext: string | number, obj: Uint8Array): void;
  pipe<T>(dest: T): T;
  on(event: string, fn: (...args: any[]) => void): void;
  once(event: string, fn: (...args: any[]) => void): void;
  destroy(): void;
}
type WireCtor = new () => Wire;

const INFO_HASH = randomBytes(20).toString('hex');
const verifier = new NodeEd25519Verifier();
const open: Wire[] = [];
after(() => open.forEach((w) => w.destroy()));

let WireClass: WireCtor | undefined;
async function wireCtor(): Promise<WireCtor> {
  WireClass ??= (await importEsm<{ default: WireCtor }>('bittorrent-protocol')).default;
  return WireClass;
}

/** Resolves with the remote's extended handshake once it arrived on `wire`. */
function extendedHandshakeOf(wire: Wire): Promise<Record<string, unknown>> {
  return new Promise((resolve) =>
    wire.on('extended', (ext: string, payload: Record<string, unknown>) => ext === 'handshake' && resolve(payload)),
  );
}

/** Two connected wires, each after `setup`, handshaken (BitTorrent and BEP 10) both ways. */
async function connect(setupA: (w: Wire) => void, setupB: (w: Wire) => void): Promise<{ a: Wire; b: Wire }> {
  const Ctor = await wireCtor();
  const a = new Ctor();
  const b = new Ctor();
  open.push(a, b);
  a.pipe(b).pipe(a);
  setupA(a);
  setupB(b);
  const done = Promise.all([extendedHandshakeOf(a), extendedHandshakeOf(b)]);
  b.once('handshake', () => b.handshake(INFO_HASH, randomBytes(20).toString('hex')));
  a.handshake(INFO_HASH, randomBytes(20).toString('hex'));
  await done;
  return { a, b };
}

/** Waits for `n` calls of the returned callback. */
function collector<T>(n: number): { push: (v: T) => void; all: Promise<T[]> } {
  const got: T[] = [];
  let resolve!: (v: T[]) => void;
  const all = new Promise<T[]>((r) => (resolve = r));
  return {
    push: (v) => {
      got.push(v);
      if (got.length === n) resolve(got);
    },
    all,
  };
}

async function viewerAndServer() {
  const origin = NodeEd25519Signer.generate();
  const session = NodeEd25519Signer.generate();
  const server = NodeEd25519Signer.generate();
  const serverId = toBase64Url(server.publicKey);
  const viewerId = toBase64Url(session.publicKey);
  const cert = await signSessionCert(
    {
      domain: SESSION_CERT_DOMAIN,
      sessionId: 'session-1',
      videoId: 'video-1',
      sessionPublicKey: session.publicKey,
      viewerId: '',
      expiresAt: Date.now() + 3_600_000,
    },
    origin,
  );
  const book = new ReceiptBook({ peerId: serverId, originPublicKey: origin.publicKey, verifier });
  return { origin, session, cert, book, serverId, viewerId };
}

describe('wt_receipt extension', () => {
  it('exchanges platform peer ids in the extended handshake and sees support both ways', async () => {
    const idA = toBase64Url(NodeEd25519Signer.generate().publicKey);
    const idB = toBase64Url(NodeEd25519Signer.generate().publicKey);
    const seen: string[] = [];
    const { a, b } = await connect(
      (w) => w.use(receiptExtension({ localPeerId: idA, onExtendedHandshake: (ext) => seen.push(`a:${ext.remotePeerId}`) })),
      (w) => w.use(receiptExtension({ localPeerId: idB, onExtendedHandshake: (ext) => seen.push(`b:${ext.remotePeerId}`) })),
    );
    assert.equal(RECEIPT_EXTENSION_NAME, 'wt_receipt');
    assert.equal(a.wt_receipt?.name, 'wt_receipt');
    assert.equal(a.wt_receipt?.remotePeerId, idB);
    assert.equal(b.wt_receipt?.remotePeerId, idA);
    assert.equal(a.wt_receipt?.supported, true);
    assert.equal(b.wt_receipt?.supported, true);
    assert.equal(a.wt_receipt?.localPeerId, idA);
    // the raw handshake carries it as a bencoded byte string
    assert.equal(new TextDecoder().decode(a.peerExtendedHandshake.wetube_peer as Uint8Array), idB);
    // one callback per side, not one per delivery path
    assert.deepEqual(seen.sort(), [`a:${idB}`, `b:${idA}`]);
  });

  it('carries a receipt message that the serving side’s ReceiptBook accepts; a replay and a forgery are refused', async () => {
    const s = await viewerAndServer();
    const decisions = collector<ReceiptDecision>(3);
    const { a: viewer, b: server } = await connect(
      (w) => w.use(receiptExtension({ localPeerId: s.viewerId })),
      (w) =>
        w.use(
          receiptExtension({
            localPeerId: s.serverId,
            onReceipt: (bytes, ext) => {
              assert.equal(ext.remotePeerId, s.viewerId);
              void s.book.accept(bytes).then(decisions.push);
            },
          }),
        ),
    );
    // The viewer names the peer it learned from the handshake.
    const ext = viewer.wt_receipt!;
    assert.equal(ext.remotePeerId, s.serverId);
    const receipt: Receipt = {
      domain: RECEIPT_DOMAIN,
      sessionId: 'session-1',
      peerId: ext.remotePeerId!,
      seq: 1,
      lastSegmentCid: 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku',
      cumulativeSegments: 2,
      cumulativeBytes: 1_048_576,
    };
    const message = encodeReceiptMessage({ cert: s.cert, receipt, signature: await signReceipt(receipt, s.session) });
    assert.equal(ext.send(message), true);
    assert.equal(ext.send(message), true); // replay
    const forged = { ...receipt, seq: 2, cumulativeSegments: 3, cumulativeBytes: 9_999_999 };
    const forgery = encodeReceiptMessage({
      cert: s.cert,
      receipt: forged,
      signature: await signReceipt(forged, NodeEd25519Signer.generate()),
    });
    assert.equal(ext.send(forgery), true);
    const [first, replay, forgedDecision] = await decisions.all;
    assert.ok(first.accepted, JSON.stringify(first));
    assert.deepEqual(first.added, { segments: 2, bytes: 1_048_576 });
    assert.equal(!replay.accepted && replay.reason, 'replayed');
    assert.equal(!forgedDecision.accepted && forgedDecision.reason, 'bad-signature');
    assert.equal(s.book.get('session-1')?.receipt.cumulativeBytes, 1_048_576);
    assert.equal(ext.sent, 3);
    assert.equal(server.wt_receipt?.received, 3);
  });

  it('sends nothing to a remote without the extension (and still learns nothing about it)', async () => {
    const id = toBase64Url(NodeEd25519Signer.generate().publicKey);
    const plainGot: string[] = [];
    const { a, b } = await connect(
      (w) => w.use(receiptExtension({ localPeerId: id })),
      (w) => w.on('extended', (ext: string) => plainGot.push(ext)),
    );
    const ext = a.wt_receipt!;
    assert.equal(ext.handshaken, true);
    assert.equal(ext.supported, false);
    assert.equal(ext.remotePeerId, null);
    assert.equal(ext.send(new Uint8Array([1, 2, 3])), false);
    assert.equal(ext.sent, 0);
    // the plain side still sees our id in the handshake, and gets no other extended message
    assert.equal(peerIdFromHandshake(b.peerExtendedHandshake), id);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(plainGot, ['handshake']);
  });

  it('reads the remote id even when the remote lacks wt_receipt, and refuses junk ids', async () => {
    const id = toBase64Url(NodeEd25519Signer.generate().publicKey);
    const { a } = await connect(
      (w) => w.use(receiptExtension({ localPeerId: toBase64Url(NodeEd25519Signer.generate().publicKey) })),
      (w) => (w.extendedHandshake.wetube_peer = id),
    );
    assert.equal(a.wt_receipt?.remotePeerId, id);
    assert.equal(a.wt_receipt?.supported, false);

    const { a: a2 } = await connect(
      (w) => w.use(receiptExtension({ localPeerId: 'aaaa' })),
      (w) => {
        w.use(receiptExtension({ localPeerId: 'bbbb' }));
        w.extendedHandshake.wetube_peer = 'not base64url!'; // overwrite after the extension set it
      },
    );
    assert.equal(a2.wt_receipt?.supported, true);
    assert.equal(a2.wt_receipt?.remotePeerId, null);

    const enc = (s: string) => new TextEncoder().encode(s);
    assert.equal(peerIdFromHandshake({ wetube_peer: enc(id) }), id);
    assert.equal(peerIdFromHandshake({ wetube_peer: enc('A'.repeat(64)) }), 'A'.repeat(64));
    assert.equal(peerIdFromHandshake({ wetube_peer: enc('A'.repeat(65)) }), null);
    assert.equal(peerIdFromHandshake({ wetube_peer: new Uint8Array([0xff, 0xfe]) }), null);
    assert.equal(peerIdFromHandshake({ wetube_peer: enc('') }), null);
    assert.equal(peerIdFromHandshake({ wetube_peer: 42 }), null);
    assert.equal(peerIdFromHandshake({}), null);
    assert.equal(peerIdFromHandshake(null), null);
    assert.throws(() => receiptExtension({ localPeerId: 'has space' }), /base64url/);
  });

  it('drops oversized messages and messages beyond the per-wire rate', async () => {
    const got = collector<Uint8Array>(4);
    let now = 1_000_000;
    const { a, b } = await connect(
      (w) => w.use(receiptExtension({ localPeerId: 'viewer' })),
      (w) => w.use(receiptExtension({ localPeerId: 'server', maxMessagesPerSecond: 2, now: () => now, onReceipt: got.push })),
    );
    const ext = a.wt_receipt!;
    assert.equal(ext.send(new Uint8Array(MAX_RECEIPT_MESSAGE_BYTES + 1)), false, 'send refuses too big');
    assert.equal(ext.send(new Uint8Array(0)), false, 'send refuses empty');
    // a misbehaving remote bypasses send(): the receiving side drops it
    a.extended(RECEIPT_EXTENSION_NAME, new Uint8Array(MAX_RECEIPT_MESSAGE_BYTES + 1));
    for (let i = 1; i <= 6; i++) assert.equal(ext.send(new Uint8Array([i])), true); // burst 4 passes, 2 dropped
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(b.wt_receipt?.received, 4);
    assert.equal(b.wt_receipt?.dropped, 3);
    assert.deepEqual(
      (await got.all).map((m) => m[0]),
      [1, 2, 3, 4],
    );
    now += 1000; // two more tokens
    assert.equal(ext.send(new Uint8Array([7])), true);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(b.wt_receipt?.received, 5);
  });
});
