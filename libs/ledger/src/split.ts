import { LedgerError } from './ledger.errors';

/**
 * Splits `total` in proportion to `weights` by the largest-remainder method: each share is the floor
 * of total·w/Σw, and the units left over go one each to the largest remainders, ties to the lower
 * index. The shares always sum to exactly `total`. Weights must be ≥ 0 with a positive sum; total ≥ 0.
 */
export function splitByLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new LedgerError('NEGATIVE_AMOUNT', `split total ${total} is negative`);
  if (weights.length === 0) throw new LedgerError('INVALID_COMMAND', 'split needs at least one weight');
  let sum = 0n;
  for (const w of weights) {
    if (w < 0n) throw new LedgerError('NEGATIVE_AMOUNT', `split weight ${w} is negative`);
    sum += w;
  }
  if (sum === 0n) throw new LedgerError('INVALID_COMMAND', 'split weights sum to 0');
  const shares = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) shares[remainders[k].i] += 1n;
  return shares;
}
