/**
 * Cloudcoin amounts for people, the one way on the server and in the browser (web imports this file
 * as `@wetube/format`). Amounts are integer minor units (1 CLC = 1 000 000), as bigint or as the
 * API's decimal strings; everything is bigint arithmetic, so amounts above 2^53 stay exact. Pure.
 */

/** Decimal places of a CLC: 1 CLC = 10^6 minor units. */
export const CLC_DECIMALS = 6;
export const MINOR_PER_CLC = 10n ** BigInt(CLC_DECIMALS);
export const CURRENCY = 'CLC';

const INTEGER = /^-?\d+$/;

/** Parses an amount of minor units ("1500000", "-250", or a bigint) as a bigint; throws on anything else. */
export function toMinor(amount: string | bigint): bigint {
  if (typeof amount === 'bigint') return amount;
  const s = amount.trim();
  if (!INTEGER.test(s)) throw new TypeError(`Not an integer amount of minor units: ${JSON.stringify(amount)}`);
  return BigInt(s);
}

export interface FormatOptions {
  /** Prefix positive amounts with "+" (history rows). Negative amounts always get "-". */
  signed?: boolean;
  /** Append " CLC" (default true). */
  unit?: boolean;
  /** Separate whole thousands with "," (default true); false for machine-read text such as VAST's Pricing. */
  grouping?: boolean;
  /** Show all six decimals ("1.500000") instead of trimming trailing zeros, for columns of figures. */
  fixed?: boolean;
}

/**
 * Minor units → text: "1500000" → "1.5 CLC", "1234000000" → "1,234 CLC", "-1" → "-0.000001 CLC".
 * Trailing zeros of the fraction are trimmed; whole thousands are separated by ",".
 */
export function formatClc(amount: string | bigint, opts: FormatOptions = {}): string {
  const { signed = false, unit = true, grouping = true, fixed = false } = opts;
  const v = toMinor(amount);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const digits = (abs / MINOR_PER_CLC).toString();
  const whole = grouping ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits;
  const padded = (abs % MINOR_PER_CLC).toString().padStart(CLC_DECIMALS, '0');
  const frac = fixed ? padded : padded.replace(/0+$/, '');
  const sign = neg ? '-' : signed && abs > 0n ? '+' : '';
  return `${sign}${whole}${frac ? `.${frac}` : ''}${unit ? ` ${CURRENCY}` : ''}`;
}
