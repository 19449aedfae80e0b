/**
 * The advertiser overview's arithmetic over `adReport` rows (one per line item and UTC day):
 * totals for a window and one point per UTC day (days without delivery filled with zeros).
 * Amounts stay bigint; eCPM is floor(spend × 1000 / impressions) like the API's.
 *
 * Pure module (no DOM, no React): compiled and unit-tested by node --test (report-days.spec.ts).
 */
import { toMinor } from '../money';

export interface ReportRowLike {
  lineItemId: string;
  day: string;
  impressions: number;
  completes: number;
  /** Click-throughs (older servers: absent, counted as 0). */
  clicks?: number;
  spend: string;
}

export interface ReportTotals {
  impressions: number;
  completes: number;
  clicks: number;
  /** clicks / impressions; 0 without impressions. */
  clickThroughRate: number;
  spend: bigint;
  /** floor(spend × 1000 / impressions); 0 without impressions. */
  eCpm: bigint;
  /** completes / impressions; 0 without impressions. */
  completionRate: number;
}

export interface ReportDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  impressions: number;
  completes: number;
  /** Minor units, as the API's `Amount` string. */
  spend: string;
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of the UTC day holding `t`. */
export function utcDay(t: Date | number): string {
  return new Date(typeof t === 'number' ? t : t.getTime()).toISOString().slice(0, 10);
}

/** Midnight UTC starting the window of `days` UTC days that ends with today (today included). */
export function windowStart(days: number, now: Date | number = Date.now()): Date {
  const today = Date.parse(`${utcDay(now)}T00:00:00Z`);
  return new Date(today - (Math.max(1, days) - 1) * DAY_MS);
}

export function totals(rows: readonly ReportRowLike[]): ReportTotals {
  let impressions = 0;
  let completes = 0;
  let clicks = 0;
  let spend = 0n;
  for (const r of rows) {
    impressions += r.impressions;
    completes += r.completes;
    clicks += r.clicks ?? 0;
    spend += toMinor(r.spend);
  }
  return {
    impressions,
    completes,
    clicks,
    clickThroughRate: impressions > 0 ? clicks / impressions : 0,
    spend,
    eCpm: impressions > 0 ? (spend * 1000n) / BigInt(impressions) : 0n,
    completionRate: impressions > 0 ? completes / impressions : 0,
  };
}

/** One point per UTC day of the window (oldest first), summing every line item of that day; rows outside it are left out. */
export function dailySeries(rows: readonly ReportRowLike[], days: number, now: Date | number = Date.now()): ReportDay[] {
  const start = windowStart(days, now).getTime();
  const byDay = new Map<string, { impressions: number; completes: number; spend: bigint }>();
  const out: string[] = [];
  for (let i = 0; i < Math.max(1, days); i++) {
    const d = utcDay(start + i * DAY_MS);
    out.push(d);
    byDay.set(d, { impressions: 0, completes: 0, spend: 0n });
  }
  for (const r of rows) {
    const acc = byDay.get(r.day);
    if (!acc) continue;
    acc.impressions += r.impressions;
    acc.completes += r.completes;
    acc.spend += toMinor(r.spend);
  }
  return out.map((day) => {
    const a = byDay.get(day)!;
    return { day, impressions: a.impressions, completes: a.completes, spend: a.spend.toString() };
  });
}

/** Totals per line item over the rows (for the campaign list's delivery figures). */
export function totalsByLineItem(rows: readonly ReportRowLike[]): Map<string, ReportTotals> {
  const groups = new Map<string, ReportRowLike[]>();
  for (const r of rows) {
    const g = groups.get(r.lineItemId);
    if (g) g.push(r);
    else groups.set(r.lineItemId, [r]);
  }
  return new Map([...groups].map(([id, g]) => [id, totals(g)]));
}

/** Whole percent of `part` in `whole` (0–100, floored; 0 when whole is 0). */
export function percentOf(part: bigint | string, whole: bigint | string): number {
  const p = toMinor(part);
  const w = toMinor(whole);
  if (w <= 0n || p <= 0n) return 0;
  if (p >= w) return 100;
  return Number((p * 100n) / w);
}
