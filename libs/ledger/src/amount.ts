import { LedgerError } from './ledger.errors';

/** The largest amount or balance the ledger stores: a signed 64-bit BIGINT, 2^63 − 1 minor units. */
export const MAX_AMOUNT = 2n ** 63n - 1n;

export interface ParseAmountOptions {
  /** Allow a leading minus (posting amounts); off by default. */
  allowNegative?: boolean;
  /** Allow 0; off by default (a command that moves nothing is a mistake). */
  allowZero?: boolean;
}

const DECIMAL = /^-?(0|[1-9][0-9]*)$/;

/**
 * An amount in integer minor units from JSON or GraphQL input: a decimal string ("1500") or a safe
 * integer number. Refuses floats ("1.5", 1.5), exponents, whitespace, leading zeros, numbers above
 * 2^53 (JSON numbers that large have already lost precision), negatives and zero unless allowed, and
 * anything beyond ±(2^63 − 1). Each refusal is a LedgerError whose code and message name the problem.
 */
export function parseAmount(input: unknown, options: ParseAmountOptions = {}): bigint {
  let value: bigint;
  if (typeof input === 'bigint') {
    value = input;
  } else if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new LedgerError('INVALID_AMOUNT', `amount ${input} is not a finite number`);
    if (!Number.isInteger(input)) throw new LedgerError('INVALID_AMOUNT', `amount ${input} is not an integer number of minor units`);
    if (!Number.isSafeInteger(input)) {
      throw new LedgerError(
        'UNSAFE_NUMBER',
        `amount ${input} is a number above 2^53 and may have lost precision: send it as a decimal string`,
      );
    }
    value = BigInt(input);
  } else if (typeof input === 'string') {
    if (!DECIMAL.test(input)) {
      throw new LedgerError(
        'INVALID_AMOUNT',
        `amount ${JSON.stringify(input.slice(0, 40))} is not a decimal integer string (digits only, no sign other than '-', no point, no exponent, no leading zeros)`,
      );
    }
    if (input.length > 21) throw new LedgerError('AMOUNT_TOO_LARGE', `amount ${input.slice(0, 25)}… exceeds the limit ${MAX_AMOUNT}`);
    value = BigInt(input);
  } else {
    throw new LedgerError('INVALID_AMOUNT', `amount must be a decimal string or an integer, got ${input === null ? 'null' : typeof input}`);
  }
  if (value > MAX_AMOUNT || value < -MAX_AMOUNT)
    throw new LedgerError('AMOUNT_TOO_LARGE', `amount ${value} exceeds the limit ${MAX_AMOUNT}`);
  if (value < 0n && !options.allowNegative) throw new LedgerError('NEGATIVE_AMOUNT', `amount ${value} is negative`);
  if (value === 0n && !options.allowZero) throw new LedgerError('ZERO_AMOUNT', 'amount is 0: nothing to move');
  return value;
}

/** An amount as its decimal string (the JSON and GraphQL form). */
export function formatAmount(value: bigint): string {
  return value.toString(10);
}
