'use client';

import { useEffect, useState } from 'react';
import { parsePeaks, type Peaks } from '@/lib/listen/waveform';

/** The track's waveform peaks (its waveform.json), null until loaded or when there are none. */
export function usePeaks(url: string | null | undefined): Peaks | null {
  const [loaded, setLoaded] = useState<{ url: string; peaks: Peaks | null } | null>(null);
  useEffect(() => {
    if (!url) return;
    const ctrl = new AbortController();
    fetch(url, { credentials: 'include', signal: ctrl.signal })
      .then((r) => (r.ok ? r.json() : null))
      .then((doc: unknown) => setLoaded({ url, peaks: parsePeaks(doc) }))
      .catch(() => {
        if (!ctrl.signal.aborted) setLoaded({ url, peaks: null });
      });
    return () => ctrl.abort();
  }, [url]);
  return loaded && loaded.url === url ? loaded.peaks : null;
}
