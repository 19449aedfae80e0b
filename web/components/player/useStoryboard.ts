'use client';

import { useEffect, useState } from 'react';
import { parseStoryboardVtt, type StoryboardCue } from '@/lib/storyboard';

/** The seek bar's thumbnails: the storyboard WebVTT's cues (none when there is none or it fails: they are optional). */
export function useStoryboard(storyboardUrl: string | null | undefined): StoryboardCue[] {
  const [cues, setCues] = useState<StoryboardCue[]>([]);
  useEffect(() => {
    setCues([]);
    if (!storyboardUrl) return;
    const ctrl = new AbortController();
    fetch(storyboardUrl, { credentials: 'include', signal: ctrl.signal })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((text) => setCues(parseStoryboardVtt(text, new URL(storyboardUrl, window.location.href).toString())))
      .catch(() => {
        /* thumbnails are optional */
      });
    return () => ctrl.abort();
  }, [storyboardUrl]);
  return cues;
}
