import type { AdRequest, DayPart, ExclusionReason, Targeting } from './decision.types';
import { localTime, type LocalTime } from './zoned-time';

/**
 * The request side of targeting, normalised once per decision (lower-cased categories and tags,
 * upper-cased country) with the local time memoised per time zone, so checking 1,000 line items
 * does not format the same instant 1,000 times.
 */
export class TargetingContext {
  readonly categories: ReadonlySet<string>;
  readonly tags: ReadonlySet<string>;
  readonly country: string | null;
  private readonly localTimes = new Map<string, LocalTime | null>();

  constructor(readonly request: AdRequest) {
    this.categories = new Set(request.video.categories.map(norm));
    this.tags = new Set(request.video.tags.map(norm));
    this.country = request.country ? request.country.trim().toUpperCase() : null;
  }

  localTime(timeZone: string): LocalTime | null {
    let lt = this.localTimes.get(timeZone);
    if (lt === undefined) {
      lt = localTime(this.request.now, timeZone);
      this.localTimes.set(timeZone, lt);
    }
    return lt;
  }
}

function norm(s: string): string {
  return s.trim().toLowerCase();
}

function isSet<T>(list: readonly T[] | null | undefined): list is readonly T[] {
  return list != null && list.length > 0;
}

/** null when every set dimension matches, else the first that does not. */
export function checkTargeting(t: Targeting, ctx: TargetingContext): ExclusionReason | null {
  const req = ctx.request;
  if (isSet(t.positions) && !t.positions.includes(req.position)) return 'POSITION';
  if (isSet(t.devices) && (req.device === null || !t.devices.includes(req.device))) return 'DEVICE';
  if (isSet(t.countries) && (ctx.country === null || !t.countries.some((c) => c.trim().toUpperCase() === ctx.country))) {
    return 'COUNTRY';
  }
  if (isSet(t.categories) && !t.categories.some((c) => ctx.categories.has(norm(c)))) return 'CATEGORY';
  if (isSet(t.tags) && !t.tags.some((c) => ctx.tags.has(norm(c)))) return 'TAG';
  if (isSet(t.mediaKinds) && !t.mediaKinds.includes(req.video.kind ?? 'VIDEO')) return 'MEDIA_KIND';
  if (isSet(t.dayParts)) {
    const lt = ctx.localTime(t.timeZone || 'UTC');
    if (lt === null) return 'BAD_TIME_ZONE';
    if (!t.dayParts.some((p) => inDayPart(p, lt.weekday, lt.minuteOfDay))) return 'DAY_PART';
  }
  return null;
}

/** Whether local (weekday, minute) falls in the day-part; see `DayPart` for the overnight rule. */
export function inDayPart(p: DayPart, weekday: number, minute: number): boolean {
  if (p.startMinute < p.endMinute) {
    return p.days.includes(weekday) && minute >= p.startMinute && minute < p.endMinute;
  }
  if (p.startMinute === p.endMinute) return false;
  // Overnight: the evening part on a listed day, or the early-morning part the day after one.
  return (p.days.includes(weekday) && minute >= p.startMinute) || (p.days.includes((weekday + 6) % 7) && minute < p.endMinute);
}
