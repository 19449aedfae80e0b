/**
 * Wall-clock time in an IANA time zone, through Intl (so DST and odd offsets come from the
 * platform's tz database, never from a fixed offset).
 */

export interface LocalTime {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  weekday: number; // 0 = Sunday
  minuteOfDay: number; // 0-1439
  /** The wall-clock reading as if it were UTC, in ms (for offset arithmetic). */
  wallMs: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const DAY_MS = 86_400_000;
const MAX_FORMATTERS = 1000;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null; // not a time zone this runtime knows
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

export function isKnownTimeZone(timeZone: string): boolean {
  return formatter(timeZone) !== null;
}

/**
 * The last UTC minute read per zone: within one UTC minute the wall clock of a zone whose offset is
 * whole minutes moves in step (transitions fall on whole minutes), so the decision engine, which
 * asks for the same zones over and over, pays Intl's formatToParts once a minute per zone.
 */
const minuteCache = new Map<string, { minuteStart: number; lt: LocalTime }>();

/** The local time at `at` in `timeZone`, or null when the zone is unknown. */
export function localTime(at: Date, timeZone: string): LocalTime | null {
  const t = at.getTime();
  const minuteStart = Math.floor(t / 60_000) * 60_000;
  const hit = minuteCache.get(timeZone);
  if (hit && hit.minuteStart === minuteStart) return { ...hit.lt, wallMs: hit.lt.wallMs + (t - minuteStart) };
  const lt = readLocalTime(new Date(minuteStart), timeZone);
  if (!lt) return null;
  if ((lt.wallMs - minuteStart) % 60_000 === 0) {
    if (minuteCache.size >= MAX_FORMATTERS) minuteCache.clear();
    minuteCache.set(timeZone, { minuteStart, lt });
    return { ...lt, wallMs: lt.wallMs + (t - minuteStart) };
  }
  return readLocalTime(at, timeZone); // an offset with seconds (historic local mean time): no shortcut
}

function readLocalTime(at: Date, timeZone: string): LocalTime | null {
  const f = formatter(timeZone);
  if (!f) return null;
  let year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0,
    weekday = 0;
  for (const p of f.formatToParts(at)) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value) % 24;
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
      case 'weekday':
        weekday = WEEKDAYS[p.value] ?? 0;
        break;
    }
  }
  const ms = ((at.getTime() % 1000) + 1000) % 1000;
  return {
    year,
    month,
    day,
    weekday,
    minuteOfDay: hour * 60 + minute,
    wallMs: Date.UTC(year, month - 1, day, hour, minute, second) + ms,
  };
}

/** First instant whose local wall clock reads `wallMs` or later (a midnight lost to DST → the jump). */
function firstInstantAtOrAfterWall(wallMs: number, timeZone: string): number {
  // The offsets a day either side cover any transition near this wall time.
  const offsets = new Set<number>();
  for (const probe of [wallMs - DAY_MS, wallMs, wallMs + DAY_MS]) {
    offsets.add(localTime(new Date(probe), timeZone)!.wallMs - probe);
  }
  let best = Infinity;
  for (const off of offsets) {
    const candidate = wallMs - off;
    if (candidate < best && localTime(new Date(candidate), timeZone)!.wallMs >= wallMs) best = candidate;
  }
  return best;
}

/**
 * The local day containing `at` in `timeZone`, as instants: [start, end). 24 h on most days, 23 h or
 * 25 h on DST days. This is the day of a line item's daily cap: the ad server sums `spentToday`
 * over the same window. Unknown zones fall back to UTC.
 */
export function localDayWindow(at: Date, timeZone: string): { start: Date; end: Date } {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const t = at.getTime();
  // The last window per zone is kept: pacing asks for the same day over and over.
  const cached = dayWindows.get(zone);
  if (cached && t >= cached.start && t < cached.end) return { start: new Date(cached.start), end: new Date(cached.end) };
  const lt = localTime(at, zone)!;
  const midnight = Date.UTC(lt.year, lt.month - 1, lt.day);
  const window = { start: firstInstantAtOrAfterWall(midnight, zone), end: firstInstantAtOrAfterWall(midnight + DAY_MS, zone) };
  if (dayWindows.size >= MAX_FORMATTERS) dayWindows.clear();
  dayWindows.set(zone, window);
  return { start: new Date(window.start), end: new Date(window.end) };
}

const dayWindows = new Map<string, { start: number; end: number }>();
