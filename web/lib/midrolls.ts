/**
 * Mid-roll points as a creator types them: a comma-separated list of times, each `s`, `m:ss` or
 * `h:mm:ss` ("8, 1:30, 12:00"). Parsed to whole seconds, sorted, without repeats.
 */
export function parseMidrolls(raw: string): { ok: true; value: number[] } | { ok: false; error: string } {
  const out = new Set<number>();
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (!/^\d+(:[0-5]\d){0,2}$/.test(part)) return { ok: false, error: `"${part}" is not a time: use seconds, m:ss or h:mm:ss.` };
    const seconds = part.split(':').reduce((acc, n) => acc * 60 + Number(n), 0);
    if (seconds < 1) return { ok: false, error: 'A mid-roll comes after the start (the pre-roll is at 0:00).' };
    out.add(seconds);
  }
  return { ok: true, value: [...out].sort((a, b) => a - b) };
}

/** Whole seconds as `m:ss` (or `h:mm:ss`). */
export function formatOffset(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
