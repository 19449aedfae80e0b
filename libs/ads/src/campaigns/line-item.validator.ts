import { findCategory, VIDEO_CATEGORIES } from '@wetube/catalog';
import { isKnownTimeZone } from '../decision/zoned-time';
import {
  MEDIA_KINDS,
  type AdPosition,
  type DayPart,
  type Device,
  type FrequencyCaps,
  type PacingMode,
  type Targeting,
} from '../decision/decision.types';

/** A refusal a person can act on: the input field at fault (path under `input`), a message, a stable code. */
export interface FieldError {
  field: string;
  message: string;
  code: string;
}

export interface LineItemDraft {
  name: string;
  flightStart: Date;
  flightEnd: Date;
  budget: bigint;
  dailyCap?: bigint | null;
  cpmBid: bigint;
  pacing: PacingMode;
  targeting?: Targeting | null;
  frequencyCaps?: FrequencyCaps | null;
}

export const DEVICES: readonly Device[] = ['desktop', 'mobile', 'tablet', 'tv'];
export const POSITIONS: readonly AdPosition[] = ['PREROLL', 'MIDROLL'];
const MAX_LIST = 50;
const MAX_WORD = 50;
const MAX_FLIGHT_MS = 366 * 24 * 3600_000;

let regionNames: Intl.DisplayNames | null = null;
/** Codes ICU names that are not countries: reserved (UK, EU, EZ, UN), user-assigned (AA, QM–QZ, XA–XZ but XK Kosovo, ZZ). */
const NOT_COUNTRIES = /^(UK|EU|EZ|UN|AA|Q[M-Z]|X[A-JL-Z]|ZZ)$/;

/** ISO 3166-1 alpha-2 (any case): a region Intl knows by name that is a country, so 'XX', 'UK' or 'EU' are refused. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Za-z]{2}$/.test(code) || NOT_COUNTRIES.test(code.toUpperCase())) return false;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const upper = code.toUpperCase();
  const name = regionNames.of(upper);
  return !!name && name !== upper && name !== 'Unknown Region';
}

export function checkName(field: string, name: unknown, max = 120): FieldError | null {
  if (typeof name !== 'string' || name.trim().length === 0) return { field, message: 'Give it a name.', code: 'NAME_REQUIRED' };
  if (name.trim().length > max) return { field, message: `The name is longer than ${max} characters.`, code: 'NAME_TOO_LONG' };
  return null;
}

/**
 * Every problem of a new line item (empty: it is fine). The flight must end after it starts and
 * after `now`; the budget is above zero; a daily cap is above zero and at most the budget; the CPM
 * bid is at least the floor and a whole multiple of 1,000 minor units (an impression costs exactly
 * cpm / 1000, so floor() rounding loses nothing); targeting lists are known values.
 */
export function validateLineItem(d: LineItemDraft, floorCpm: bigint, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const name = checkName('name', d.name);
  if (name) errors.push(name);
  const start = d.flightStart?.getTime?.();
  const end = d.flightEnd?.getTime?.();
  if (!Number.isFinite(start)) errors.push({ field: 'flightStart', message: 'The flight start is not a date.', code: 'INVALID_DATE' });
  if (!Number.isFinite(end)) errors.push({ field: 'flightEnd', message: 'The flight end is not a date.', code: 'INVALID_DATE' });
  if (Number.isFinite(start) && Number.isFinite(end)) {
    if (end <= start) errors.push({ field: 'flightEnd', message: 'The flight must end after it starts.', code: 'FLIGHT_END_BEFORE_START' });
    else if (end <= now.getTime()) errors.push({ field: 'flightEnd', message: 'The flight is already over.', code: 'FLIGHT_IN_PAST' });
    else if (end - start > MAX_FLIGHT_MS)
      errors.push({ field: 'flightEnd', message: 'A flight lasts at most 366 days.', code: 'FLIGHT_TOO_LONG' });
  }
  if (d.budget <= 0n) errors.push({ field: 'budget', message: 'The budget must be more than zero.', code: 'BUDGET_NOT_POSITIVE' });
  if (d.dailyCap != null) {
    if (d.dailyCap <= 0n)
      errors.push({
        field: 'dailyCap',
        message: 'The daily cap must be more than zero (leave it out for none).',
        code: 'DAILY_CAP_NOT_POSITIVE',
      });
    else if (d.dailyCap > d.budget)
      errors.push({ field: 'dailyCap', message: 'The daily cap cannot be more than the budget.', code: 'DAILY_CAP_ABOVE_BUDGET' });
  }
  if (d.cpmBid < floorCpm)
    errors.push({
      field: 'cpmBid',
      message: `The CPM bid must be at least the platform floor, ${floorCpm} minor units.`,
      code: 'BID_BELOW_FLOOR',
    });
  else if (d.cpmBid % 1000n !== 0n)
    errors.push({
      field: 'cpmBid',
      message: 'The CPM bid must be a whole multiple of 1000 minor units (one impression costs cpmBid / 1000).',
      code: 'BID_NOT_WHOLE',
    });
  if (d.pacing !== 'EVEN' && d.pacing !== 'ASAP')
    errors.push({ field: 'pacing', message: 'Pacing is EVEN or ASAP.', code: 'INVALID_PACING' });
  errors.push(...validateTargeting(d.targeting ?? {}), ...validateCaps(d.frequencyCaps ?? {}));
  return errors;
}

export function validateTargeting(t: Targeting): FieldError[] {
  const errors: FieldError[] = [];
  const words = (field: 'categories' | 'tags') => {
    const list = t[field] ?? [];
    if (list.length > MAX_LIST) errors.push({ field: `targeting.${field}`, message: `At most ${MAX_LIST} ${field}.`, code: 'TOO_MANY' });
    list.forEach((w, i) => {
      if (typeof w !== 'string' || w.trim().length === 0 || w.length > MAX_WORD)
        errors.push({
          field: `targeting.${field}.${i}`,
          message: `Each of the ${field} is 1–${MAX_WORD} characters.`,
          code: 'INVALID_TARGETING',
        });
    });
  };
  words('categories');
  (t.categories ?? []).forEach((c, i) => {
    if (typeof c === 'string' && c.trim() && !findCategory(c)) {
      errors.push({
        field: `targeting.categories.${i}`,
        message: `There is no video category "${c.slice(0, MAX_WORD)}"; choose from: ${VIDEO_CATEGORIES.join(', ')}.`,
        code: 'INVALID_CATEGORY',
      });
    }
  });
  words('tags');
  (t.devices ?? []).forEach((d, i) => {
    if (!DEVICES.includes(d))
      errors.push({ field: `targeting.devices.${i}`, message: `A device is one of ${DEVICES.join(', ')}.`, code: 'INVALID_DEVICE' });
  });
  (t.positions ?? []).forEach((p, i) => {
    if (!POSITIONS.includes(p))
      errors.push({
        field: `targeting.positions.${i}`,
        message: `A position is one of ${POSITIONS.join(', ')}.`,
        code: 'INVALID_POSITION',
      });
  });
  (t.mediaKinds ?? []).forEach((k, i) => {
    if (!MEDIA_KINDS.includes(k))
      errors.push({
        field: `targeting.mediaKinds.${i}`,
        message: `A media kind is one of ${MEDIA_KINDS.join(', ')}.`,
        code: 'INVALID_MEDIA_KIND',
      });
  });
  const countries = t.countries ?? [];
  if (countries.length > 300) errors.push({ field: 'targeting.countries', message: 'Too many countries.', code: 'TOO_MANY' });
  countries.forEach((c, i) => {
    if (typeof c !== 'string' || !isCountryCode(c))
      errors.push({
        field: `targeting.countries.${i}`,
        message: `${JSON.stringify(c)} is not an ISO 3166-1 alpha-2 country code (e.g. "DE").`,
        code: 'INVALID_COUNTRY',
      });
  });
  if (t.timeZone != null && !isKnownTimeZone(t.timeZone))
    errors.push({
      field: 'targeting.timeZone',
      message: `${JSON.stringify(t.timeZone)} is not a known IANA time zone (e.g. "Europe/Berlin").`,
      code: 'UNKNOWN_TIME_ZONE',
    });
  const parts = t.dayParts ?? [];
  if (parts.length > MAX_LIST) errors.push({ field: 'targeting.dayParts', message: `At most ${MAX_LIST} day parts.`, code: 'TOO_MANY' });
  parts.forEach((p: DayPart, i) => {
    const at = `targeting.dayParts.${i}`;
    if (!Array.isArray(p.days) || p.days.length === 0 || p.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
      errors.push({ field: `${at}.days`, message: 'Days are 0 (Sunday) to 6 (Saturday), at least one.', code: 'INVALID_DAY_PART' });
    }
    if (!Number.isInteger(p.startMinute) || p.startMinute < 0 || p.startMinute > 1439)
      errors.push({ field: `${at}.startMinute`, message: 'startMinute is a minute of the day, 0–1439.', code: 'INVALID_DAY_PART' });
    if (!Number.isInteger(p.endMinute) || p.endMinute < 0 || p.endMinute > 1440)
      errors.push({ field: `${at}.endMinute`, message: 'endMinute is a minute of the day, 0–1440.', code: 'INVALID_DAY_PART' });
    if (p.startMinute === p.endMinute)
      errors.push({
        field: `${at}.endMinute`,
        message: 'A day part that starts and ends at the same minute is empty.',
        code: 'INVALID_DAY_PART',
      });
  });
  return errors;
}

export function validateCaps(c: FrequencyCaps): FieldError[] {
  const errors: FieldError[] = [];
  for (const k of ['perHour', 'perDay', 'lifetime', 'perStream', 'perPod'] as const) {
    const v = c[k];
    if (v != null && (!Number.isInteger(v) || v < 0 || v > 1_000_000))
      errors.push({
        field: `frequencyCaps.${k}`,
        message: 'A frequency cap is a whole number from 0 (never) up; leave it out for none.',
        code: 'INVALID_FREQUENCY_CAP',
      });
  }
  return errors;
}

/** Lists trimmed, empty ones dropped, countries upper-cased: what is stored and what the engine reads. */
export function normalizeTargeting(t: Targeting | null | undefined): Targeting {
  const out: Record<string, unknown> = {};
  const clean = (l?: readonly string[] | null) => (l ?? []).map((s) => s.trim());
  if (t?.categories?.length) out.categories = clean(t.categories).map((c) => findCategory(c) ?? c);
  if (t?.tags?.length) out.tags = clean(t.tags);
  if (t?.devices?.length) out.devices = [...t.devices];
  if (t?.countries?.length) out.countries = t.countries.map((c) => c.toUpperCase());
  if (t?.dayParts?.length)
    out.dayParts = t.dayParts.map((p) => ({ days: [...p.days], startMinute: p.startMinute, endMinute: p.endMinute }));
  out.timeZone = t?.timeZone ?? 'UTC';
  if (t?.positions?.length) out.positions = [...t.positions];
  if (t?.mediaKinds?.length) out.mediaKinds = [...new Set(t.mediaKinds)];
  return out as Targeting;
}

export function normalizeCaps(c: FrequencyCaps | null | undefined): FrequencyCaps {
  const out: Record<string, number> = {};
  for (const k of ['perHour', 'perDay', 'lifetime', 'perStream', 'perPod'] as const) if (c?.[k] != null) out[k] = c[k]!;
  return out as FrequencyCaps;
}
