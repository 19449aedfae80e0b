import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Whole-machine CPU time counters from /proc/stat (all processes, not only the bench's). */
export interface CpuTimes {
  busy: number;
  total: number;
}

export function cpuTimes(): CpuTimes {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** Share of the machine's CPU time busy between two readings (NaN when unknown). */
export const busyShare = (a: CpuTimes, b: CpuTimes) => (b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : NaN);

/**
 * Above this share of the machine busy, or this many runnable threads per core on average over the
 * scenario (sampled, not the 1-minute load average, which lags and counts sleeping I/O), figures
 * are withheld.
 */
export const SATURATED_BUSY = 0.9;
export const SATURATED_RUNNABLE_PER_CORE = 2;

/** Why the machine counts as saturated over a scenario (figures from it say more about the machine than the code), or null. */
export function saturation(cpuBusy: number, meanRunnable: number): string | null {
  const cores = cpus().length;
  if (cpuBusy >= SATURATED_BUSY) return `machine CPU ${(cpuBusy * 100).toFixed(0)} % busy (limit ${SATURATED_BUSY * 100} %)`;
  if (meanRunnable >= SATURATED_RUNNABLE_PER_CORE * cores)
    return `${meanRunnable.toFixed(1)} runnable threads on ${cores} cores on average (limit ${SATURATED_RUNNABLE_PER_CORE * cores})`;
  return null;
}

/** Runnable threads now (`procs_running` of /proc/stat, this sampler included); NaN when unknown. */
export function runnableNow(): number {
  try {
    return Number(/^procs_running (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** Samples the run queue every `everyMs` until stopped; the mean (minus the sampler itself). */
export function sampleRunQueue(everyMs = 500): { stop(): number } {
  const xs: number[] = [];
  const t = setInterval(() => {
    const n = runnableNow();
    if (Number.isFinite(n)) xs.push(Math.max(0, n - 1));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(t);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
    },
  };
}

export function loadAvg1(): number {
  return loadavg()[0];
}
