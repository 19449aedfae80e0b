/**
 * The "new line item" form: what a person typed → `CreateLineItemInput`, with a message per
 * field for what can be told before asking the server, and the server's userErrors mapped back
 * to the form's fields (["input", "targeting.devices.0"] → "devices").
 *
 * Pure module (no DOM, no React): compiled and unit-tested by node --test (line-item-draft.spec.ts).
 */
import type { AdDevice, AdPosition, MediaKind } from '../gql/graphql';
import { formatClc, parseClc } from '../money';

export type LineItemField =
  | 'campaignId'
  | 'name'
  | 'flightStart'
  | 'flightEnd'
  | 'budget'
  | 'dailyCap'
  | 'cpmBid'
  | 'pacing'
  | 'positions'
  | 'devices'
  | 'mediaKinds'
  | 'countries'
  | 'categories'
  | 'tags'
  | 'timeZone';

export const LINE_ITEM_FIELDS: readonly LineItemField[] = [
  'campaignId',
  'name',
  'flightStart',
  'flightEnd',
  'budget',
  'dailyCap',
  'cpmBid',
  'pacing',
  'positions',
  'devices',
  'mediaKinds',
  'countries',
  'categories',
  'tags',
  'timeZone',
];

export interface LineItemDraft {
  campaignId: string;
  name: string;
  /** `<input type="datetime-local">` values (local time, "2026-03-01T09:30"). */
  flightStart: string;
  flightEnd: string;
  /** CLC as typed ("25", "1.5"). */
  budget: string;
  dailyCap: string;
  cpmBid: string;
  pacing: 'EVEN' | 'ASAP';
  positions: AdPosition[];
  devices: AdDevice[];
  /** Where it plays: VIDEO, AUDIO (songs, podcasts); none ticked: both. */
  mediaKinds: MediaKind[];
  /** Comma or space separated. */
  countries: string;
  categories: string;
  tags: string;
  timeZone: string;
}

/** What the form sends as `CreateLineItemInput` (the generated type checks it where it is sent). */
export interface CreateLineItemInputJson {
  campaignId: string;
  name: string;
  flightStart: string;
  flightEnd: string;
  budget: string;
  dailyCap: string | null;
  cpmBid: string;
  pacing: 'EVEN' | 'ASAP';
  targeting: {
    positions: AdPosition[] | null;
    devices: AdDevice[] | null;
    mediaKinds: MediaKind[] | null;
    countries: string[] | null;
    categories: string[] | null;
    tags: string[] | null;
    timeZone: string | null;
  };
  idempotencyKey?: string;
}

export type DraftResult = { ok: true; input: CreateLineItemInputJson } | { ok: false; errors: Partial<Record<LineItemField, string>> };

/** "de, FR  us" → ["DE", "FR", "US"]; "" → []. */
export function splitList(text: string, upper = false): string[] {
  const words = text
    .split(/[,\s]+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => (upper ? w.toUpperCase() : w));
  return [...new Set(words)];
}

/** A datetime-local value ("YYYY-MM-DDTHH:mm", local time) as a Date; null when it is not one. */
export function parseLocalDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A Date as a datetime-local value in local time (minutes precision). */
export function toLocalDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Checks what the browser can tell (dates, amounts, a name) and builds the mutation input; the server checks the rest. */
export function buildLineItemInput(d: LineItemDraft, now: Date = new Date()): DraftResult {
  const errors: Partial<Record<LineItemField, string>> = {};
  if (!d.campaignId) errors.campaignId = 'Pick a campaign.';
  if (!d.name.trim()) errors.name = 'Give the line item a name.';
  const start = parseLocalDateTime(d.flightStart);
  const end = parseLocalDateTime(d.flightEnd);
  if (!start) errors.flightStart = 'Enter when the flight starts.';
  if (!end) errors.flightEnd = 'Enter when the flight ends.';
  else if (start && end <= start) errors.flightEnd = 'The flight must end after it starts.';
  else if (end <= now) errors.flightEnd = 'The flight end is in the past.';
  const budget = parseClc(d.budget);
  if (!budget.ok) errors.budget = budget.error;
  const cpm = parseClc(d.cpmBid);
  if (!cpm.ok) errors.cpmBid = cpm.error;
  else if (BigInt(cpm.minor) % 1000n !== 0n)
    errors.cpmBid = 'The CPM bid has at most 3 decimals (one impression costs a thousandth of it).';
  let dailyCap: string | null = null;
  if (d.dailyCap.trim()) {
    const cap = parseClc(d.dailyCap);
    if (!cap.ok) errors.dailyCap = cap.error;
    else if (budget.ok && BigInt(cap.minor) > BigInt(budget.minor)) errors.dailyCap = 'The daily cap cannot be more than the budget.';
    else dailyCap = cap.minor;
  }
  if (d.positions.length === 0) errors.positions = 'Pick at least one position.';
  const countries = splitList(d.countries, true);
  const bad = countries.find((c) => !/^[A-Z]{2}$/.test(c));
  if (bad) errors.countries = `"${bad}" is not a two-letter country code (e.g. DE).`;
  if (Object.keys(errors).length > 0 || !budget.ok || !cpm.ok || !start || !end) return { ok: false, errors };
  const orNull = <T>(xs: T[]): T[] | null => (xs.length > 0 ? xs : null);
  return {
    ok: true,
    input: {
      campaignId: d.campaignId,
      name: d.name.trim(),
      flightStart: start.toISOString(),
      flightEnd: end.toISOString(),
      budget: budget.minor,
      dailyCap,
      cpmBid: cpm.minor,
      pacing: d.pacing,
      targeting: {
        positions: d.positions.length === 2 ? null : [...d.positions],
        devices: orNull(d.devices),
        mediaKinds: d.mediaKinds.length === 2 ? null : orNull(d.mediaKinds),
        countries: orNull(countries),
        categories: orNull(splitList(d.categories)),
        tags: orNull(splitList(d.tags)),
        timeZone: d.timeZone.trim() || null,
      },
    },
  };
}

/**
 * The form field a server userError names: its path is ["input", "<field>"] where the field may
 * be dotted ("targeting.devices.0", "frequencyCaps.perDay"). Null when the form has no such field.
 */
export function formFieldOf<F extends string>(path: readonly string[] | null | undefined, fields: readonly F[]): F | null {
  if (!path || path.length === 0) return null;
  const parts = path.flatMap((p) => p.split('.')).filter((p) => p !== 'input' && !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const f = parts[i] as F;
    if (fields.includes(f)) return f;
  }
  return null;
}

/** Splits userErrors into per-field messages (first one per field) and the rest. */
export function splitUserErrors<F extends string>(
  userErrors: readonly { field: string[] | null; message: string }[],
  fields: readonly F[],
): { byField: Partial<Record<F, string>>; general: string[] } {
  const byField: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const e of userErrors) {
    const f = formFieldOf(e.field, fields);
    const message = minorUnitsAsClc(e.message);
    if (f && !byField[f]) byField[f] = message;
    else if (!f) general.push(message);
  }
  return { byField, general };
}

/** The server speaks minor units in some messages ("… 1000000000000 minor units"): say CLC instead. */
export function minorUnitsAsClc(message: string): string {
  return message.replace(/(\d+) minor units/g, (_m, n: string) => formatClc(n));
}
