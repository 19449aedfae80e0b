/**
 * The one idempotency-key rule: printable ASCII without spaces, at most 200 characters (the
 * journal's column). A key a client chooses is at most 120 of them, leaving room for the prefix the
 * server puts before it in the ledger (`transfer:<user id>:`, `plan:<user id>:`, …).
 */
export const IDEMPOTENCY_KEY_MAX = 200;
export const CLIENT_IDEMPOTENCY_KEY_MAX = 120;

export function isIdempotencyKey(key: unknown, max = IDEMPOTENCY_KEY_MAX): key is string {
  return typeof key === 'string' && key.length >= 1 && key.length <= max && /^[\x21-\x7e]+$/.test(key);
}

/** The rule in words, for messages: "1–200 printable ASCII characters without spaces". */
export function idempotencyKeyRule(max = IDEMPOTENCY_KEY_MAX): string {
  return `1–${max} printable ASCII characters without spaces`;
}
