import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR, lineItem } from './decision.fixtures';
import { evenThrottle, pacingAllows, pacingVerdict } from './pacing';
import { seededRng } from './rng';

const start = new Date('2024-06-10T00:00:00Z');
const end = new Date('2024-06-20T00:00:00Z'); // 10 days: 240 h
const at = (h: number) => new Date(start.getTime() + h * HOUR);
const never = () => {
  throw new Error('rng must not be drawn');
};

describe('pacing', () => {
  it('ASAP is always allowed, without drawing from the rng', () => {
    assert.equal(pacingAllows(lineItem({ pacing: 'ASAP', flight: { start, end }, budget: 240_000n, spent: 239_000n }), at(1), never), true);
  });

  it('EVEN: on or behind the straight line → allowed without a draw', () => {
    // budget 240,000 over 240 h → 1,000 an hour; at 24 h the target is 24,000
    const li = (spent: bigint) => lineItem({ pacing: 'EVEN', flight: { start, end }, budget: 240_000n, spent, cpmBid: 10_000n });
    assert.equal(pacingAllows(li(24_000n), at(24), never), true);
    assert.equal(pacingAllows(li(0n), at(24), never), true);
  });

  it('EVEN: a quarter hour share ahead or more → refused without a draw', () => {
    const li = (spent: bigint) => lineItem({ pacing: 'EVEN', flight: { start, end }, budget: 240_000n, spent, cpmBid: 10_000n });
    // the band is a quarter hour's share: 250
    assert.deepEqual(pacingVerdict(li(24_250n), at(24), never), { allowed: false, probability: 0, reason: 'PACING_FLIGHT' });
    assert.equal(pacingAllows(li(100_000n), at(24), never), false);
  });

  it('EVEN: in between, the chance falls linearly and the draw decides', () => {
    const li = lineItem({ pacing: 'EVEN', flight: { start, end }, budget: 240_000n, spent: 24_050n, cpmBid: 10_000n });
    assert.equal(pacingVerdict(li, at(24), () => 0.79).allowed, true);
    assert.equal(pacingVerdict(li, at(24), () => 0.8).allowed, false);
    assert.equal(pacingVerdict(li, at(24), () => 0.5).probability, 0.8);
    // same seed, same answers
    const a = Array.from({ length: 50 }, (_, i) => pacingAllows(li, at(24), seededRng(i)));
    const b = Array.from({ length: 50 }, (_, i) => pacingAllows(li, at(24), seededRng(i)));
    assert.deepEqual(a, b);
    assert.ok(a.includes(true) && a.includes(false));
  });

  it('EVEN with a daily cap: the cap is spread over the local day too', () => {
    // budget far from binding; daily cap 2,400 → 100 an hour; on day 2 at 06:00 UTC the day target is 600
    const li = (spentToday: bigint, timeZone?: string) =>
      lineItem({
        pacing: 'EVEN',
        flight: { start, end },
        budget: 10n ** 9n,
        spent: 0n,
        dailyCap: 2_400n,
        spentToday,
        cpmBid: 10_000n,
        targeting: { timeZone },
      });
    assert.equal(pacingAllows(li(600n), at(30), never), true);
    assert.deepEqual(pacingVerdict(li(625n), at(30), never), { allowed: false, probability: 0, reason: 'PACING_DAY' });
    // In Los Angeles (UTC−7 in June) 06:00Z is 23:00 the day before: nearly the whole cap is due.
    assert.equal(pacingAllows(li(2_200n, 'America/Los_Angeles'), at(30), never), true);
    // The flight's first local day is cut at the flight start (00:00Z = 17:00 LA): 7 h for the
    // whole cap, so at 06:00Z (6 h in) 2,057 is due and the band is 85.
    assert.equal(pacingAllows(li(2_000n, 'America/Los_Angeles'), at(6), never), true);
    assert.equal(pacingAllows(li(2_150n, 'America/Los_Angeles'), at(6), never), false);
  });

  it('the band is at least one impression, so a tiny budget can start', () => {
    assert.equal(evenThrottle(100n, 0n, 0, 1000 * HOUR, 0, 10n), 1);
    assert.equal(evenThrottle(100n, 10n, 0, 1000 * HOUR, 0, 10n), 0);
  });
});
