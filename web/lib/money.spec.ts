// Compiled by web/tsconfig.spec.json into dist/web/lib (part of `npm run build:web`), so
// scripts/test.sh runs it with the rest of dist/**/*.spec.js.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatClc, isZero, MAX_MINOR, parseClc, sumMinor, toMinor } from './money';

describe('formatClc', () => {
  it('formats minor units as CLC, trailing zeros trimmed', () => {
    assert.equal(formatClc('1500000'), '1.5 CLC');
    assert.equal(formatClc('1000000'), '1 CLC');
    assert.equal(formatClc('0'), '0 CLC');
    assert.equal(formatClc('1'), '0.000001 CLC');
    assert.equal(formatClc('1234567'), '1.234567 CLC');
    assert.equal(formatClc('100000'), '0.1 CLC');
  });

  it('separates thousands in the whole part only', () => {
    assert.equal(formatClc('1234000000'), '1,234 CLC');
    assert.equal(formatClc('1234567890123'), '1,234,567.890123 CLC');
    assert.equal(formatClc('999000000'), '999 CLC');
    assert.equal(formatClc('1000000000000'), '1,000,000 CLC');
  });

  it('keeps amounts above 2^53 exact', () => {
    assert.equal(formatClc(MAX_MINOR.toString()), '9,223,372,036,854.775807 CLC');
    assert.equal(formatClc('9007199254740993'), '9,007,199,254.740993 CLC');
  });

  it('signs negatives always and positives when asked', () => {
    assert.equal(formatClc('-2500000'), '-2.5 CLC');
    assert.equal(formatClc('-1'), '-0.000001 CLC');
    assert.equal(formatClc('2500000', { signed: true }), '+2.5 CLC');
    assert.equal(formatClc('-2500000', { signed: true }), '-2.5 CLC');
    assert.equal(formatClc('0', { signed: true }), '0 CLC');
  });

  it('can leave the unit out and takes bigints', () => {
    assert.equal(formatClc(1500000n, { unit: false }), '1.5');
  });

  it('refuses what is not an integer of minor units', () => {
    for (const bad of ['1.5', '', 'abc', '1e6', '--1', ' ']) assert.throws(() => formatClc(bad), TypeError, bad);
  });
});

describe('parseClc', () => {
  const ok = (text: string) => {
    const r = parseClc(text);
    assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error}`);
    return r.minor;
  };
  const err = (text: string) => {
    const r = parseClc(text);
    assert.ok(!r.ok, `${text} should be refused, got ${r.ok ? r.minor : ''}`);
    return r.error;
  };

  it('converts typed CLC to minor units exactly', () => {
    assert.equal(ok('1.25'), '1250000');
    assert.equal(ok('1'), '1000000');
    assert.equal(ok('0.000001'), '1');
    assert.equal(ok('.5'), '500000');
    assert.equal(ok('2.'), '2000000');
    assert.equal(ok('0.1'), '100000');
    assert.equal(ok('0.3'), '300000'); // 0.1 + 0.2 in floats would not be
    assert.equal(ok('007.50'), '7500000');
    assert.equal(ok('1.123456'), '1123456');
  });

  it('accepts spaces around, a trailing CLC, a leading +, and thousands separators', () => {
    assert.equal(ok('  3  '), '3000000');
    assert.equal(ok('3 CLC'), '3000000');
    assert.equal(ok('3clc'), '3000000');
    assert.equal(ok('+3'), '3000000');
    assert.equal(ok('1,234.5'), '1234500000');
    assert.equal(ok('1,000,000'), '1000000000000');
  });

  it('rejects more than 6 decimals with a clear message', () => {
    assert.match(err('1.1234567'), /at most 6 decimal places/);
    assert.match(err('0.0000001'), /0\.000001 CLC/);
  });

  it('rejects zero unless allowed', () => {
    assert.match(err('0'), /greater than 0/);
    assert.match(err('0.000000'), /greater than 0/);
    const r = parseClc('0', { allowZero: true });
    assert.deepEqual(r, { ok: true, minor: '0' });
  });

  it('rejects negatives, junk, exponents and decimal commas', () => {
    assert.match(err('-1'), /positive/);
    assert.match(err(''), /Enter an amount/);
    assert.match(err('   '), /Enter an amount/);
    assert.match(err('1,5'), /dot for decimals/);
    assert.match(err('12,34'), /dot for decimals/);
    for (const bad of ['.', 'abc', '1e3', '1.2.3', '0x10', '1 000', 'NaN', 'Infinity', '١']) err(bad);
  });

  it('rejects amounts above the 64-bit limit, accepts the limit itself', () => {
    assert.equal(ok('9223372036854.775807'), MAX_MINOR.toString());
    assert.match(err('9223372036854.775808'), /too large/);
    assert.match(err('99999999999999999999'), /too large/);
  });

  it('round-trips with formatClc', () => {
    for (const minor of ['1', '10', '1500000', '1234567890123', MAX_MINOR.toString()]) {
      assert.equal(ok(formatClc(minor)), minor);
    }
  });
});

describe('toMinor, isZero, sumMinor', () => {
  it('work on Amount strings', () => {
    assert.equal(toMinor(' 42 '), 42n);
    assert.equal(isZero('0'), true);
    assert.equal(isZero('-0'), true);
    assert.equal(isZero('1'), false);
    assert.equal(sumMinor(['1500000', '-500000', '9007199254740993']), 9007199255740993n);
    assert.equal(sumMinor([]), 0n);
  });
});
