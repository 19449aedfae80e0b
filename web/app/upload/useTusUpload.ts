'use client';

import { useEffect, useRef, useState } from 'react';
import * as tus from 'tus-js-client';
import { getApiUrl, gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import { tusErrorField, tusErrorMessage } from './tus-error-message';
import { detailsMetadata, type UploadDetailField, type UploadDetails } from './upload-details';
import type { Phase } from './upload-phase';

const MINE_QUERY = graphql(`
  query Mine {
    myVideos(first: 10) {
      edges {
        node {
          id
          title
          createdAt
        }
      }
    }
  }
`);

const CHUNK_SIZE = 8 * 1024 * 1024;

/** The video the server created for an upload, looked up by title when it did not send its id. */
async function findVideoIdFallback(videoTitle: string): Promise<string | null> {
  try {
    const data = await gql(MINE_QUERY);
    const match = data.myVideos.edges.map((e) => e.node).find((v) => v.title === videoTitle);
    return match?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * A resumable tus upload to the api (credentials included): bytes sent, speed, pause and resume, a
 * resumed earlier upload of the same file, the error to show. Warns before leaving while uploading.
 * `phase` is the page's; this hook moves it through uploading, paused and error.
 */
export function useTusUpload(phase: Phase, setPhase: (phase: Phase) => void) {
  const [sent, setSent] = useState(0);
  const [total, setTotal] = useState(0);
  const [speed, setSpeed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** Set with `error` when the server refused one of the details (the form shows it by that field). */
  const [errorField, setErrorField] = useState<UploadDetailField | null>(null);
  const [resumed, setResumed] = useState(false);

  const uploadRef = useRef<tus.Upload | null>(null);
  const videoIdRef = useRef<string | null>(null);
  const samplesRef = useRef<{ t: number; b: number }[]>([]);

  useEffect(
    () => () => {
      void uploadRef.current?.abort();
    },
    [],
  );

  // Warn before leaving while bytes are still going up.
  useEffect(() => {
    if (phase !== 'uploading') return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [phase]);

  function onSpeedSample(bytes: number) {
    const now = performance.now();
    const samples = samplesRef.current;
    samples.push({ t: now, b: bytes });
    while (samples.length > 2 && now - samples[0].t > 5000) samples.shift();
    const first = samples[0];
    const dt = (now - first.t) / 1000;
    if (dt > 0.25) setSpeed(Math.max(0, (bytes - first.b) / dt));
  }

  /** Uploads `file` with its details (resuming an earlier upload of it if there is one); `onUploaded` gets the new video's id. */
  async function start(file: File, details: UploadDetails, onUploaded: (videoId: string) => void) {
    const videoTitle = details.title;
    videoIdRef.current = null;
    setErrorField(null);
    setSent(0);
    setTotal(file.size);
    setSpeed(0);
    samplesRef.current = [];

    const upload = new tus.Upload(file, {
      endpoint: `${getApiUrl()}/api/uploads/`,
      chunkSize: CHUNK_SIZE,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      removeFingerprintOnSuccess: true,
      metadata: { filename: file.name, ...detailsMetadata(details, file), filetype: file.type || 'application/octet-stream' },
      onBeforeRequest(req) {
        const xhr = req.getUnderlyingObject() as XMLHttpRequest;
        xhr.withCredentials = true;
      },
      onAfterResponse(_req, res) {
        const id = res.getHeader('Wetube-Video-Id');
        if (id) videoIdRef.current = id;
      },
      onProgress(bytesSent, bytesTotal) {
        setSent(Math.min(bytesSent, bytesTotal));
        setTotal(bytesTotal);
        onSpeedSample(bytesSent);
      },
      onError(err) {
        setError(tusErrorMessage(err));
        const field = tusErrorField(err);
        const detail =
          field && ['title', 'description', 'tags', 'visibility', 'category'].includes(field) ? (field as UploadDetailField) : null;
        setErrorField(detail);
        if (detail) {
          // Refused at creation for a detail, before any byte: nothing to resume or show progress of;
          // the form shows the message by the field and the next Upload starts afresh.
          if (uploadRef.current === upload) uploadRef.current = null;
          setTotal(0);
          setPhase('idle');
          return;
        }
        setPhase('error');
      },
      async onSuccess() {
        setSent(file.size);
        setSpeed(0);
        let id = videoIdRef.current;
        if (!id) id = await findVideoIdFallback(videoTitle);
        if (id) {
          onUploaded(id);
        } else {
          setPhase('error');
          setError('The upload finished, but the server did not say which video it created. Check your Studio.');
        }
      },
    });
    uploadRef.current = upload;
    setPhase('uploading');
    try {
      const previous = await upload.findPreviousUploads();
      if (previous.length > 0) {
        upload.resumeFromPreviousUpload(previous[0]);
        setResumed(true);
      } else {
        setResumed(false);
      }
    } catch {
      /* no stored uploads: start fresh */
    }
    upload.start();
  }

  function pause() {
    const u = uploadRef.current;
    if (!u) return;
    void u.abort();
    setPhase('paused');
    setSpeed(0);
  }

  function resume() {
    const u = uploadRef.current;
    if (!u) return;
    setError(null);
    setErrorField(null);
    samplesRef.current = [];
    setPhase('uploading');
    u.start();
  }

  /** Stops sending (the upload stays resumable by tus). */
  function abort() {
    void uploadRef.current?.abort();
  }

  /** Forgets the current upload and its progress. */
  function clear() {
    uploadRef.current = null;
    setSent(0);
    setTotal(0);
  }

  return {
    sent,
    total,
    speed,
    resumed,
    error,
    errorField,
    setError: (e: string | null) => {
      setError(e);
      if (!e) setErrorField(null);
    },
    hasUpload: uploadRef.current !== null,
    start,
    pause,
    resume,
    abort,
    clear,
  };
}
