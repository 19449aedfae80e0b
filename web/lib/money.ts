/**
 * Cloudcoin amounts. The API speaks integer minor units as decimal strings (scalar `Amount`,
 * 1 CLC = 1 000 000 minor units). Everything here is bigint/string arithmetic: no floats, so
 * "0.1" + "0.2" stays exact and amounts above 2^53 survive.
 *
 * Pure module (no DOM, no React): compiled and unit-tested by node --test (money.spec.ts).
 */

import { CLC_DECIMALS, toMinor } from '@wetube/format';

// Formatting (formatClc, toMinor) is the platform's one (libs/platform/src/format, the same on the
// server): "1500000" → "1.5 CLC", "1234000000" → "1,234 CLC". Parsing what a person typed is here.
export { CLC_DECIMALS, CURRENCY, formatClc, toMinor, type FormatOptions } from '@wetube/format';

/** Largest amount the API accepts (a signed 64-bit integer of minor units). */
export const MAX_MINOR = 2n ** 63n - 1n;

export function isZero(amount: string | bigint): boolean {
  return toMinor(amount) === 0n;
}

export function sumMinor(amounts: Iterable<string | bigint>): bigint {
  let total = 0n;
  for (const a of amounts) total += toMinor(a);
  return total;
}

export type ParseResult = { ok: true; minor: string } | { ok: false; error: string };

export interface ParseOptions {
  /** Accept "0" (default false: a transfer of nothing is refused). */
  allowZero?: boolean;
  decimals?: number;
}

/**
 * Text a person typed → minor units string: "1.25" → "1250000", "1,000" → "1000000000",
 * ".5 CLC" → "500000". Refuses negatives, exponents, more than 6 decimals, a comma used as the
 * decimal mark, and amounts above the API's 64-bit limit, each with a message for the person.
 */
export function parseClc(text: string, opts: ParseOptions = {}): ParseResult {
  const { allowZero = false, decimals = CLC_DECIMALS } = opts;
  let s = text
    .trim()
    .replace(/\s*clc$/i, '')
    .trim();
  if (s === '') return { ok: false, error: 'Enter an amount.' };
  if (s.startsWith('+')) s = s.slice(1);
  if (s.startsWith('-')) return { ok: false, error: 'Enter a positive amount.' };
  // Thousands separators only where they belong ("1,234.5"); "1,5" is a decimal comma.
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) {
      return { ok: false, error: 'Use a dot for decimals, e.g. 1.25 (commas only between thousands).' };
    }
    s = s.replace(/,/g, '');
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) {
    return { ok: false, error: 'Enter an amount in CLC using digits and at most one dot, e.g. 1.25.' };
  }
  const whole = m[1] || '0';
  const frac = m[2] ?? '';
  if (frac.length > decimals) {
    return { ok: false, error: `CLC has at most ${decimals} decimal places (the smallest amount is 0.${'0'.repeat(decimals - 1)}1 CLC).` };
  }
  const minor = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
  if (minor === 0n && !allowZero) return { ok: false, error: 'Enter an amount greater than 0.' };
  if (minor > MAX_MINOR) return { ok: false, error: 'That amount is too large.' };
  return { ok: true, minor: minor.toString() };
}
