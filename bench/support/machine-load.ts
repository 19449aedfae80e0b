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

/** Above this share of the machine busy, or this 1-minute load average per core, figures are withheld. */
export const SATURATED_BUSY = 0.9;
export const SATURATED_LOAD_PER_CORE = 2;

/** Why the machine counts as saturated over a scenario (figures from it say more about the machine than the code), or null. */
export function saturation(cpuBusy: number, loadAvg1: number): string | null {
  const cores = cpus().length;
  if (cpuBusy >= SATURATED_BUSY) return `machine CPU ${(cpuBusy * 100).toFixed(0)} % busy (limit ${SATURATED_BUSY * 100} %)`;
  if (loadAvg1 >= SATURATED_LOAD_PER_CORE * cores) return `load average ${loadAvg1.toFixed(1)} on ${cores} cores (limit ${SATURATED_LOAD_PER_CORE * cores})`;
  return null;
}

export function loadAvg1(): number {
  return loadavg()[0];
}
