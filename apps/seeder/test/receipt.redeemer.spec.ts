/**
 * The seeder's redemption loop against a fake redeemReceipts: batches, retries, final and transient
 * refusals, pruning of receipts.json (a real ReceiptKeeper on a temp folder), the round at exit and
 * its time limit. Then the GraphQL client against a fake fetch.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  decodeReceiptMessage,
  encodeReceiptMessage,
  fromBase64Url,
  NodeEd25519Signer,
  RECEIPT_DOMAIN,
  type Receipt,
  SESSION_CERT_DOMAIN,
  signReceipt,
  signSessionCert,
} from '@wetube/swarm';
import { GraphqlError } from '../src/api.client';
import { ReceiptKeeper } from '../src/receipt.keeper';
import { ReceiptRedeemer, type RedeemCandidate, type RedeemSource } from '../src/receipt.redeemer';
import {
  REDEEM_RECEIPTS_MUTATION,
  RedeemClient,
  type RedeemApi,
  type RedeemReceiptsPayload,
  type ReceiptRedemption,
} from '../src/redeem.client';
import { type ReceiptsFile, SeederStore } from '../src/seeder.store';
import { statusClc, formatStatusLine } from '../src/status.line';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An in-memory source: newest receipt per (session, peer), with redeemed marks; no expiry. */
class MemorySource implements RedeemSource {
  readonly receipts = new Map<string, RedeemCandidate>();
  readonly redeemed = new Map<string, number>();
  flushes = 0;
  put(sessionId: string, seq: number, peerId = 'peer-1'): void {
    this.receipts.set(`${sessionId}/${peerId}`, { sessionId, peerId, seq, message: `${sessionId}.${peerId}.${seq}` });
  }
  unredeemed(): RedeemCandidate[] {
    return [...this.receipts.entries()].filter(([k, c]) => (this.redeemed.get(k) ?? 0) < c.seq).map(([, c]) => c);
  }
  markRedeemed(c: RedeemCandidate): void {
    this.redeemed.set(`${c.sessionId}/${c.peerId}`, c.seq);
  }
  pruneRedeemed(): number {
    return 0;
  }
  async flush(): Promise<void> {
    this.flushes++;
  }
}

/** A fake api: answers each message with `answer(message)`, records the calls. */
function fakeApi(answer: (message: string) => Partial<ReceiptRedemption> = () => ({ status: 'PAID', segments: 2, amount: '1500' })) {
  const calls: string[][] = [];
  let failNext = 0;
  let failWith: Error = new Error('cannot reach http://api/graphql: fetch failed');
  const api: RedeemApi & { calls: string[][]; fail(n: number, err?: Error): void } = {
    calls,
    fail(n, err) {
      failNext = n;
      if (err) failWith = err;
    },
    async redeemReceipts(receipts) {
      calls.push(receipts);
      if (failNext > 0) {
        failNext--;
        throw failWith;
      }
      const results = receipts.map((m, index) => {
        const [sessionId, peerId] = m.split('.');
        return {
          index,
          sessionId,
          peerId,
          status: 'PAID',
          code: null,
          message: null,
          retryable: false,
          segments: 0,
          amount: '0',
          ...answer(m),
        } as ReceiptRedemption;
      });
      const totalPaid = results.reduce((n, r) => n + BigInt(r.amount), 0n).toString();
      return { results, totalPaid, userErrors: [] };
    },
  };
  return api;
}

describe('ReceiptRedeemer', () => {
  it('sends every changed receipt in batches of at most 500 and only what changed afterwards', async () => {
    const source = new MemorySource();
    for (let i = 0; i < 1203; i++) source.put(`s${i}`, 1);
    const api = fakeApi();
    const logs: string[] = [];
    const r = new ReceiptRedeemer({ source, api, log: (m) => logs.push(m) });
    const round = await r.round();
    assert.deepEqual(
      api.calls.map((c) => c.length),
      [500, 500, 203],
    );
    assert.equal(new Set(api.calls.flat()).size, 1203, 'each receipt once');
    assert.equal(round.paidReceipts, 1203);
    assert.equal(round.paidSegments, 2406);
    assert.equal(round.paidAmount, 1203n * 1500n);
    assert.equal(logs.at(-1), 'redeem: sent 1203 receipts; paid 2406 segments, 1.804500 CLC (1203 receipts)');

    // Nothing changed: nothing is sent (and nothing is logged).
    await r.round();
    assert.equal(api.calls.length, 3);
    assert.equal(logs.length, 1);
    // A newer receipt of one session, and a second peer of another: only those two go.
    source.put('s7', 2);
    source.put('s8', 1, 'peer-2');
    await r.round();
    assert.deepEqual(api.calls.at(-1), ['s7.peer-1.2', 's8.peer-2.1']);
    assert.equal(r.totals().paidReceipts, 1205);
    assert.equal(r.totals().paidAmount, 1205n * 1500n);
    assert.equal(statusClc(r.totals().paidAmount), '1.807500 CLC');
  });

  it('settles NOTHING_NEW and final refusals, sends retryable refusals and unanswered receipts again', async () => {
    const source = new MemorySource();
    for (const s of ['paid', 'same', 'fast', 'stale', 'busy', 'nocode', 'lost']) source.put(s, 1);
    const api = fakeApi((m) => {
      const s = m.split('.')[0];
      if (s === 'same') return { status: 'NOTHING_NEW' };
      if (s === 'fast') return { status: 'REFUSED', code: 'TOO_FAST', message: 'too fast', retryable: true };
      if (s === 'stale') return { status: 'REFUSED', code: 'STALE' };
      if (s === 'busy') return { status: 'REFUSED', code: 'HOLD_EXCEEDED', retryable: false };
      if (s === 'nocode') return { status: 'REFUSED', code: null };
      if (s === 'lost') return { index: 99 }; // an answer for no receipt sent: ignored
      return { status: 'PAID', segments: 3, amount: '3000000' };
    });
    const logs: string[] = [];
    const r = new ReceiptRedeemer({ source, api, log: (m) => logs.push(m) });
    const round = await r.round();
    assert.deepEqual(
      {
        paid: round.paidReceipts,
        nothingNew: round.nothingNew,
        refusedBy: round.refusedBy,
        retryLater: round.retryLater,
        unanswered: round.unanswered,
      },
      { paid: 1, nothingNew: 1, refusedBy: { STALE: 1, HOLD_EXCEEDED: 1 }, retryLater: 2, unanswered: 1 },
    );
    assert.equal(
      logs.at(-1),
      'redeem: sent 7 receipts; paid 3 segments, 3.000000 CLC (1 receipts); nothing new 1; refused 2 (STALE 1, HOLD_EXCEEDED 1); 2 refused for now, sent again later; 1 kept for the next round',
    );
    await r.round();
    assert.deepEqual(api.calls.at(-1), ['fast.peer-1.1', 'nocode.peer-1.1', 'lost.peer-1.1']);
  });

  it('keeps every receipt when the api does not answer, and backs off while it keeps failing', async () => {
    const source = new MemorySource();
    for (let i = 0; i < 700; i++) source.put(`s${i}`, 1);
    const api = fakeApi();
    const logs: string[] = [];
    const r = new ReceiptRedeemer({ source, api, everyMs: 30_000, maxBackoffMs: 300_000, log: (m) => logs.push(m) });
    // The second batch fails: the first is settled, the other 200 are kept.
    let n = 0;
    const inner = api.redeemReceipts.bind(api);
    api.redeemReceipts = async (receipts, signal) => {
      if (++n === 2) throw new Error('POST http://api/graphql: HTTP 502');
      return inner(receipts, signal);
    };
    const first = await r.round();
    assert.equal(first.paidReceipts, 500);
    assert.equal(first.unanswered, 200);
    assert.equal(first.error, 'POST http://api/graphql: HTTP 502');
    assert.match(logs.at(-1)!, /200 kept for the next round \(error: POST http:\/\/api\/graphql: HTTP 502; next try in 60 s\)$/);
    assert.equal(source.unredeemed().length, 200);
    assert.equal(r.nextDelayMs(), 60_000);

    api.fail(3);
    for (const expected of [120_000, 240_000, 300_000]) {
      const round = await r.round();
      assert.equal(round.paidReceipts, 0);
      assert.equal(r.nextDelayMs(), expected);
    }
    assert.equal(source.unredeemed().length, 200, 'nothing lost');
    api.fail(1, new GraphqlError('GraphQL: Sign in to do this.', ['UNAUTHENTICATED']));
    assert.match((await r.round()).error!, /does not accept this --token/);
    const ok = await r.round();
    assert.equal(ok.paidReceipts, 200);
    assert.equal(r.nextDelayMs(), 30_000, 'back to the normal pace');
    assert.equal(source.unredeemed().length, 0);
    assert.equal(r.totals().paidReceipts, 700);
  });

  it('keeps the receipts of a call answered with userErrors only', async () => {
    const source = new MemorySource();
    source.put('s1', 1);
    const api: RedeemApi = {
      redeemReceipts: async () => ({
        results: [],
        totalPaid: '0',
        userErrors: [{ field: ['input', 'receipts'], code: 'TOO_MANY', message: 'At most 500.' }],
      }),
    };
    const r = new ReceiptRedeemer({ source, api });
    const round = await r.round();
    assert.equal(round.unanswered, 1);
    assert.equal(round.error, 'At most 500. (TOO_MANY)');
    assert.equal(source.unredeemed().length, 1);
  });

  it('runs every everyMs, waits while blocked, and redeems once more at stop', async () => {
    const source = new MemorySource();
    source.put('s1', 1);
    const api = fakeApi();
    const logs: string[] = [];
    let blocked: string | null = 'not registered yet';
    const r = new ReceiptRedeemer({ source, api, everyMs: 20, blockedBy: () => blocked, log: (m) => logs.push(m) });
    r.start();
    await sleep(90);
    assert.equal(api.calls.length, 0);
    assert.equal(logs.filter((l) => l.includes('not registered yet')).length, 1, 'said once');
    blocked = null;
    await sleep(60);
    assert.deepEqual(api.calls, [['s1.peer-1.1']]);
    source.put('s1', 2);
    source.put('s2', 1);
    await sleep(60);
    assert.deepEqual(api.calls.at(-1), ['s1.peer-1.2', 's2.peer-1.1']);
    // A receipt that arrives just before exit is redeemed by the round at stop.
    source.put('s3', 1);
    const calls = api.calls.length;
    const exit = await r.stop(1000);
    assert.ok(exit && exit.reason === 'exit');
    assert.deepEqual(
      api.calls
        .slice(calls)
        .flat()
        .filter((m) => m.startsWith('s3')),
      ['s3.peer-1.1'],
    );
    assert.match(logs.at(-1)!, /^redeem at exit: sent \d receipts; paid/);
    const after = api.calls.length;
    await sleep(60);
    assert.equal(api.calls.length, after, 'no round after stop');
    assert.equal(await r.stop(), null, 'a second stop does nothing');
  });

  it('gives up on the round at stop after the time limit, keeping the receipts', async () => {
    const source = new MemorySource();
    source.put('s1', 1);
    let aborted = false;
    const api: RedeemApi = {
      redeemReceipts: (_receipts, signal) =>
        new Promise<RedeemReceiptsPayload>((_resolve, reject) => {
          signal?.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    };
    const logs: string[] = [];
    const r = new ReceiptRedeemer({ source, api, everyMs: 60_000, log: (m) => logs.push(m) });
    r.start();
    const t0 = Date.now();
    assert.equal(await r.stop(80), null);
    const took = Date.now() - t0;
    assert.ok(took >= 75 && took < 1000, `stop took ${took} ms`);
    assert.ok(aborted, 'the request was aborted');
    assert.match(logs.join('\n'), /redeem at exit: no answer within 80 ms; the receipts stay kept for the next start/);
    assert.equal(source.unredeemed().length, 1);
  });

  it('at stop, waits for a round in flight, then sends what is still unsettled', async () => {
    const source = new MemorySource();
    source.put('s1', 1);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api = fakeApi();
    const inner = api.redeemReceipts.bind(api);
    api.redeemReceipts = async (receipts, signal) => {
      if (api.calls.length === 0) await gate;
      return inner(receipts, signal);
    };
    const r = new ReceiptRedeemer({ source, api, everyMs: 10 });
    r.start();
    await sleep(40); // the first round is in flight
    source.put('s2', 1);
    const stopping = r.stop(2000);
    release();
    await stopping;
    assert.deepEqual(api.calls, [['s1.peer-1.1'], ['s2.peer-1.1']]);
  });
});

describe('ReceiptKeeper as the redeem source', () => {
  async function world(expiresIn: number) {
    const dir = await mkdtemp(join(tmpdir(), 'wetube-redeem-'));
    dirs.push(dir);
    const store = new SeederStore(dir);
    await store.init();
    const origin = NodeEd25519Signer.generate();
    const peerId = Buffer.from(NodeEd25519Signer.generate().publicKey).toString('base64url');
    let now = Date.now();
    const sessions = new Map<string, { key: NodeEd25519Signer; cert: Awaited<ReturnType<typeof signSessionCert>> }>();
    const session = async (sessionId: string, expiresAt: number) => {
      const key = NodeEd25519Signer.generate();
      const cert = await signSessionCert(
        { domain: SESSION_CERT_DOMAIN, sessionId, videoId: 'video-1', sessionPublicKey: key.publicKey, viewerId: 'viewer-1', expiresAt },
        origin,
      );
      sessions.set(sessionId, { key, cert });
    };
    const message = async (sessionId: string, seq: number) => {
      const s = sessions.get(sessionId)!;
      const receipt: Receipt = {
        domain: RECEIPT_DOMAIN,
        sessionId,
        peerId,
        seq,
        lastSegmentCid: 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku',
        cumulativeSegments: seq,
        cumulativeBytes: seq * 100_000,
      };
      return encodeReceiptMessage({ cert: s.cert, receipt, signature: await signReceipt(receipt, s.key) });
    };
    const keeper = () =>
      new ReceiptKeeper({ peerId, storage: store, originKey: async () => origin.publicKey, flushDelayMs: 10_000, now: () => now });
    const file = async (): Promise<ReceiptsFile> => JSON.parse(await readFile(store.receiptsPath, 'utf8'));
    await session('short', now + expiresIn);
    await session('long', now + 3_600_000);
    return { store, peerId, session, message, keeper, file, advance: (ms: number) => (now += ms) };
  }

  /** Answers from the decoded messages: PAID for every receipt, or throws while `down`. */
  function ledger() {
    const sent: { sessionId: string; seq: number }[] = [];
    let down = false;
    const api: RedeemApi = {
      async redeemReceipts(receipts) {
        if (down) throw new Error('cannot reach http://api/graphql: fetch failed');
        const results = receipts.map((m, index) => {
          const { receipt } = decodeReceiptMessage(fromBase64Url(m));
          sent.push({ sessionId: receipt.sessionId, seq: receipt.seq });
          return {
            index,
            sessionId: receipt.sessionId,
            peerId: receipt.peerId,
            status: 'PAID' as const,
            code: null,
            message: null,
            retryable: false,
            segments: 1,
            amount: '1000',
          };
        });
        return { results, totalPaid: String(results.length * 1000), userErrors: [] };
      },
    };
    return { api, sent, setDown: (d: boolean) => (down = d) };
  }

  it('sends the exact wire bytes, remembers what was redeemed across a restart, and prunes expired redeemed receipts from receipts.json', async () => {
    const w = await world(60_000);
    const k1 = w.keeper();
    await k1.start();
    const m1 = await w.message('short', 1);
    assert.ok((await k1.accept(m1, 'v')).accepted);
    assert.ok((await k1.accept(await w.message('long', 1), 'v')).accepted);
    assert.equal(k1.unredeemed().find((c) => c.sessionId === 'short')!.message, Buffer.from(m1).toString('base64url'));

    const l = ledger();
    const r1 = new ReceiptRedeemer({ source: k1, api: l.api });
    await r1.round();
    assert.deepEqual(l.sent, [
      { sessionId: 'short', seq: 1 },
      { sessionId: 'long', seq: 1 },
    ]);
    let f = await w.file();
    assert.deepEqual(
      f.receipts.map((r) => [r.sessionId, r.seq, r.redeemedSeq]),
      [
        ['short', 1, 1],
        ['long', 1, 1],
      ],
      'written at once, with the marks',
    );

    // A newer receipt of "long" is redeemed; then a restart: nothing is sent again.
    assert.ok((await k1.accept(await w.message('long', 2), 'v')).accepted);
    await r1.round();
    assert.deepEqual(l.sent.at(-1), { sessionId: 'long', seq: 2 });
    await k1.stop();
    const k2 = w.keeper();
    await k2.start();
    assert.deepEqual(k2.unredeemed(), []);
    const r2 = new ReceiptRedeemer({ source: k2, api: l.api });
    await r2.round();
    assert.equal(l.sent.length, 3);

    // "short" expires: pruned (it was redeemed); "long" stays.
    w.advance(61_000);
    const round = await r2.round();
    assert.equal(round.pruned, 1);
    f = await w.file();
    assert.deepEqual(
      f.receipts.map((r) => r.sessionId),
      ['long'],
    );
    assert.equal(k2.stats().kept, 1);
    assert.equal(k2.stats().bytes, 200_000);
    await k2.stop();
  });

  it('keeps an expired receipt until it is redeemed, and prunes it even before the origin key is known', async () => {
    const w = await world(60_000);
    const k1 = w.keeper();
    await k1.start();
    assert.ok((await k1.accept(await w.message('short', 1), 'v')).accepted);
    assert.ok((await k1.accept(await w.message('short', 2), 'v')).accepted);
    const l = ledger();
    l.setDown(true);
    const r1 = new ReceiptRedeemer({ source: k1, api: l.api });
    await r1.round();
    w.advance(61_000);
    assert.equal((await r1.round()).pruned, 0, 'not redeemed: kept');
    await k1.stop();
    assert.deepEqual(
      (await w.file()).receipts.map((r) => [r.sessionId, r.seq, r.redeemedSeq]),
      [['short', 2, undefined]],
    );

    // Restart without the origin key (api down): still redeemed from the loaded receipts, then pruned.
    const k2 = new ReceiptKeeper({
      peerId: w.peerId,
      storage: w.store,
      originKey: async () => Promise.reject(new Error('api down')),
      now: () => Date.now() + 61_000,
    });
    await k2.start();
    assert.equal(k2.stats().kept, 1);
    l.setDown(false);
    const r2 = new ReceiptRedeemer({ source: k2, api: l.api });
    const round = await r2.round();
    assert.equal(round.paidReceipts, 1);
    assert.equal(round.pruned, 1);
    assert.deepEqual(l.sent, [{ sessionId: 'short', seq: 2 }]);
    await k2.stop();
    assert.deepEqual((await w.file()).receipts, []);
  });
});

describe('RedeemClient', () => {
  const payload = {
    results: [{ index: 0, sessionId: 's', peerId: 'p', status: 'PAID', code: null, message: null, segments: 2, amount: '1500000' }],
    totalPaid: '1500000',
    userErrors: [],
  };
  const fetchOf = (status: number, body: unknown, seen?: { url?: string; init?: RequestInit }) =>
    (async (url: string | URL | Request, init?: RequestInit) => {
      if (seen) Object.assign(seen, { url: String(url), init });
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;

  it('posts the redeemReceipts mutation with the bearer token and reads the payload', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const c = new RedeemClient('http://api', 'tok', fetchOf(200, { data: { redeemReceipts: payload } }, seen));
    assert.deepEqual(await c.redeemReceipts(['AAA', 'BBB']), payload);
    assert.equal(seen.url, 'http://api/graphql');
    assert.equal((seen.init!.headers as Record<string, string>).authorization, 'Bearer tok');
    assert.deepEqual(JSON.parse(String(seen.init!.body)), {
      query: REDEEM_RECEIPTS_MUTATION,
      variables: { input: { receipts: ['AAA', 'BBB'] } },
    });
  });

  it('throws for every answer that is not a payload (the receipts are kept)', async () => {
    await assert.rejects(new RedeemClient('http://api', 't', fetchOf(502, '<html>bad gateway</html>')).redeemReceipts(['A']), /HTTP 502/);
    await assert.rejects(
      new RedeemClient('http://api', 't', fetchOf(500, { errors: [{ message: 'boom' }] })).redeemReceipts(['A']),
      /HTTP 500/,
    );
    await assert.rejects(
      new RedeemClient(
        'http://api',
        't',
        fetchOf(200, { errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }], data: null }),
      ).redeemReceipts(['A']),
      (e: unknown) => e instanceof GraphqlError && e.codes.includes('UNAUTHENTICATED'),
    );
    await assert.rejects(
      new RedeemClient('http://api', 't', fetchOf(200, { data: { redeemReceipts: { ...payload, totalPaid: 1.5 } } })).redeemReceipts(['A']),
      /well-formed/,
    );
    await assert.rejects(new RedeemClient('http://api', 't', fetchOf(200, 'not json')).redeemReceipts(['A']), /not GraphQL/);
    const down = (async () => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    await assert.rejects(
      new RedeemClient('http://api', 't', down).redeemReceipts(['A']),
      /cannot reach http:\/\/api\/graphql: fetch failed/,
    );
    await assert.rejects(new RedeemClient('http://api', 't', fetchOf(200, {})).redeemReceipts(new Array(501).fill('A')), /at most 500/);
  });
});

describe('earnings in the status line', () => {
  it('formats CLC with 6 decimals and shows earnings only when redeeming', () => {
    assert.equal(statusClc(0n), '0.000000 CLC');
    assert.equal(statusClc('1500000'), '1.500000 CLC');
    assert.equal(statusClc('123456789012345678'), '123456789012.345678 CLC');
    assert.equal(statusClc('-5'), '-0.000005 CLC');
    const s = {
      swarms: 1,
      complete: 1,
      peers: 0,
      downloaded: 0,
      webSeedDownloaded: 0,
      uploaded: 0,
      downloadSpeed: 0,
      uploadSpeed: 0,
      diskUsed: 0,
      diskMax: 1e9,
      receipts: 2,
      receiptedBytes: 2000,
    };
    assert.ok(!formatStatusLine(s).includes('earned'));
    assert.match(formatStatusLine({ ...s, earned: '2500', earnedSegments: 3 }), / \| earned 0\.002500 CLC \(3 segments\)$/);
  });
});
