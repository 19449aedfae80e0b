import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LedgerError } from './ledger.errors';
import { splitByLargestRemainder } from './split';

describe('splitByLargestRemainder', () => {
  it('splits exactly when the weights divide the total', () => {
    assert.deepEqual(splitByLargestRemainder(100n, [1n, 1n, 2n]), [25n, 25n, 50n]);
  });

  it('gives leftover units to the largest remainders', () => {
    // 10·(1,2,3)/6 = 1.67, 3.33, 5 → floors 1,3,5 (9), the one unit left to the .67
    assert.deepEqual(splitByLargestRemainder(10n, [1n, 2n, 3n]), [2n, 3n, 5n]);
  });

  it('breaks ties by index, deterministically', () => {
    assert.deepEqual(splitByLargestRemainder(10n, [1n, 1n, 1n]), [4n, 3n, 3n]);
    assert.deepEqual(splitByLargestRemainder(2n, [1n, 1n, 1n]), [1n, 1n, 0n]);
    assert.deepEqual(splitByLargestRemainder(1n, [5n, 5n]), [1n, 0n]);
  });

  it('zero weights get nothing, a zero total splits into zeros', () => {
    assert.deepEqual(splitByLargestRemainder(7n, [0n, 3n, 0n]), [0n, 7n, 0n]);
    assert.deepEqual(splitByLargestRemainder(0n, [1n, 2n]), [0n, 0n]);
  });

  it('always sums to the total and never misses by a unit, over many random cases (and at 2^63 − 1)', () => {
    let seed = 12345;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let k = 0; k < 2000; k++) {
      const total = BigInt(rnd(1_000_000));
      const weights = Array.from({ length: 1 + rnd(12) }, () => BigInt(rnd(1000)));
      if (weights.reduce((x, y) => x + y, 0n) === 0n) weights[0] = 1n;
      const shares = splitByLargestRemainder(total, weights);
      const sum = weights.reduce((a, b) => a + b, 0n);
      assert.equal(
        shares.reduce((a, b) => a + b, 0n),
        total,
      );
      shares.forEach((s, i) => {
        const exactFloor = (total * weights[i]) / sum;
        assert.ok(s === exactFloor || s === exactFloor + 1n, `share ${i} within one unit of its exact value`);
      });
    }
    const max = 2n ** 63n - 1n;
    assert.equal(
      splitByLargestRemainder(max, [3n, 7n, 11n]).reduce((a, b) => a + b, 0n),
      max,
    );
  });

  it('refuses negative totals or weights, no weights, and weights summing to 0', () => {
    const code = (fn: () => unknown, c: string) => assert.throws(fn, (e: unknown) => e instanceof LedgerError && e.code === c);
    code(() => splitByLargestRemainder(-1n, [1n]), 'NEGATIVE_AMOUNT');
    code(() => splitByLargestRemainder(1n, [1n, -1n]), 'NEGATIVE_AMOUNT');
    code(() => splitByLargestRemainder(1n, []), 'INVALID_COMMAND');
    code(() => splitByLargestRemainder(1n, [0n, 0n]), 'INVALID_COMMAND');
  });
});
