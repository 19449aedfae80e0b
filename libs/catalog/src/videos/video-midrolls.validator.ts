import { UserError } from '@wetube/platform';

/** At most this many mid-rolls per video. */
export const MAX_MIDROLLS = 50;

/**
 * Checks a creator's mid-roll points: whole seconds, after the start (the pre-roll is at 0) and
 * before the end of the video (when its duration is known), at most MAX_MIDROLLS. Returns them
 * sorted without repeats, or every problem (field `midrolls`). An empty list means no mid-roll.
 */
export function cleanMidrolls(
  points: readonly number[],
  durationMs: number | null,
): { ok: true; value: number[] } | { ok: false; errors: UserError[] } {
  const errors: UserError[] = [];
  const bad = points.find((t) => !Number.isInteger(t) || t < 1);
  if (bad !== undefined)
    errors.push(
      UserError.of('midrolls', `Mid-roll points are whole seconds after the start (1 or more); ${String(bad)} is not.`, 'MIDROLL_INVALID'),
    );
  const value = [...new Set(points)].sort((a, b) => a - b);
  if (value.length > MAX_MIDROLLS) errors.push(UserError.of('midrolls', `Use at most ${MAX_MIDROLLS} mid-rolls.`, 'TOO_MANY_MIDROLLS'));
  if (durationMs !== null) {
    const late = value.find((t) => t * 1000 >= durationMs);
    if (late !== undefined) {
      errors.push(
        UserError.of(
          'midrolls',
          `A mid-roll at ${late} s is not before the end of the video (${Math.floor(durationMs / 1000)} s).`,
          'MIDROLL_AFTER_END',
        ),
      );
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
