// Compiled by web/tsconfig.spec.json (and the root tsconfig.json) into dist/web/lib/ads, so
// scripts/test.sh runs it with the rest of dist/**/*.spec.js.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dailySeries, percentOf, totals, totalsByLineItem, utcDay, windowStart } from './report-days';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const row = (lineItemId: string, day: string, impressions: number, completes: number, spend: string) => ({
  lineItemId,
  day,
  impressions,
  completes,
  spend,
});

describe('report totals', () => {
  it('sums impressions, completes and spend, with eCPM floored like the API', () => {
    const t = totals([row('a', '2026-03-10', 2, 1, '2000'), row('b', '2026-03-09', 1, 1, '1001')]);
    assert.equal(t.impressions, 3);
    assert.equal(t.completes, 2);
    assert.equal(t.spend, 3001n);
    assert.equal(t.eCpm, 1000333n); // floor(3001 * 1000 / 3)
    assert.equal(t.completionRate, 2 / 3);
  });

  it('sums clicks into a click-through rate (rows without clicks count none)', () => {
    const t = totals([{ ...row('a', '2026-03-10', 3, 1, '3000'), clicks: 1 }, row('b', '2026-03-09', 1, 1, '1000')]);
    assert.deepEqual([t.clicks, t.clickThroughRate], [1, 0.25]);
  });

  it('is all zeros without rows', () => {
    assert.deepEqual(totals([]), { impressions: 0, completes: 0, clicks: 0, clickThroughRate: 0, spend: 0n, eCpm: 0n, completionRate: 0 });
  });

  it('keeps spend above 2^53 exact', () => {
    assert.equal(totals([row('a', '2026-03-10', 1, 0, '9007199254740993'), row('a', '2026-03-09', 1, 0, '1')]).spend, 9007199254740994n);
  });

  it('groups per line item', () => {
    const m = totalsByLineItem([
      row('a', '2026-03-10', 2, 1, '2000'),
      row('b', '2026-03-10', 1, 0, '5'),
      row('a', '2026-03-09', 1, 1, '1000'),
    ]);
    assert.equal(m.get('a')?.impressions, 3);
    assert.equal(m.get('a')?.spend, 3000n);
    assert.equal(m.get('b')?.completes, 0);
  });
});

describe('daily series', () => {
  it('has one point per UTC day of the window, oldest first, zero-filled', () => {
    const s = dailySeries(
      [row('a', '2026-03-10', 1, 1, '1000'), row('b', '2026-03-10', 2, 0, '3000'), row('a', '2026-03-08', 4, 4, '4000')],
      3,
      NOW,
    );
    assert.deepEqual(s, [
      { day: '2026-03-08', impressions: 4, completes: 4, spend: '4000' },
      { day: '2026-03-09', impressions: 0, completes: 0, spend: '0' },
      { day: '2026-03-10', impressions: 3, completes: 1, spend: '4000' },
    ]);
  });

  it('leaves out rows before the window', () => {
    const s = dailySeries([row('a', '2026-02-01', 9, 9, '9000')], 30, NOW);
    assert.equal(s.length, 30);
    assert.equal(s[0].day, '2026-02-09');
    assert.equal(s.at(-1)!.day, '2026-03-10');
    assert.ok(s.every((p) => p.impressions === 0));
  });

  it('starts the window at midnight UTC', () => {
    assert.equal(windowStart(30, NOW).toISOString(), '2026-02-09T00:00:00.000Z');
    assert.equal(windowStart(1, NOW).toISOString(), '2026-03-10T00:00:00.000Z');
    assert.equal(utcDay(Date.parse('2026-03-10T23:59:59Z')), '2026-03-10');
  });
});

describe('percentOf', () => {
  it('floors to whole percent and clamps', () => {
    assert.equal(percentOf('1000', '5000000'), 0);
    assert.equal(percentOf('50000', '5000000'), 1);
    assert.equal(percentOf('2500000', '5000000'), 50);
    assert.equal(percentOf('6000000', '5000000'), 100);
    assert.equal(percentOf('5', '0'), 0);
  });
});
