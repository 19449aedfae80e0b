/**
 * Byte counts for people, the one way on the server and in the browser (web imports this file as
 * `@wetube/format`): 1000-based with SI units (B, kB, MB, GB, TB, PB), the units a size limit is
 * written in (MAX_UPLOAD_BYTES=2GB is 2 000 000 000 bytes, see config's parseBytes), so one limit
 * reads the same everywhere. Pure: no Node, no DOM.
 */
export interface BytesFormat {
  /**
   * 'short' (default): at most one decimal, a trailing ".0" dropped: "999 B", "1 kB", "12.3 MB", "2 GB".
   * 'fixed': three significant digits, zeros kept ("1.00 kB", "10.0 GB", "123 GB"), so a line that is
   * rewritten in place (the seeder's status line) keeps its width.
   */
  digits?: 'short' | 'fixed';
}

const UNITS = ['kB', 'MB', 'GB', 'TB', 'PB'];

/** "12.3 MB" from 12 345 678; "?" for a negative or non-finite count. */
export function formatBytes(n: number, opts: BytesFormat = {}): string {
  if (!Number.isFinite(n) || n < 0) return '?';
  if (n < 1000) return `${Math.round(n)} B`;
  const fixed = opts.digits === 'fixed';
  let v = n;
  let i = -1;
  while (v >= 1000 && i < UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  let text = fixed ? v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2) : v.toFixed(1).replace(/\.0$/, '');
  // 999.96 kB rounds to "1000": say "1 MB" (or "1.00 MB") instead.
  if (Number(text) >= 1000 && i < UNITS.length - 1) {
    i++;
    text = fixed ? '1.00' : '1';
  }
  return `${text} ${UNITS[i]}`;
}
