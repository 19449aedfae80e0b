/**
 * Pay as you listen, the pure rules (no I/O): what attended playback is worth, what a session's hold
 * is, and the checks on a listener's settings and a creator's split.
 */

const MINUTE_MS = 60_000n;

/** What `attendedMs` of playback is worth at `perMinute` (rounded down: never pays for time not played). */
export function owedFor(attendedMs: number, perMinute: bigint): bigint {
  if (!Number.isFinite(attendedMs) || attendedMs <= 0 || perMinute <= 0n) return 0n;
  return (BigInt(Math.floor(attendedMs)) * perMinute) / MINUTE_MS;
}

/**
 * A session's hold: the rest of the day's ceiling, no more than the whole item at the rate (its
 * length rounded up to minutes; unknown length: the ceiling's rest), no more than the wallet holds.
 */
export function holdFor(input: {
  perMinute: bigint;
  ceiling: bigint;
  committed: bigint;
  durationMs: number | null;
  balance: bigint;
}): bigint {
  const rest = input.ceiling - input.committed;
  let amount = rest;
  if (input.durationMs != null && input.durationMs > 0) {
    const minutes = (BigInt(Math.ceil(input.durationMs)) + MINUTE_MS - 1n) / MINUTE_MS;
    const whole = minutes * input.perMinute;
    if (whole < amount) amount = whole;
  }
  if (input.balance < amount) amount = input.balance;
  return amount > 0n ? amount : 0n;
}

/** The UTC day of `at`, 'YYYY-MM-DD' (a daily ceiling's day). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A problem with the input: the field, a code and a sentence a person can act on. */
export interface RuleProblem {
  field: string;
  code: string;
  message: string;
}

/** Checks a listener's support settings (when turning support on). */
export function checkSettings(perMinute: bigint, dailyCeiling: bigint): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (perMinute <= 0n)
    out.push({ field: 'amountPerMinute', code: 'INVALID_AMOUNT', message: 'The amount per minute must be more than zero.' });
  if (dailyCeiling <= 0n) out.push({ field: 'dailyCeiling', code: 'INVALID_AMOUNT', message: 'The daily ceiling must be more than zero.' });
  else if (perMinute > 0n && dailyCeiling < perMinute)
    out.push({
      field: 'dailyCeiling',
      code: 'CEILING_BELOW_RATE',
      message: 'The daily ceiling is less than one minute at this amount: raise it or lower the amount per minute.',
    });
  return out;
}

/** Checks a split's shares: whole percent from 1 to 100 each, summing to 100 (an empty split is "all to me"). */
export function checkShares(percents: number[]): RuleProblem[] {
  if (percents.length === 0) return [];
  for (const p of percents) {
    if (!Number.isInteger(p) || p < 1 || p > 100)
      return [{ field: 'recipients', code: 'INVALID_SHARE', message: 'Each share must be a whole percent from 1 to 100.' }];
  }
  const sum = percents.reduce((a, b) => a + b, 0);
  if (sum !== 100) return [{ field: 'recipients', code: 'SHARES_NOT_100', message: `The shares sum to ${sum} %; they must sum to 100 %.` }];
  return [];
}
