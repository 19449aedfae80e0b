/**
 * The seeder's receipt keeping without WebTorrent: a ReceiptKeeper on a real SeederStore folder,
 * with a test origin key it is given.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  encodeReceiptMessage,
  NodeEd25519Signer,
  RECEIPT_DOMAIN,
  type Receipt,
  SESSION_CERT_DOMAIN,
  signReceipt,
  signSessionCert,
  type SignedSessionCert,
} from '@wetube/swarm';
import { ReceiptKeeper, type ReceiptKeeperOptions } from '../src/receipt.keeper';
import { type ReceiptsFile, SeederStore } from '../src/seeder.store';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function world() {
  const dir = await mkdtemp(join(tmpdir(), 'wetube-receipts-'));
  dirs.push(dir);
  const store = new SeederStore(dir);
  await store.init();
  const origin = NodeEd25519Signer.generate();
  const session = NodeEd25519Signer.generate();
  const peerId = Buffer.from(NodeEd25519Signer.generate().publicKey).toString('base64url');
  const cert = await signSessionCert(
    {
      domain: SESSION_CERT_DOMAIN,
      sessionId: 'session-1',
      videoId: 'video-1',
      sessionPublicKey: session.publicKey,
      viewerId: 'viewer-1',
      expiresAt: Date.now() + 3_600_000,
    },
    origin,
  );
  const receipt = (over: Partial<Receipt> = {}): Receipt => ({
    domain: RECEIPT_DOMAIN,
    sessionId: 'session-1',
    peerId,
    seq: 1,
    lastSegmentCid: 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku',
    cumulativeSegments: 1,
    cumulativeBytes: 500_000,
    ...over,
  });
  const message = async (r: Receipt, signer = session, c: SignedSessionCert = cert) =>
    encodeReceiptMessage({ cert: c, receipt: r, signature: await signReceipt(r, signer) });
  const logs: string[] = [];
  const debug: string[] = [];
  const keeper = (over: Partial<ReceiptKeeperOptions> = {}) =>
    new ReceiptKeeper({
      peerId,
      storage: store,
      originKey: async () => origin.publicKey,
      log: (m) => logs.push(m),
      debug: (m) => debug.push(m),
      flushDelayMs: 30,
      ...over,
    });
  const file = async (): Promise<ReceiptsFile> => JSON.parse(await readFile(store.receiptsPath, 'utf8'));
  return { dir, store, origin, session, peerId, cert, receipt, message, keeper, logs, debug, file };
}

const exists = (p: string) =>
  readFile(p).then(
    () => true,
    () => false,
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ReceiptKeeper', () => {
  it('keeps the newest receipt per session in receipts.json (debounced), and refuses a replay after a restart', async () => {
    const w = await world();
    const k1 = w.keeper({ flushDelayMs: 200 });
    await k1.start();
    const first = await w.message(w.receipt());
    assert.equal((await k1.accept(first, 'viewer')).accepted, true);
    const second = await w.message(w.receipt({ seq: 2, cumulativeSegments: 2, cumulativeBytes: 1_200_000 }));
    assert.equal((await k1.accept(second, 'viewer')).accepted, true);
    assert.equal(await exists(w.store.receiptsPath), false, 'not written at once (debounced)');
    assert.deepEqual(k1.stats(), { kept: 1, bytes: 1_200_000, accepted: 2, refused: 0, refusedBy: {} });
    await sleep(350);
    const f = await w.file();
    assert.equal(f.version, 1);
    assert.equal(f.peerId, w.peerId);
    assert.equal(f.receipts.length, 1);
    assert.deepEqual(
      { ...f.receipts[0], acceptedAt: 0, expiresAt: 0 },
      {
        sessionId: 'session-1',
        videoId: 'video-1',
        seq: 2,
        cumulativeSegments: 2,
        cumulativeBytes: 1_200_000,
        acceptedAt: 0,
        expiresAt: 0,
        message: Buffer.from(second).toString('base64url'),
      },
    );
    assert.deepEqual(
      (await readdir(w.dir)).filter((n) => n.includes('.tmp')),
      [],
      'no temp file left',
    );
    await k1.stop();

    // restart on the same folder
    const k2 = w.keeper();
    await k2.start();
    assert.equal(k2.stats().kept, 1);
    assert.equal(k2.stats().bytes, 1_200_000);
    const replay = await k2.accept(second, 'viewer');
    assert.equal(!replay.accepted && replay.reason, 'replayed');
    const older = await k2.accept(first, 'viewer');
    assert.equal(!older.accepted && older.reason, 'stale-seq');
    const third = await k2.accept(await w.message(w.receipt({ seq: 3, cumulativeSegments: 3, cumulativeBytes: 1_700_000 })), 'viewer');
    assert.ok(third.accepted);
    assert.deepEqual(third.added, { segments: 1, bytes: 500_000 });
    assert.equal(k2.stats().bytes, 1_700_000);
    await k2.stop(); // flushes what is pending
    assert.equal((await w.file()).receipts[0].seq, 3);
  });

  it('refuses forged receipts and receipts for another peer; logs refusals rate-limited, with the reason', async () => {
    const w = await world();
    let now = Date.now(); // also the book's clock: the certificate expires an hour after the real now
    const k = w.keeper({ now: () => now, refusalLogEveryMs: 10_000 });
    await k.start();
    assert.ok((await k.accept(await w.message(w.receipt()), 'viewer-x')).accepted);
    const forged = await k.accept(
      await w.message(w.receipt({ seq: 2, cumulativeBytes: 9e6, cumulativeSegments: 9 }), NodeEd25519Signer.generate()),
      'viewer-x',
    );
    assert.equal(!forged.accepted && forged.reason, 'bad-signature');
    const other = await k.accept(
      await w.message(w.receipt({ peerId: 'someone-else', seq: 2, cumulativeSegments: 2, cumulativeBytes: 2 })),
      'viewer-x',
    );
    assert.equal(!other.accepted && other.reason, 'wrong-peer');
    const replay = await w.message(w.receipt());
    for (let i = 0; i < 3; i++) await k.accept(replay, 'viewer-x');
    assert.deepEqual(k.stats().refusedBy, { 'bad-signature': 1, 'wrong-peer': 1, replayed: 3 });
    assert.equal(w.debug.filter((l) => l.includes('(replayed)')).length, 1, w.debug.join('\n'));
    assert.match(w.debug[0], /^receipt refused \(bad-signature\) from viewer-x: /);
    now += 10_001;
    await k.accept(replay, 'viewer-x');
    assert.match(w.debug.at(-1)!, /\(replayed\).*\(\+2 more replayed refusals not shown\)/);
    assert.equal(k.stats().kept, 1);
    await k.stop();
  });

  it('refuses everything while the origin key cannot be read, retries later, then restores what it had', async () => {
    const w = await world();
    // a first run keeps one receipt
    const k1 = w.keeper();
    await k1.start();
    const m1 = await w.message(w.receipt());
    assert.ok((await k1.accept(m1, 'v')).accepted);
    await k1.stop();

    let now = Date.now();
    let up = false;
    let attempts = 0;
    const k2 = w.keeper({
      now: () => now,
      originRetryMs: 30_000,
      originKey: async () => {
        attempts++;
        if (!up) throw new Error('api down');
        return w.origin.publicKey;
      },
    });
    await k2.start();
    assert.equal(await k2.ready(), undefined);
    assert.equal(attempts, 1);
    assert.match(w.logs.join('\n'), /cannot read the origin key \(api down\)/);
    assert.equal(k2.stats().kept, 1, 'loaded from disk even without the key');
    const d = await k2.accept(await w.message(w.receipt({ seq: 2, cumulativeSegments: 2, cumulativeBytes: 600_000 })), 'v');
    assert.equal(!d.accepted && d.reason, 'no-origin-key');
    assert.equal(attempts, 1, 'no new attempt inside the retry interval');
    up = true;
    now += 30_001;
    const replay = await k2.accept(m1, 'v');
    assert.equal(attempts, 2);
    assert.equal(!replay.accepted && replay.reason, 'replayed', 'the restored receipt is known once the key is there');
    assert.ok((await k2.accept(await w.message(w.receipt({ seq: 2, cumulativeSegments: 2, cumulativeBytes: 600_000 })), 'v')).accepted);
    await k2.stop();
  });

  it('moves a corrupt receipts.json aside and keeps entries it cannot use in the file', async () => {
    const w = await world();
    await writeFile(w.store.receiptsPath, '{ not json');
    const k1 = w.keeper();
    await k1.start();
    assert.match(w.logs.join('\n'), /was not a receipts file; moved to .*receipts\.json\.corrupt-\d+/);
    assert.equal((await readdir(w.dir)).filter((n) => n.startsWith('receipts.json.corrupt-')).length, 1);
    await k1.stop();

    const foreign = {
      sessionId: 's-old',
      videoId: 'v',
      seq: 7,
      cumulativeSegments: 7,
      cumulativeBytes: 7,
      expiresAt: 0,
      acceptedAt: 0,
      message: 'AAAA',
    };
    await w.store.writeReceipts({ version: 1, peerId: 'an-older-key', receipts: [foreign] });
    const k2 = w.keeper();
    await k2.start();
    assert.match(w.logs.join('\n'), /1 entries .* cannot be decoded/);
    assert.equal(k2.stats().kept, 0);
    assert.ok((await k2.accept(await w.message(w.receipt()), 'v')).accepted);
    await k2.stop();
    const f = await w.file();
    assert.equal(f.peerId, w.peerId);
    assert.deepEqual(
      f.receipts.map((r) => r.sessionId),
      ['session-1', 's-old'],
    );
  });
});
