import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, formatClc } from './index';

describe('formatBytes', () => {
  it('is 1000-based with SI units, one decimal at most', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(1000), '1 kB');
    assert.equal(formatBytes(1_200_000), '1.2 MB');
    assert.equal(formatBytes(12_345_678), '12.3 MB');
    assert.equal(formatBytes(2e9), '2 GB');
    assert.equal(formatBytes(2.5e9), '2.5 GB');
    assert.equal(formatBytes(999_960), '1 MB');
    assert.equal(formatBytes(3e18), '3000 PB');
  });

  it('keeps three significant digits when asked (a line rewritten in place)', () => {
    assert.equal(formatBytes(1000, { digits: 'fixed' }), '1.00 kB');
    assert.equal(formatBytes(10e9, { digits: 'fixed' }), '10.0 GB');
    assert.equal(formatBytes(123e9, { digits: 'fixed' }), '123 GB');
    assert.equal(formatBytes(999_999, { digits: 'fixed' }), '1.00 MB');
  });

  it('says "?" for what is not a byte count', () => {
    for (const n of [-1, Number.NaN, Infinity]) assert.equal(formatBytes(n), '?');
  });
});

describe('formatClc', () => {
  it('trims, groups and names the unit by default', () => {
    assert.equal(formatClc('1500000'), '1.5 CLC');
    assert.equal(formatClc(1_234_567_890_123n), '1,234,567.890123 CLC');
    assert.equal(formatClc('-1'), '-0.000001 CLC');
  });

  it('plain decimals for machines, all six decimals for columns', () => {
    assert.equal(formatClc(123_456_789_012_345_678n, { unit: false, grouping: false }), '123456789012.345678');
    assert.equal(formatClc('1500000', { fixed: true, grouping: false }), '1.500000 CLC');
  });

  it('refuses what is not an integer amount', () => {
    assert.throws(() => formatClc('1.5'), TypeError);
  });
});
