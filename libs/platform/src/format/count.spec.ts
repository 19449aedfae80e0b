import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCount, formatCountOf } from './index';

describe('formatCount', () => {
  it('is compact, one decimal below 10 of a unit, rounded down', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [7, '7'],
      [999, '999'],
      [1000, '1K'],
      [1050, '1K'],
      [1200, '1.2K'],
      [1299, '1.2K'],
      [9999, '9.9K'],
      [12_345, '12K'],
      [123_456, '123K'],
      [999_999, '999K'],
      [1_000_000, '1M'],
      [1_250_000, '1.2M'],
      [45_600_000, '45M'],
      [3_000_000_000, '3B'],
      [8_123_456_789, '8.1B'],
      [12.9, '12'],
    ];
    for (const [n, text] of cases) assert.equal(formatCount(n), text, String(n));
  });

  it('says "0" for what is not a count', () => {
    for (const n of [-1, Number.NaN, Infinity, -Infinity]) assert.equal(formatCount(n), '0');
  });

  it('names the noun, singular only for exactly one', () => {
    assert.equal(formatCountOf(0, 'view'), '0 views');
    assert.equal(formatCountOf(1, 'view'), '1 view');
    assert.equal(formatCountOf(2, 'view'), '2 views');
    assert.equal(formatCountOf(1234, 'view'), '1.2K views');
    assert.equal(formatCountOf(1, 'reply', 'replies'), '1 reply');
    assert.equal(formatCountOf(3, 'reply', 'replies'), '3 replies');
  });
});
