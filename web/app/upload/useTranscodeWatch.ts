'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { getApiUrl, gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { ProgressEvent } from '@/lib/types';
import type { VideoStatus } from '@/lib/video-fragments';

const UPLOAD_STATUS_QUERY = graphql(`
  query UploadStatus($id: ID!) {
    video(id: $id) {
      status
      progress
      failureReason
    }
  }
`);
import type { Phase } from './upload-phase';

/**
 * Follows an uploaded video's transcode: the api's progress events (SSE), falling back to polling
 * GraphQL every 2 s when the stream breaks. Moves the page's phase to processing, then ready or failed.
 */
export function useTranscodeWatch(setPhase: (phase: Phase) => void) {
  const [videoId, setVideoId] = useState<string | null>(null);
  const [status, setStatus] = useState<VideoStatus | null>(null);
  const [progress, setProgress] = useState(0);
  const [failureReason, setFailureReason] = useState<string | null>(null);

  const esRef = useRef<EventSource | null>(null);
  const pollRef = useRef<number | null>(null);
  const terminalRef = useRef(false);

  const stopWatching = useCallback(() => {
    esRef.current?.close();
    esRef.current = null;
    if (pollRef.current !== null) window.clearInterval(pollRef.current);
    pollRef.current = null;
  }, []);

  useEffect(() => () => stopWatching(), [stopWatching]);

  const applyEvent = useCallback(
    (ev: Pick<ProgressEvent, 'status' | 'progress' | 'failureReason'>) => {
      setStatus(ev.status);
      setProgress(ev.status === 'READY' ? 100 : Number(ev.progress) || 0);
      setFailureReason(ev.failureReason ?? null);
      if (ev.status === 'READY') {
        terminalRef.current = true;
        setPhase('ready');
        stopWatching();
      } else if (ev.status === 'FAILED') {
        terminalRef.current = true;
        setPhase('failed');
        stopWatching();
      }
    },
    [setPhase, stopWatching],
  );

  const startPolling = useCallback(
    (id: string) => {
      if (pollRef.current !== null) return;
      const tick = async () => {
        try {
          const data = await gql(UPLOAD_STATUS_QUERY, { id });
          if (data.video) applyEvent(data.video);
        } catch {
          /* keep trying */
        }
      };
      void tick();
      pollRef.current = window.setInterval(() => void tick(), 2000);
    },
    [applyEvent],
  );

  const watch = useCallback(
    (id: string) => {
      stopWatching();
      terminalRef.current = false;
      setVideoId(id);
      setStatus((s) => s ?? 'UPLOADED');
      setPhase('processing');
      let es: EventSource;
      try {
        es = new EventSource(`${getApiUrl()}/api/videos/${encodeURIComponent(id)}/events`, { withCredentials: true });
      } catch {
        startPolling(id);
        return;
      }
      esRef.current = es;
      es.onmessage = (msg) => {
        try {
          applyEvent(JSON.parse(msg.data) as ProgressEvent);
        } catch {
          /* ignore malformed events */
        }
      };
      es.onerror = () => {
        if (terminalRef.current) return;
        // The stream broke (or CORS refused it): fall back to polling GraphQL every 2 s.
        es.close();
        if (esRef.current === es) esRef.current = null;
        startPolling(id);
      };
    },
    [applyEvent, setPhase, startPolling, stopWatching],
  );

  /** Forgets the video and its transcode state (without stopping a watch in flight: see `stop`). */
  const forget = useCallback(() => {
    setVideoId(null);
    setStatus(null);
    setProgress(0);
    setFailureReason(null);
  }, []);

  return { videoId, status, progress, failureReason, watch, stop: stopWatching, forget };
}
