/**
 * The listen page's waveform seek bar, as maths: the peaks JSON the transcoder writes
 * ({version, durationSec, peaks: [0..1] × 1000}), reduced to the bars drawn, the played part,
 * the time under the pointer and the keys of a slider. Pure (no DOM).
 */

export interface Peaks {
  durationSec: number;
  peaks: number[];
}

/** Reads a peaks document; null when it is not one (the bar then draws flat). Values are clamped to 0..1. */
export function parsePeaks(doc: unknown): Peaks | null {
  if (!doc || typeof doc !== 'object') return null;
  const d = doc as { durationSec?: unknown; peaks?: unknown };
  if (!Array.isArray(d.peaks) || d.peaks.length === 0) return null;
  const peaks = d.peaks.map((p) => (typeof p === 'number' && Number.isFinite(p) ? Math.max(0, Math.min(1, p)) : 0));
  const durationSec = typeof d.durationSec === 'number' && Number.isFinite(d.durationSec) && d.durationSec > 0 ? d.durationSec : 0;
  return { durationSec, peaks };
}

/**
 * `count` bars from the peaks: each bar is the highest peak of its share of them (so a short loud
 * moment stays visible); with fewer peaks than bars, peaks repeat. No peaks: `count` zeros.
 */
export function barsFrom(peaks: readonly number[], count: number): number[] {
  const n = Math.max(0, Math.floor(count));
  if (peaks.length === 0) return new Array<number>(n).fill(0);
  const bars: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.floor((i * peaks.length) / n);
    const to = Math.max(from + 1, Math.floor(((i + 1) * peaks.length) / n));
    let max = 0;
    for (let j = from; j < to && j < peaks.length; j++) max = Math.max(max, peaks[j]);
    bars.push(max);
  }
  return bars;
}

/** Bars scaled so the loudest is 1 (a quiet track still shows its shape); all zero stays zero. */
export function scaleToLoudest(bars: readonly number[]): number[] {
  const max = bars.reduce((m, b) => Math.max(m, b), 0);
  return max > 0 ? bars.map((b) => b / max) : bars.slice();
}

/** The played fraction (0..1) at `time` of `duration`; 0 when the duration is not known. */
export function playedFraction(time: number, duration: number): number {
  if (!(duration > 0) || !Number.isFinite(time)) return 0;
  return Math.max(0, Math.min(1, time / duration));
}

/** How many of `count` bars are played at `fraction` (a bar counts once its start is passed). */
export function playedBars(fraction: number, count: number): number {
  if (!(fraction > 0)) return 0;
  return Math.min(count, Math.ceil(fraction * count - 1e-9));
}

/** The time under a pointer at `x` (client px) on a bar drawn from `left` over `width` px. */
export function timeAtX(x: number, left: number, width: number, duration: number): number {
  if (!(width > 0) || !(duration > 0)) return 0;
  return Math.max(0, Math.min(1, (x - left) / width)) * duration;
}

/** Seconds a slider key moves: arrows 5 s, Page Up/Down 30 s. */
export const ARROW_STEP_SEC = 5;
export const PAGE_STEP_SEC = 30;

/** Where a key on the focused slider seeks to, or null when the key is not the slider's. */
export function timeForKey(key: string, time: number, duration: number): number | null {
  const clamp = (t: number) => Math.max(0, duration > 0 ? Math.min(duration, t) : t);
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(time - ARROW_STEP_SEC);
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(time + ARROW_STEP_SEC);
    case 'PageDown':
      return clamp(time - PAGE_STEP_SEC);
    case 'PageUp':
      return clamp(time + PAGE_STEP_SEC);
    case 'Home':
      return 0;
    case 'End':
      return duration > 0 ? duration : null;
    default:
      return null;
  }
}

/** m:ss (h:mm:ss from an hour). */
export function clockTime(sec: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(sec) ? sec : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** The slider's aria-valuetext: "0:05 of 0:12". */
export function valueText(time: number, duration: number): string {
  return `${clockTime(time)} of ${clockTime(duration)}`;
}

/** Listening speeds offered (0.5× to 3×), stepped through by < and >. */
export const LISTEN_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

/** The next speed up (+1) or down (-1) from `rate` (which need not be one of LISTEN_RATES). */
export function stepRate(rate: number, direction: 1 | -1): number {
  if (direction > 0) return LISTEN_RATES.find((r) => r > rate + 1e-9) ?? LISTEN_RATES[LISTEN_RATES.length - 1];
  return [...LISTEN_RATES].reverse().find((r) => r < rate - 1e-9) ?? LISTEN_RATES[0];
}

/** A remembered speed (localStorage text) if it is a usable one (0.5–3), else 1. */
export function parseRate(saved: string | null | undefined): number {
  const r = Number(saved);
  return Number.isFinite(r) && r >= LISTEN_RATES[0] && r <= LISTEN_RATES[LISTEN_RATES.length - 1] ? r : 1;
}

/** The listen page's skip buttons (and the Media Session's seek backward/forward). */
export const SKIP_BACK_SEC = 15;
export const SKIP_FORWARD_SEC = 30;
