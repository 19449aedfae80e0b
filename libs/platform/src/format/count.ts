const UNITS: [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * A count for people, compact: "999", "1.2K", "12K", "123K", "1.2M", "3B". Rounded down (1,299 is
 * "1.2K", 999,999 is "999K": a count never reads more than it is), one decimal below 10 of a unit.
 * Not a count (negative, NaN, infinite): "0".
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '0';
  const whole = Math.floor(n);
  for (const [size, unit] of UNITS) {
    if (whole < size) continue;
    const v = whole / size;
    // Whole tenths by integer arithmetic (1.2 * 10 is 11.999… in floating point).
    const text = v < 10 ? String(Math.floor(whole / (size / 10)) / 10) : String(Math.floor(v));
    return `${text}${unit}`;
  }
  return String(whole);
}

/** A compact count with its noun: "1 view", "0 views", "1.2K views" (`plural` defaults to noun + "s"). */
export function formatCountOf(n: number, noun: string, plural = `${noun}s`): string {
  const whole = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
  return `${formatCount(whole)} ${whole === 1 ? noun : plural}`;
}
