'use client';

import { useEffect, useRef } from 'react';
import { getApiUrl, gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { ProgressEvent } from '@/lib/types';
import type { StudioVideo, StudioVideoPatch } from './studio-video';

const ONE = graphql(`
  query StudioVideoRefresh($id: ID!) {
    video(id: $id) {
      ...StudioVideo
    }
  }
`);

const PROGRESS = graphql(`
  query StudioProgress($id: ID!) {
    video(id: $id) {
      status
      progress
      failureReason
    }
  }
`);

/** Live progress for a video that is still being transcoded: SSE, falling back to polling every 2 s. */
export function useLiveProgress(video: StudioVideo, onChange: (v: StudioVideoPatch) => void) {
  const active = video.status === 'UPLOADED' || video.status === 'PROCESSING';
  const id = video.id;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let es: EventSource | null = null;
    let timer: number | null = null;

    const finish = async () => {
      // Fetch the whole video again: poster, duration and renditions exist now.
      try {
        const data = await gql(ONE, { id });
        if (data.video && !stopped) onChangeRef.current(data.video);
      } catch {
        /* keep what we have */
      }
    };
    const apply = (ev: Pick<ProgressEvent, 'status' | 'progress' | 'failureReason'>) => {
      if (stopped) return;
      onChangeRef.current({ id, status: ev.status, progress: ev.progress, failureReason: ev.failureReason });
      if (ev.status === 'READY' || ev.status === 'FAILED') {
        stop();
        void finish();
      }
    };
    const poll = () => {
      if (timer !== null || stopped) return;
      const tick = async () => {
        try {
          const data = await gql(PROGRESS, { id });
          if (data.video) apply(data.video);
        } catch {
          /* retry on the next tick */
        }
      };
      timer = window.setInterval(() => void tick(), 2000);
    };
    function stop() {
      stopped = true;
      es?.close();
      if (timer !== null) window.clearInterval(timer);
    }
    try {
      es = new EventSource(`${getApiUrl()}/api/videos/${encodeURIComponent(id)}/events`, { withCredentials: true });
      es.onmessage = (m) => {
        try {
          apply(JSON.parse(m.data) as ProgressEvent);
        } catch {
          /* ignore */
        }
      };
      es.onerror = () => {
        if (stopped) return;
        es?.close();
        poll();
      };
    } catch {
      poll();
    }
    return stop;
  }, [active, id]);
}
