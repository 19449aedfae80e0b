import type { LineItemForDecision, Rng } from './decision.types';
import { pricePerImpression } from './price';
import { localDayWindow } from './zoned-time';

const HOUR_MS = 3_600_000n;

export interface PacingVerdict {
  allowed: boolean;
  /** Chance this request was let through (1: on or behind schedule; 0: an hour's share ahead). */
  probability: number;
  /** The horizon that held it back, when not allowed. */
  reason?: 'PACING_FLIGHT' | 'PACING_DAY';
}

/** Width of the throttling band, in hours of the horizon's even share. */
export const PACING_BAND_HOURS = 4n; // a quarter of an hour: 1 / 4

/**
 * Throttle probability on one horizon [start, end) with `amount` to spend evenly across it
 * (probabilistic throttling, as in Agarwal et al., "Budget pacing for targeted online
 * advertisements at LinkedIn", KDD 2014, made stateless): target = amount × elapsed / length.
 * On or behind target → 1. Ahead of it, the chance falls linearly to 0 at a band of a quarter
 * hour's share of `amount` (at least one impression's price): p = 1 − (spent − target) / band.
 *
 * Spend therefore never runs more than a quarter hour's share ahead of the straight line, and
 * with plentiful traffic it settles ahead of the line by band × (1 − needed / offered), so the
 * first hour of a horizon gets at most 1.25× its share and the last at least 0.75×. (With a
 * one-hour band the first hour took ~1.8× and the last ~0.2× at 6× traffic.) Behind the line,
 * every request passes: the line item catches up as fast as traffic allows.
 */
export function evenThrottle(amount: bigint, spent: bigint, start: number, end: number, now: number, price: bigint): number {
  const length = BigInt(Math.max(1, end - start));
  const elapsed = BigInt(Math.min(Math.max(0, now - start), end - start));
  const target = (amount * elapsed) / length;
  if (spent <= target) return 1;
  let band = (amount * HOUR_MS) / (length * PACING_BAND_HOURS);
  if (band < price) band = price;
  const ahead = spent - target;
  if (ahead >= band) return 0;
  return 1 - Number(ahead) / Number(band);
}

/**
 * Pacing of one line item at `now`, with `pending` minor units already committed to it in the pod
 * being decided (counted as spent).
 *
 * - ASAP: always allowed (budget, daily cap and caps still apply in eligibility).
 * - EVEN: probabilistic throttling against two straight lines, the flight (budget over
 *   [flight.start, flight.end)) and, when there is a daily cap, the day (daily cap over the local
 *   day ∩ flight, in `targeting.timeZone`). The request passes with p = p_flight × p_day, one draw
 *   of `rng` when 0 < p < 1 and none otherwise, so a seeded rng makes it reproducible.
 */
export function pacingVerdict(li: LineItemForDecision, now: Date, rng: Rng, pending = 0n): PacingVerdict {
  if (li.pacing !== 'EVEN') return { allowed: true, probability: 1 };
  const t = now.getTime();
  const price = pricePerImpression(li.cpmBid);
  const flightStart = li.flight.start.getTime();
  const flightEnd = li.flight.end.getTime();
  const pFlight = evenThrottle(li.budget, li.spent + pending, flightStart, flightEnd, t, price);
  let pDay = 1;
  if (li.dailyCap !== null) {
    const day = localDayWindow(now, li.targeting.timeZone || 'UTC');
    const start = Math.max(day.start.getTime(), flightStart);
    const end = Math.min(day.end.getTime(), flightEnd);
    pDay = evenThrottle(li.dailyCap, li.spentToday + pending, start, end, t, price);
  }
  const p = pFlight * pDay;
  const allowed = p >= 1 ? true : p <= 0 ? false : rng() < p;
  if (allowed) return { allowed, probability: p };
  return { allowed, probability: p, reason: pDay < pFlight ? 'PACING_DAY' : 'PACING_FLIGHT' };
}

/** Whether pacing lets `lineItem` take an impression now (see `pacingVerdict`). */
export function pacingAllows(lineItem: LineItemForDecision, now: Date, rng: Rng): boolean {
  return pacingVerdict(lineItem, now, rng).allowed;
}
