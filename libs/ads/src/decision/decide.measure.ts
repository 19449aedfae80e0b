/**
 * How long `decide` takes with 1,000 active line items (not a test; run by hand):
 *   npm run build:server && node dist/libs/ads/src/decision/decide.measure.js
 * A realistic mix: most line items target something (half by country, a third by device, some by
 * category/tag/day-part in a few zones), half EVEN with daily caps, a viewer with 50 impressions.
 */
import { decide } from './auction';
import { DAY, HOUR, lineItem, request } from './decision.fixtures';
import type { AdRequest, Device, LineItemForDecision } from './decision.types';
import { seededRng } from './rng';

const r = seededRng(1);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const COUNTRIES = ['FR', 'DE', 'US', 'GB', 'ES', 'IT', 'JP', 'BR'];
const DEVICES: Device[] = ['desktop', 'mobile', 'tablet', 'tv'];
const CATEGORIES = ['music', 'sport', 'news', 'gaming', 'education', 'film'];
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'];
const now0 = new Date('2024-06-12T12:00:00Z');

const items: LineItemForDecision[] = Array.from({ length: 1000 }, (_, k) =>
  lineItem({
    id: `li-${k}`,
    cpmBid: BigInt(1000 + Math.floor(r() * 10_000_000)),
    pacing: k % 2 ? 'EVEN' : 'ASAP',
    flight: { start: new Date(now0.getTime() - 10 * DAY), end: new Date(now0.getTime() + 20 * DAY) },
    budget: 10n ** 12n,
    spent: BigInt(Math.floor(r() * 4e11)),
    dailyCap: k % 2 ? 10n ** 10n : null,
    spentToday: BigInt(Math.floor(r() * 5e9)),
    targeting: {
      countries: r() < 0.5 ? [pick(COUNTRIES), pick(COUNTRIES)] : undefined,
      devices: r() < 0.3 ? [pick(DEVICES)] : undefined,
      categories: r() < 0.3 ? [pick(CATEGORIES)] : undefined,
      tags: r() < 0.1 ? ['jazz', 'live'] : undefined,
      dayParts: r() < 0.2 ? [{ days: [0, 1, 2, 3, 4, 5, 6], startMinute: 6 * 60, endMinute: 23 * 60 }] : undefined,
      timeZone: pick(ZONES),
    },
    frequencyCaps: { perHour: 3, perDay: 10, perStream: 2 },
    creatives: [
      { id: `cr-${k}-a`, durationMs: 15_000, ready: true, approved: true },
      { id: `cr-${k}-b`, durationMs: 30_000, ready: r() < 0.5, approved: true },
    ],
  }),
);

function req(i: number): AdRequest {
  return request({
    now: new Date(now0.getTime() + i * 1000),
    country: pick(COUNTRIES),
    device: pick(DEVICES),
    video: { categories: [pick(CATEGORIES)], tags: ['live'] },
    podSize: 3,
    sessionId: `s-${i}`,
    viewerHistory: {
      impressions: Array.from({ length: 50 }, (_, j) => ({
        lineItemId: `li-${(i * 7 + j * 13) % 1000}`,
        at: new Date(now0.getTime() - j * HOUR),
        sessionId: `s-${i - (j % 3)}`,
      })),
    },
  });
}

const rng = seededRng(2);
for (let i = 0; i < 500; i++) decide(items, req(i), rng); // warm up
const times: number[] = [];
let ads = 0;
for (let i = 0; i < 5000; i++) {
  const q = req(i);
  const t0 = process.hrtime.bigint();
  ads += decide(items, q, rng).ads.length;
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(3);
console.log(
  `decide, 1,000 line items, ${times.length} decisions: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms; ${(ads / times.length).toFixed(2)} ads a pod`,
);
