import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LedgerError, LedgerService, type BatchEntry, type BatchSettle, type LedgerBatch } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import type { PaymentSession } from '../sessions/payment-sessions.repository';
import { ReceiptRedemptionService } from './receipt-redemption.service';
import { ReceiptVerifier } from './receipt.verifier';
import { PairCounter, ReceiptMark, ReceiptsRepository, Reward } from './receipts.repository';
import { MAX_RECEIPTS_PER_CALL, type Candidate, type Redemption } from './redemption.types';

// Small tests of paying verified receipts: the verifier (its checks have their own specs through the
// api), the ledger batch and the marks/pairs/rewards tables faked. Price 100 per segment; pairs decay
// every 10 segments.

const config = AppConfig.fromEnv({
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/wetube',
  JWT_SECRET: 'x'.repeat(32),
  PEER_PRICE_PER_SEGMENT: '100',
  PAIR_DECAY_SEGMENTS: '10',
});
const NOW = Date.parse('2026-03-01T12:00:00Z');
const HOUR = 3_600_000;

function session(id: string, over: Partial<PaymentSession> = {}): PaymentSession {
  return {
    id,
    holdId: `hold-${id}`,
    viewerKey: 'viewer',
    startedAt: new Date(NOW - HOUR),
    segmentMs: 2000,
    streams: 1,
    videoSegments: 10_000,
    ...over,
  } as PaymentSession;
}

function candidate(
  s: PaymentSession,
  receipt: { seq: number; segments: number; bytes?: number; peerId?: string },
  peerUserId = 'peer-user',
): Candidate {
  return {
    index: 0, // the call's position: set by service()
    message: {
      cert: {} as never,
      receipt: {
        sessionId: s.id,
        peerId: receipt.peerId ?? 'peer-key',
        seq: receipt.seq,
        cumulativeSegments: receipt.segments,
        cumulativeBytes: receipt.bytes ?? receipt.segments * 1000,
      } as never,
      signature: new Uint8Array(64),
    },
    certBytes: new Uint8Array(),
    receiptBytes: new Uint8Array(),
    session: s,
    peerUserId,
  };
}

function mark(sessionId: string, seq: number, segments: number, peerId = 'peer-key'): ReceiptMark {
  return { sessionId, peerId, peerUserId: 'peer-user', seq, segments, bytes: segments * 1000, paid: BigInt(segments) * 100n };
}

function service(
  accepted: Candidate[],
  o: { marks?: ReceiptMark[]; pairs?: PairCounter[]; holds?: Record<string, 'OPEN' | 'RELEASED'>; left?: bigint } = {},
) {
  accepted.forEach((c, i) => (c.index = i));
  const settled: BatchSettle[] = [];
  const entries: BatchEntry[] = [];
  let left = o.left ?? 1_000_000n;
  const batch = {
    entryId: 'entry-1',
    lock: async () => undefined,
    hold: (id: string) => {
      const status = o.holds?.[id] ?? 'OPEN';
      return { id, status };
    },
    holdLeft: () => left,
    settle: (s: BatchSettle) => {
      if (s.amount > left) throw new LedgerError('HOLD_EXCEEDED', 'too much');
      left -= s.amount;
      settled.push(s);
    },
  };
  const t = newTestService(ReceiptRedemptionService, {
    fakes: [
      fake(AppConfig, config),
      fake(LedgerService, {
        openAccount: async (_kind, owner) => ({ id: `pending:${owner}` }) as never,
        batch: (async (entry: BatchEntry, work: (b: LedgerBatch) => Promise<unknown>) => {
          entries.push(entry);
          return work(batch as unknown as LedgerBatch);
        }) as LedgerService['batch'],
      }),
      fake(ReceiptVerifier, {
        verify: async () => ({ results: accepted.map(() => undefined as unknown as Redemption), accepted }),
      }),
      fake(ReceiptsRepository, {
        marksOf: async () => o.marks ?? [],
        pairsOf: async () => o.pairs ?? [],
        saveMarks: async () => undefined,
        insertRewards: async () => undefined,
        savePairs: async () => undefined,
      }),
    ],
  });
  return { ...t, settled, entries };
}

describe('ReceiptRedemptionService (small)', () => {
  it('pays each receipt the segments it adds over its mark, all in one PEER_REWARD entry from the sessions’ holds', async () => {
    const s1 = session('s1');
    const s2 = session('s2');
    const accepted = [candidate(s1, { seq: 2, segments: 5 }), candidate(s2, { seq: 1, segments: 4 })];
    const t = service(accepted, { marks: [mark('s1', 1, 3)] });
    const out = await t.sut.redeem('peer-user', ['a', 'b'], NOW);
    assert.deepEqual(
      out.map((r) => [r.sessionId, r.status, r.segments, r.amount]),
      [
        ['s1', 'PAID', 2, 200n],
        ['s2', 'PAID', 4, 400n],
      ],
    );
    assert.deepEqual(t.settled, [
      { holdId: 'hold-s1', toId: 'pending:peer-user', amount: 200n },
      { holdId: 'hold-s2', toId: 'pending:peer-user', amount: 400n },
    ]);
    assert.equal(t.entries.length, 1);
    assert.equal(t.entries[0].kind, 'PEER_REWARD');
    assert.equal(t.entries[0].memo, 'Segments served in 2 playback sessions');
    assert.match(t.entries[0].idempotencyKey, /^redeem:[\w-]{43}$/);
    assert.deepEqual(t.callsTo('LedgerService.openAccount').length, 1, 'one pending account per peer user');

    const [[marks]] = t.callsTo('ReceiptsRepository.saveMarks') as [[ReceiptMark[]]];
    assert.deepEqual(
      marks.map((m) => [m.sessionId, m.seq, m.segments, m.paid]),
      [
        ['s1', 2, 5, 500n],
        ['s2', 1, 4, 400n],
      ],
    );
    const [[rewards]] = t.callsTo('ReceiptsRepository.insertRewards') as [[Reward[]]];
    assert.deepEqual(
      rewards.map((r) => [r.entryId, r.sessionId, r.segments]),
      [
        ['entry-1', 's1', 2],
        ['entry-1', 's2', 4],
      ],
    );
    const [[pairs]] = t.callsTo('ReceiptsRepository.savePairs') as [[PairCounter[]]];
    assert.deepEqual(pairs, [{ viewerKey: 'viewer', peerUserId: 'peer-user', windowStart: new Date(NOW), segments: 6 }]);

    // The same receipts again name the same entry (the key is made from them), so a retried call cannot pay twice.
    const again = service([candidate(s1, { seq: 2, segments: 5 }), candidate(s2, { seq: 1, segments: 4 })], { marks: [mark('s1', 1, 3)] });
    await again.sut.redeem('peer-user', ['a', 'b'], NOW);
    assert.equal(again.entries[0].idempotencyKey, t.entries[0].idempotencyKey);
  });

  it('a receipt already redeemed, an older one, one counting less, or one of a released hold pays nothing', async () => {
    const accepted = [
      candidate(session('s1'), { seq: 3, segments: 9 }),
      candidate(session('s2'), { seq: 2, segments: 9 }),
      candidate(session('s3'), { seq: 4, segments: 8 }),
      candidate(session('s4'), { seq: 1, segments: 1 }),
    ];
    const t = service(accepted, {
      marks: [mark('s1', 3, 9), mark('s2', 3, 9), mark('s3', 3, 9)],
      holds: { 'hold-s4': 'RELEASED' },
    });
    const out = await t.sut.redeem('peer-user', ['a', 'b', 'c', 'd'], NOW);
    assert.deepEqual(
      out.map((r) => [r.status, r.code]),
      [
        ['REFUSED', 'REPLAYED'],
        ['REFUSED', 'STALE'],
        ['REFUSED', 'STALE'],
        ['REFUSED', 'SESSION_CLOSED'],
      ],
    );
    assert.deepEqual(t.settled, []);
    assert.deepEqual(t.callsTo('ReceiptsRepository.saveMarks')[0][0], [], 'no mark moves');
    assert.deepEqual(t.callsTo('ReceiptsRepository.insertRewards')[0][0], []);
  });

  it('never pays faster than real-time playback allows (plus the look-ahead and switch slack)', async () => {
    // Just started: (0 s + 30 s look-ahead) / 2 s × 1 stream × 1.25 = 18.75 → 19 segments at most.
    const justStarted = session('s1', { startedAt: new Date(NOW) });
    const fast = await service([candidate(justStarted, { seq: 1, segments: 20 })]).sut.redeem('peer-user', ['a'], NOW);
    assert.equal(fast[0].code, 'TOO_FAST');
    const ok = await service([candidate(justStarted, { seq: 1, segments: 19 })]).sut.redeem('peer-user', ['a'], NOW);
    assert.equal(ok[0].status, 'PAID');
  });

  it('a viewer-peer pair paid often in its 24-hour window earns half, then less, then nothing; an old window starts over', async () => {
    const s = session('s1');
    const recent = { viewerKey: 'viewer', peerUserId: 'peer-user', windowStart: new Date(NOW - HOUR), segments: 10 };
    const halved = await service([candidate(s, { seq: 1, segments: 2 })], { pairs: [recent] }).sut.redeem('peer-user', ['a'], NOW);
    assert.deepEqual([halved[0].status, halved[0].amount], ['PAID', 100n]);

    const stale = { ...recent, windowStart: new Date(NOW - 25 * HOUR) };
    const fresh = await service([candidate(s, { seq: 1, segments: 2 })], { pairs: [stale] }).sut.redeem('peer-user', ['a'], NOW);
    assert.deepEqual([fresh[0].status, fresh[0].amount], ['PAID', 200n]);

    // 100 >> 7 = 0: the mark still moves (the segments were counted), nothing is paid.
    const worn = service([candidate(s, { seq: 1, segments: 2 })], { pairs: [{ ...recent, segments: 70 }] });
    const out = await worn.sut.redeem('peer-user', ['a'], NOW);
    assert.deepEqual([out[0].status, out[0].code, out[0].amount], ['REFUSED', 'FULLY_DECAYED', 0n]);
    assert.deepEqual(worn.settled, []);
    assert.deepEqual(
      (worn.callsTo('ReceiptsRepository.saveMarks')[0][0] as ReceiptMark[]).map((m) => [m.seq, m.segments, m.paid]),
      [[1, 2, 0n]],
    );
  });

  it('a receipt the hold cannot cover is refused with what is left; the others of the call are still paid', async () => {
    const accepted = [candidate(session('s1'), { seq: 1, segments: 3 }), candidate(session('s2'), { seq: 1, segments: 1 })];
    const t = service(accepted, { left: 250n });
    const out = await t.sut.redeem('peer-user', ['a', 'b'], NOW);
    assert.equal(out[0].code, 'HOLD_EXCEEDED');
    assert.match(String(out[0].message), /budget has 250 left, not the 300/);
    assert.deepEqual([out[1].status, out[1].amount], ['PAID', 100n]);
    assert.deepEqual(
      (t.callsTo('ReceiptsRepository.saveMarks')[0][0] as ReceiptMark[]).map((m) => m.sessionId),
      ['s2'],
      'the refused receipt’s mark stays where it was',
    );
  });

  it(`more than ${MAX_RECEIPTS_PER_CALL} receipts in one call are refused before any check; none accepted: the ledger is not asked`, async () => {
    const t = service([]);
    await assert.rejects(
      t.sut.redeem(
        'peer-user',
        Array.from({ length: MAX_RECEIPTS_PER_CALL + 1 }, () => 'x'),
      ),
      (err: unknown) => err instanceof LedgerError && err.code === 'INVALID_COMMAND',
    );
    assert.deepEqual(t.calls, []);
    await t.sut.redeem('peer-user', ['x'], NOW);
    assert.deepEqual(t.callNames(), ['ReceiptVerifier.verify']);
  });
});
