/**
 * Passes on progress at most every `intervalMs` or every `step` percent, whichever comes first,
 * one write at a time, so a fast encoder does not flood the database and the queue.
 */
export function progressThrottle(write: (pct: number) => Promise<void>, intervalMs = 1000, step = 5) {
  let lastSent = -Infinity;
  let lastAt = 0;
  let pending: number | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  const send = (pct: number) => {
    lastSent = pct;
    lastAt = Date.now();
    inFlight = inFlight.then(() => write(pct)).catch(() => undefined);
  };
  return {
    push(pct: number): void {
      const p = Math.floor(pct);
      if (p <= lastSent) return;
      if (p - lastSent >= step || Date.now() - lastAt >= intervalMs) send(p);
      else pending = p;
    },
    async flush(): Promise<void> {
      if (pending !== null && pending > lastSent) send(pending);
      pending = null;
      await inFlight;
    },
  };
}
