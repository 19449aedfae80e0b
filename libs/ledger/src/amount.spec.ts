import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmount, MAX_AMOUNT, parseAmount } from './amount';
import { LedgerError } from './ledger.errors';

const refuses = (input: unknown, code: string, opts?: Parameters<typeof parseAmount>[1]) =>
  assert.throws(
    () => parseAmount(input, opts),
    (e: unknown) => e instanceof LedgerError && e.code === code,
    `${String(input)} → ${code}`,
  );

describe('parseAmount', () => {
  it('accepts decimal strings and safe integers as bigint minor units', () => {
    assert.equal(parseAmount('1'), 1n);
    assert.equal(parseAmount('1500'), 1500n);
    assert.equal(parseAmount(42), 42n);
    assert.equal(parseAmount(Number.MAX_SAFE_INTEGER), 9007199254740991n);
    assert.equal(parseAmount('9223372036854775807'), MAX_AMOUNT);
    assert.equal(parseAmount('-5', { allowNegative: true }), -5n);
    assert.equal(parseAmount('0', { allowZero: true }), 0n);
    assert.equal(formatAmount(MAX_AMOUNT), '9223372036854775807');
  });

  it('refuses floats, in numbers and in strings', () => {
    refuses(1.5, 'INVALID_AMOUNT');
    refuses('1.5', 'INVALID_AMOUNT');
    refuses('1.0', 'INVALID_AMOUNT');
    refuses('1e3', 'INVALID_AMOUNT');
    refuses(Number.NaN, 'INVALID_AMOUNT');
    refuses(Number.POSITIVE_INFINITY, 'INVALID_AMOUNT');
  });

  it('refuses negatives and zero unless allowed', () => {
    refuses(-1, 'NEGATIVE_AMOUNT');
    refuses('-1', 'NEGATIVE_AMOUNT');
    refuses(0, 'ZERO_AMOUNT');
    refuses('0', 'ZERO_AMOUNT');
  });

  it('refuses values above 2^63 − 1 (and below its negative)', () => {
    refuses('9223372036854775808', 'AMOUNT_TOO_LARGE');
    refuses((2n ** 63n).toString(), 'AMOUNT_TOO_LARGE');
    refuses('-9223372036854775808', 'AMOUNT_TOO_LARGE', { allowNegative: true });
    refuses('1'.repeat(400), 'AMOUNT_TOO_LARGE');
    refuses(2n ** 64n, 'AMOUNT_TOO_LARGE');
  });

  it('refuses JSON numbers above 2^53, which have already lost precision', () => {
    const parsed = JSON.parse('{"amount": 9007199254740993}').amount;
    refuses(parsed, 'UNSAFE_NUMBER');
    refuses(2 ** 63, 'UNSAFE_NUMBER');
  });

  it('refuses malformed strings and other types, naming the problem', () => {
    for (const s of ['', ' 1', '1 ', '+1', '01', '0x10', 'abc', '1_000', '1,000', '--1', '٣']) refuses(s, 'INVALID_AMOUNT');
    for (const v of [null, undefined, true, {}, [], ['1']]) refuses(v, 'INVALID_AMOUNT');
    assert.throws(() => parseAmount('1.5'), /not a decimal integer string/);
    assert.throws(() => parseAmount(null), /got null/);
  });
});
