import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isFinalRefusal,
  MAX_REDEEM_BATCH,
  type ReceiptRedemption,
  redeemBackoffMs,
  type RedeemCandidate,
  redeemInBatches,
  type RedeemReceiptsCall,
  type SettledRedemption,
} from './receipt-redemption';

const candidate = (sessionId: string, seq = 1, peerId = 'peer-1'): RedeemCandidate => ({
  sessionId,
  peerId,
  seq,
  message: `${sessionId}.${peerId}.${seq}`,
});

/** A fake api: answers each message with `answer(message, index)`, records the calls. */
function fakeCall(answer: (message: string, index: number) => Partial<ReceiptRedemption> | null = () => ({})) {
  const calls: string[][] = [];
  const call: RedeemReceiptsCall = async (receipts) => {
    calls.push(receipts);
    const results = receipts.flatMap((m, index) => {
      const a = answer(m, index);
      if (a === null) return [];
      const [sessionId, peerId] = m.split('.');
      return [
        {
          index,
          sessionId,
          peerId,
          status: 'PAID',
          code: null,
          message: null,
          retryable: false,
          segments: 2,
          amount: '1500',
          ...a,
        } as ReceiptRedemption,
      ];
    });
    return { results, totalPaid: '0', userErrors: [] };
  };
  return { call, calls };
}

describe('redeemInBatches', () => {
  it('sends the receipts in order, at most 500 per call (or batchSize), and tallies what was paid', async () => {
    const pending = Array.from({ length: 1203 }, (_, i) => candidate(`s${i}`));
    const { call, calls } = fakeCall();
    const settled: SettledRedemption[] = [];
    const t = await redeemInBatches(pending, call, { onSettled: (s) => settled.push(s) });
    assert.deepEqual(
      calls.map((c) => c.length),
      [500, 500, 203],
    );
    assert.deepEqual(
      calls.flat(),
      pending.map((c) => c.message),
    );
    assert.deepEqual(
      { sent: t.sent, paid: t.paidReceipts, segments: t.paidSegments, amount: t.paidAmount, unanswered: t.unanswered, error: t.error },
      { sent: 1203, paid: 1203, segments: 2406, amount: 1203n * 1500n, unanswered: 0, error: undefined },
    );
    assert.equal(settled.length, 1203);
    assert.deepEqual(settled[0], { status: 'PAID', candidate: pending[0], segments: 2, amount: 1500n });

    const small = fakeCall();
    await redeemInBatches(pending.slice(0, 5), small.call, { batchSize: 2 });
    assert.deepEqual(
      small.calls.map((c) => c.length),
      [2, 2, 1],
    );
    const big = fakeCall();
    await redeemInBatches(pending, big.call, { batchSize: 10_000 });
    assert.equal(Math.max(...big.calls.map((c) => c.length)), MAX_REDEEM_BATCH, 'never more than the api takes');
    const none = fakeCall();
    assert.equal((await redeemInBatches([], none.call)).sent, 0);
    assert.equal(none.calls.length, 0, 'no call for nothing');
  });

  it('settles PAID, NOTHING_NEW and final refusals; retryable or code-less refusals and missing answers are not settled', async () => {
    const pending = ['paid', 'same', 'fast', 'stale', 'nocode', 'lost'].map((s) => candidate(s));
    const { call } = fakeCall((m) => {
      const s = m.split('.')[0];
      if (s === 'same') return { status: 'NOTHING_NEW', segments: 0, amount: '0' };
      if (s === 'fast') return { status: 'REFUSED', code: 'TOO_FAST', retryable: true, segments: 0, amount: '0' };
      if (s === 'stale') return { status: 'REFUSED', code: 'STALE', segments: 0, amount: '0' };
      if (s === 'nocode') return { status: 'REFUSED', code: null, segments: 0, amount: '0' };
      if (s === 'lost') return null;
      return { segments: 3, amount: '3000000' };
    });
    const settled: SettledRedemption[] = [];
    const t = await redeemInBatches(pending, call, { onSettled: (s) => settled.push(s) });
    assert.deepEqual(
      settled.map((s) => [s.status, s.candidate.sessionId]),
      [
        ['PAID', 'paid'],
        ['NOTHING_NEW', 'same'],
        ['REFUSED', 'stale'],
      ],
    );
    assert.deepEqual(settled[2], { status: 'REFUSED', candidate: pending[3], code: 'STALE' });
    assert.deepEqual(
      {
        paid: t.paidReceipts,
        amount: t.paidAmount,
        nothingNew: t.nothingNew,
        refusedBy: t.refusedBy,
        retryLater: t.retryLater,
        unanswered: t.unanswered,
        error: t.error,
      },
      { paid: 1, amount: 3_000_000n, nothingNew: 1, refusedBy: { STALE: 1 }, retryLater: 2, unanswered: 1, error: undefined },
    );
  });

  it('does not trust an answer for another receipt than the one at its index', async () => {
    const pending = [candidate('a'), candidate('b'), candidate('c'), candidate('d')];
    const call: RedeemReceiptsCall = async () => ({
      totalPaid: '0',
      userErrors: [],
      results: [
        {
          index: 0,
          sessionId: 'other',
          peerId: 'peer-1',
          status: 'PAID',
          code: null,
          message: null,
          retryable: false,
          segments: 1,
          amount: '1',
        },
        {
          index: 1,
          sessionId: 'b',
          peerId: 'peer-9',
          status: 'PAID',
          code: null,
          message: null,
          retryable: false,
          segments: 1,
          amount: '1',
        },
        {
          index: 2,
          sessionId: null,
          peerId: null,
          status: 'NOTHING_NEW',
          code: null,
          message: null,
          retryable: false,
          segments: 0,
          amount: '0',
        },
        {
          index: 2,
          sessionId: 'c',
          peerId: 'peer-1',
          status: 'PAID',
          code: null,
          message: null,
          retryable: false,
          segments: 1,
          amount: '1',
        },
        {
          index: 7,
          sessionId: 'd',
          peerId: 'peer-1',
          status: 'PAID',
          code: null,
          message: null,
          retryable: false,
          segments: 1,
          amount: '1',
        },
      ],
    });
    const settled: string[] = [];
    const t = await redeemInBatches(pending, call, { onSettled: (s) => settled.push(`${s.status} ${s.candidate.sessionId}`) });
    assert.deepEqual(settled, ['NOTHING_NEW c'], 'a null session is the api not knowing it; a second answer for an index is ignored');
    assert.equal(t.paidReceipts, 0);
    assert.equal(t.unanswered, 3);
  });

  it('a call that throws ends the run: its batch and the rest stay unanswered', async () => {
    const pending = Array.from({ length: 7 }, (_, i) => candidate(`s${i}`));
    const inner = fakeCall();
    let n = 0;
    const seen: (AbortSignal | undefined)[] = [];
    const call: RedeemReceiptsCall = async (receipts, signal) => {
      seen.push(signal);
      if (++n === 2) throw new Error('HTTP 502');
      return inner.call(receipts, signal);
    };
    const abort = new AbortController();
    const settled: string[] = [];
    const t = await redeemInBatches(pending, call, {
      batchSize: 3,
      signal: abort.signal,
      onSettled: (s) => settled.push(s.candidate.sessionId),
    });
    assert.equal(n, 2, 'no call after the failed one');
    assert.deepEqual(settled, ['s0', 's1', 's2']);
    assert.deepEqual(
      { sent: t.sent, unanswered: t.unanswered, paid: t.paidReceipts, error: t.error },
      { sent: 6, unanswered: 4, paid: 3, error: 'HTTP 502' },
    );
    assert.ok(
      seen.every((s) => s === abort.signal),
      'every call gets the signal',
    );

    const described = await redeemInBatches(pending, async () => Promise.reject(new Error('no')), {
      describeError: (e) => `described: ${(e as Error).message}`,
    });
    assert.equal(described.error, 'described: no');
    assert.equal(described.unanswered, 7);

    const unreadable = fakeCall(() => ({ amount: '1.5' }));
    const bad = await redeemInBatches(pending, unreadable.call, { batchSize: 3 });
    assert.equal(unreadable.calls.length, 1, 'an answer that cannot be read fails the call');
    assert.match(bad.error!, /1\.5/);
    assert.equal(bad.unanswered, 7);
  });

  it('an answer with userErrors is a failed call that settles nothing it did not answer; later batches still go', async () => {
    const pending = [candidate('a'), candidate('b')];
    const calls: string[][] = [];
    const call: RedeemReceiptsCall = async (receipts) => {
      calls.push(receipts);
      return { results: [], totalPaid: '0', userErrors: [{ field: ['input', 'receipts'], code: 'TOO_MANY', message: 'At most 500.' }] };
    };
    const settled: string[] = [];
    const t = await redeemInBatches(pending, call, { batchSize: 1, onSettled: (s) => settled.push(s.candidate.sessionId) });
    assert.deepEqual(calls, [['a.peer-1.1'], ['b.peer-1.1']]);
    assert.deepEqual(settled, []);
    assert.equal(t.unanswered, 2);
    assert.equal(t.error, 'At most 500. (TOO_MANY)');
  });
});

describe('isFinalRefusal and redeemBackoffMs', () => {
  it('a refusal is final only with a code and not retryable', () => {
    assert.equal(isFinalRefusal({ code: 'STALE', retryable: false }), true);
    assert.equal(isFinalRefusal({ code: 'STALE' }), true);
    assert.equal(isFinalRefusal({ code: 'TOO_FAST', retryable: true }), false);
    assert.equal(isFinalRefusal({ code: null, retryable: false }), false);
  });

  it('waits everyMs, doubling per consecutive failure up to the cap', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 50].map((f) => redeemBackoffMs(f, 30_000, 300_000)),
      [30_000, 60_000, 120_000, 240_000, 300_000, 300_000],
    );
    assert.equal(redeemBackoffMs(1000, 1, Number.MAX_SAFE_INTEGER), 2 ** 30, 'the exponent is capped');
  });
});
