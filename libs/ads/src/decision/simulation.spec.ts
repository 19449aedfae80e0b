/**
 * Streams of decisions charged the way the ad server will charge them: every returned ad adds its
 * price to the line item's `spent` and `spentToday` (reset at the line item's local midnight).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from './auction';
import { DAY, HOUR, lineItem, request } from './decision.fixtures';
import type { AdRequest, LineItemForDecision } from './decision.types';
import { seededRng } from './rng';
import { localDayWindow, localTime } from './zoned-time';

interface SimOptions {
  start: Date;
  hours: number;
  /** Requests in hour h (spread evenly over the hour). */
  traffic: (h: number) => number;
  podSize?: number;
  seed?: number;
  /** Called after each decision has been charged. */
  check?: (items: LineItemForDecision[], now: Date) => void;
  req?: Partial<AdRequest>;
}

/** Impressions per line item per simulated hour. */
function simulate(items: LineItemForDecision[], o: SimOptions): Map<string, number[]> {
  const rng = seededRng(o.seed ?? 42);
  const perHour = new Map(items.map((li) => [li.id, new Array<number>(o.hours).fill(0)]));
  const dayEnd = new Map(items.map((li) => [li.id, localDayWindow(o.start, li.targeting.timeZone || 'UTC').end.getTime()]));
  const byId = new Map(items.map((li) => [li.id, li]));
  let n = 0;
  for (let h = 0; h < o.hours; h++) {
    const count = o.traffic(h);
    for (let i = 0; i < count; i++) {
      const now = new Date(o.start.getTime() + h * HOUR + Math.floor((i * HOUR) / count));
      for (const li of items) {
        if (now.getTime() >= dayEnd.get(li.id)!) {
          li.spentToday = 0n;
          dayEnd.set(li.id, localDayWindow(now, li.targeting.timeZone || 'UTC').end.getTime());
        }
      }
      const d = decide(items, request({ now, sessionId: `s-${n++}`, podSize: o.podSize ?? 1, ...o.req }), rng);
      for (const ad of d.ads) {
        const li = byId.get(ad.lineItemId)!;
        li.spent += ad.priceMinor;
        li.spentToday += ad.priceMinor;
        perHour.get(li.id)![h]++;
      }
      o.check?.(items, now);
    }
  }
  return perHour;
}

const DAY0 = new Date('2024-06-12T00:00:00Z');
const PRICE = 2000n; // lineItem() bids 2 CLC CPM
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('simulated streams of decisions', () => {
  it('budget and daily cap are never exceeded, for any mix of pacing, bids and per-pod caps', () => {
    const r = seededRng(7);
    const items = Array.from({ length: 24 }, (_, k) => {
      const cpmBid = BigInt(1000 + Math.floor(r() * 5_000_000));
      const price = cpmBid / 1000n;
      return lineItem({
        id: `li-${k}`,
        cpmBid,
        pacing: k % 2 ? 'EVEN' : 'ASAP',
        flight: { start: DAY0, end: new Date(DAY0.getTime() + 3 * DAY) },
        // budgets and caps that are not multiples of the price, so the last impression must be refused
        budget: price * BigInt(50 + Math.floor(r() * 400)) + BigInt(Math.floor(r() * Number(price))),
        dailyCap: k % 3 ? price * BigInt(20 + Math.floor(r() * 150)) + 1n : null,
        frequencyCaps: { perPod: 1 + (k % 3) },
        targeting: { timeZone: ['UTC', 'America/New_York', 'Asia/Tokyo'][k % 3] },
      });
    });
    simulate(items, {
      start: DAY0,
      hours: 72,
      traffic: () => 150,
      podSize: 3,
      check: (lis) => {
        for (const li of lis) {
          assert.ok(li.spent <= li.budget, `${li.id} spent ${li.spent} of ${li.budget}`);
          if (li.dailyCap !== null) assert.ok(li.spentToday <= li.dailyCap, `${li.id} spent ${li.spentToday} today of ${li.dailyCap}`);
        }
      },
    });
    // The limits were reached, not just respected from afar: most budgets end within one price.
    const exhausted = items.filter((li) => li.budget - li.spent < li.cpmBid / 1000n).length;
    assert.ok(exhausted >= 12, `${exhausted} of 24 line items spent their budget`);
  });

  it('EVEN spreads a one-day budget over the day under uniform traffic (every hour within 0.5–1.5× its share)', () => {
    const flight = { start: DAY0, end: new Date(DAY0.getTime() + DAY) };
    const share = 100; // 2,400 impressions over 24 h
    const even = lineItem({ pacing: 'EVEN', flight, budget: PRICE * 2400n });
    const hours = simulate([even], { start: DAY0, hours: 24, traffic: () => 600 }).get('li-1')!;
    for (const [h, n] of hours.entries()) {
      assert.ok(n <= 1.5 * share, `hour ${h}: ${n} impressions (share ${share})`);
      assert.ok(n >= share / 2, `hour ${h}: ${n} impressions (share ${share})`);
    }
    assert.ok(sum(hours) >= 2400 * 0.97, `delivered ${sum(hours)} of 2400`);
    // The same line item on ASAP would not pass this check: the distribution test can fail.
    const asap = lineItem({ pacing: 'ASAP', flight, budget: PRICE * 2400n });
    const asapHours = simulate([asap], { start: DAY0, hours: 24, traffic: () => 600 }).get('li-1')!;
    assert.ok(Math.max(...asapHours) > 2 * share);
  });

  it('EVEN with a daily cap spreads each local day (New York), and never passes the cap', () => {
    const start = new Date('2024-06-12T04:00:00Z'); // midnight in New York (EDT)
    const li = lineItem({
      pacing: 'EVEN',
      flight: { start, end: new Date(start.getTime() + 3 * DAY) },
      budget: PRICE * 100_000n, // far from binding
      dailyCap: PRICE * 1200n, // 50 an hour
      targeting: { timeZone: 'America/New_York' },
    });
    const hours = simulate([li], { start, hours: 72, traffic: () => 400 }).get('li-1')!;
    for (let d = 0; d < 3; d++) {
      const day = hours.slice(24 * d, 24 * d + 24);
      assert.ok(sum(day) <= 1200 && sum(day) >= 1150, `day ${d}: ${sum(day)}`);
      for (const [h, n] of day.entries()) assert.ok(n <= 75 && n >= 25, `day ${d} hour ${h}: ${n}`);
    }
    assert.equal(localTime(start, 'America/New_York')!.minuteOfDay, 0);
  });

  it('EVEN under uneven traffic: spend tracks the straight line when traffic allows, catches up after a lull', () => {
    const flight = { start: DAY0, end: new Date(DAY0.getTime() + DAY) };
    const share = 100;
    // night 00–06: 40 requests an hour (less than the share); day: 300 to 1,500 an hour
    const traffic = (h: number) => (h < 6 ? 40 : h < 18 ? 300 + 100 * (h - 6) : 1500);
    const li = lineItem({ pacing: 'EVEN', flight, budget: PRICE * 2400n });
    const hours = simulate([li], { start: DAY0, hours: 24, traffic }).get('li-1')!;
    for (let h = 0; h < 6; h++) assert.equal(hours[h], 40, `hour ${h}: behind, every request served`);
    let cumulative = 0;
    for (const [h, n] of hours.entries()) {
      cumulative += n;
      const target = share * (h + 1);
      assert.ok(cumulative <= target + share + 1, `hour ${h}: ${cumulative} delivered, never more than an hour ahead of ${target}`);
      if (h >= 9) assert.ok(cumulative >= target - share / 2, `hour ${h}: ${cumulative} delivered, on the line (${target}) again`);
    }
    assert.ok(sum(hours) >= 2400 * 0.97, `delivered ${sum(hours)} of 2400`);
    assert.ok(Math.max(...hours.slice(12)) <= 2 * share, 'the busiest hours do not take more than twice their share');
  });

  it('ASAP spends as fast as traffic allows, then stops at the budget', () => {
    const li = lineItem({ pacing: 'ASAP', budget: PRICE * 500n });
    const hours = simulate([li], { start: DAY0, hours: 3, traffic: () => 300 }).get('li-1')!;
    assert.deepEqual(hours, [300, 200, 0]);
    assert.equal(li.spent, li.budget);
  });

  it('ASAP with a daily cap: the cap each day, as early as traffic allows, again after local midnight', () => {
    const start = new Date('2024-06-11T15:00:00Z'); // midnight in Tokyo
    const li = lineItem({ pacing: 'ASAP', dailyCap: PRICE * 150n, targeting: { timeZone: 'Asia/Tokyo' } });
    const hours = simulate([li], { start, hours: 48, traffic: () => 100 }).get('li-1')!;
    assert.deepEqual(hours.slice(0, 3), [100, 50, 0]);
    assert.deepEqual(hours.slice(24, 27), [100, 50, 0]);
    assert.equal(sum(hours), 300);
  });

  it('frequency caps hold per viewer over a stream of breaks', () => {
    // one viewer, one session, a break every 5 minutes for 3 hours; per hour 2, per stream 5
    const li = lineItem({ frequencyCaps: { perHour: 2, perStream: 5 } });
    const impressions: { lineItemId: string; at: Date; sessionId: string }[] = [];
    const rng = seededRng(5);
    for (let i = 0; i < 36; i++) {
      const now = new Date(DAY0.getTime() + i * 5 * 60_000);
      const d = decide([li], request({ now, sessionId: 'viewer-session', viewerHistory: { impressions } }), rng);
      for (const ad of d.ads) impressions.push({ lineItemId: ad.lineItemId, at: now, sessionId: 'viewer-session' });
    }
    assert.equal(impressions.length, 5);
    for (const imp of impressions) {
      const inHour = impressions.filter((o) => o.at.getTime() <= imp.at.getTime() && imp.at.getTime() - o.at.getTime() < HOUR);
      assert.ok(inHour.length <= 2);
    }
  });
});
