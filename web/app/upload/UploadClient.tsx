'use client';

import Link from 'next/link';
import { useCallback, useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import * as tus from 'tus-js-client';
import { ProgressBar } from '@/components/ProgressBar';
import { errorMessage, getApiUrl, gql, rest } from '@/lib/api';
import { formatBytes, formatDuration } from '@/lib/format';
import type { Connection, ProgressEvent, Video, VideoStatus } from '@/lib/types';
import { useRequireAuth } from '@/lib/useRequireAuth';

interface UploadConfig {
  maxUploadBytes: number;
  maxDurationSec: number;
}

type Phase = 'idle' | 'uploading' | 'paused' | 'processing' | 'ready' | 'failed' | 'error';

const CHUNK_SIZE = 8 * 1024 * 1024;

function stripExtension(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(0, i) : name;
}

/** Reads the duration of a local file when the browser can decode it; null otherwise. */
function probeDuration(file: File): Promise<number | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const el = document.createElement('video');
    let done = false;
    const finish = (v: number | null) => {
      if (done) return;
      done = true;
      URL.revokeObjectURL(url);
      el.removeAttribute('src');
      resolve(v);
    };
    const timer = window.setTimeout(() => finish(null), 5000);
    el.preload = 'metadata';
    el.muted = true;
    el.onloadedmetadata = () => {
      window.clearTimeout(timer);
      finish(Number.isFinite(el.duration) ? el.duration : null);
    };
    el.onerror = () => {
      window.clearTimeout(timer);
      finish(null);
    };
    el.src = url;
  });
}

function tusErrorMessage(err: Error): string {
  const res = (err as tus.DetailedError).originalResponse;
  if (res) {
    const status = res.getStatus();
    let serverMessage = '';
    try {
      const body = res.getBody();
      const parsed = body ? (JSON.parse(body) as { message?: unknown; error?: unknown }) : null;
      if (parsed && typeof parsed.message === 'string') serverMessage = parsed.message;
      else if (parsed && typeof parsed.error === 'string') serverMessage = parsed.error;
    } catch {
      serverMessage = res.getBody()?.slice(0, 200) ?? '';
    }
    if (status === 401) return 'Your session has expired. Please sign in again.';
    if (status === 403) return serverMessage || 'Your account is not allowed to upload videos.';
    if (status === 413) return serverMessage || 'This file is larger than the upload limit.';
    if (serverMessage) return serverMessage;
    return `The upload failed (HTTP ${status}).`;
  }
  if (/network|xhr|failed to fetch/i.test(err.message)) {
    return 'The connection to the server was lost. Press Resume to continue where it stopped.';
  }
  return err.message;
}

export function UploadClient() {
  const { me, error: sessionError } = useRequireAuth();
  const uid = useId();
  const [config, setConfig] = useState<UploadConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [localDuration, setLocalDuration] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const [phase, setPhase] = useState<Phase>('idle');
  const [sent, setSent] = useState(0);
  const [total, setTotal] = useState(0);
  const [speed, setSpeed] = useState(0);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [resumed, setResumed] = useState(false);

  const [videoId, setVideoId] = useState<string | null>(null);
  const [status, setStatus] = useState<VideoStatus | null>(null);
  const [transcode, setTranscode] = useState(0);
  const [failureReason, setFailureReason] = useState<string | null>(null);

  const uploadRef = useRef<tus.Upload | null>(null);
  const videoIdRef = useRef<string | null>(null);
  const samplesRef = useRef<{ t: number; b: number }[]>([]);
  const esRef = useRef<EventSource | null>(null);
  const pollRef = useRef<number | null>(null);
  const terminalRef = useRef(false);
  const inputRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    let cancelled = false;
    rest<UploadConfig>('/api/config')
      .then((c) => {
        if (!cancelled) setConfig(c);
      })
      .catch((e) => {
        if (!cancelled) setConfigError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const stopWatching = useCallback(() => {
    esRef.current?.close();
    esRef.current = null;
    if (pollRef.current !== null) window.clearInterval(pollRef.current);
    pollRef.current = null;
  }, []);

  useEffect(
    () => () => {
      stopWatching();
      void uploadRef.current?.abort();
    },
    [stopWatching],
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

  const applyEvent = useCallback(
    (ev: Pick<ProgressEvent, 'status' | 'progress' | 'failureReason'>) => {
      setStatus(ev.status);
      setTranscode(ev.status === 'READY' ? 100 : Number(ev.progress) || 0);
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
    [stopWatching],
  );

  const startPolling = useCallback(
    (id: string) => {
      if (pollRef.current !== null) return;
      const tick = async () => {
        try {
          const data = await gql<{ video: Pick<Video, 'status' | 'progress' | 'failureReason'> | null }>(
            'query UploadStatus($id: ID!) { video(id: $id) { status progress failureReason } }',
            { id },
          );
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

  const watchTranscode = useCallback(
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
    [applyEvent, startPolling, stopWatching],
  );

  async function findVideoIdFallback(videoTitle: string): Promise<string | null> {
    try {
      const data = await gql<{ myVideos: Connection<Pick<Video, 'id' | 'title' | 'createdAt'>> }>(
        'query Mine { myVideos(first: 10) { edges { node { id title createdAt } } } }',
      );
      const match = data.myVideos.edges.map((e) => e.node).find((v) => v.title === videoTitle);
      return match?.id ?? null;
    } catch {
      return null;
    }
  }

  async function chooseFile(f: File | null) {
    setFileError(null);
    setUploadError(null);
    setLocalDuration(null);
    const restarting = phase === 'ready' || phase === 'failed' || phase === 'error';
    // A new file after a finished (or broken) upload starts over.
    if (restarting) clearUpload();
    setFile(f);
    if (!f) return;
    if (!title.trim() || restarting) setTitle(stripExtension(f.name));
    if (config && f.size > config.maxUploadBytes) {
      setFileError(
        `This file is too big: ${formatBytes(f.size)}. The limit is ${formatBytes(config.maxUploadBytes)}. Choose a smaller file.`,
      );
      return;
    }
    if (f.type && !f.type.startsWith('video/')) {
      setFileError(`"${f.name}" does not look like a video file (${f.type}). You can still try to upload it.`);
    }
    const d = await probeDuration(f);
    setLocalDuration(d);
    if (d !== null && config && d > config.maxDurationSec) {
      setFileError(
        `This video is too long: ${formatDuration(d)}. The limit is ${formatDuration(config.maxDurationSec)}.`,
      );
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    const f = e.dataTransfer.files?.[0];
    if (f) void chooseFile(f);
  }

  function onSpeedSample(bytes: number) {
    const now = performance.now();
    const samples = samplesRef.current;
    samples.push({ t: now, b: bytes });
    while (samples.length > 2 && now - samples[0].t > 5000) samples.shift();
    const first = samples[0];
    const dt = (now - first.t) / 1000;
    if (dt > 0.25) setSpeed(Math.max(0, (bytes - first.b) / dt));
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setUploadError(null);
    if (!file) {
      setFileError('Choose a video file first.');
      return;
    }
    if (config && file.size > config.maxUploadBytes) {
      setFileError(
        `This file is too big: ${formatBytes(file.size)}. The limit is ${formatBytes(config.maxUploadBytes)}. Choose a smaller file.`,
      );
      return;
    }
    if (config && localDuration !== null && localDuration > config.maxDurationSec) {
      setFileError(`This video is too long: ${formatDuration(localDuration)}. The limit is ${formatDuration(config.maxDurationSec)}.`);
      return;
    }
    // Let the same file be picked again later (the change event needs a new value).
    if (inputRef.current) inputRef.current.value = '';
    const videoTitle = title.trim() || stripExtension(file.name);
    setTitle(videoTitle);
    videoIdRef.current = null;
    setVideoId(null);
    setStatus(null);
    setTranscode(0);
    setFailureReason(null);
    setSent(0);
    setTotal(file.size);
    setSpeed(0);
    samplesRef.current = [];

    const upload = new tus.Upload(file, {
      endpoint: `${getApiUrl()}/api/uploads/`,
      chunkSize: CHUNK_SIZE,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      removeFingerprintOnSuccess: true,
      metadata: { filename: file.name, title: videoTitle, filetype: file.type || 'application/octet-stream' },
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
        setUploadError(tusErrorMessage(err));
        setPhase('error');
      },
      async onSuccess() {
        setSent(file.size);
        setSpeed(0);
        let id = videoIdRef.current;
        if (!id) id = await findVideoIdFallback(videoTitle);
        if (id) {
          watchTranscode(id);
        } else {
          setPhase('error');
          setUploadError('The upload finished, but the server did not say which video it created. Check your Studio.');
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
    setUploadError(null);
    samplesRef.current = [];
    setPhase('uploading');
    u.start();
  }

  /** Forgets the current upload and its transcode state (the chosen file and title stay). */
  function clearUpload() {
    stopWatching();
    uploadRef.current = null;
    setPhase('idle');
    setVideoId(null);
    setStatus(null);
    setTranscode(0);
    setFailureReason(null);
    setSent(0);
    setTotal(0);
  }

  function reset() {
    void uploadRef.current?.abort();
    clearUpload();
    setFile(null);
    setTitle('');
    setLocalDuration(null);
    setFileError(null);
    setUploadError(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  const busy = phase === 'uploading' || phase === 'paused' || phase === 'processing';
  const uploadPct = total > 0 ? (sent / total) * 100 : 0;
  const tooBig = !!(file && config && file.size > config.maxUploadBytes);
  const tooLong = !!(config && localDuration !== null && localDuration > config.maxDurationSec);

  if (me === undefined) {
    return <p className="muted" aria-busy="true">Loading…</p>;
  }
  if (me === null) {
    return (
      <div className="alert alert--error" role="alert">
        {sessionError ? `Cannot check your session: ${sessionError}` : 'Redirecting to sign in…'}
      </div>
    );
  }

  const showUploadProgress = phase !== 'idle' && total > 0;

  return (
    <section className="upload" aria-labelledby="upload-title">
      <h1 id="upload-title" className="page-title">
        Upload a video
      </h1>
      <p className="muted" data-testid="upload-limits">
        {config
          ? `Up to ${formatBytes(config.maxUploadBytes)} and ${formatDuration(config.maxDurationSec)} long. Uploads resume automatically if the connection drops.`
          : configError
            ? `Could not load the upload limits (${configError}).`
            : 'Loading upload limits…'}
      </p>

      <form className="panel upload__form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${uid}-title`}>Title</label>
          <input
            id={`${uid}-title`}
            name="title"
            type="text"
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            disabled={busy}
            placeholder="Give your video a title"
          />
        </div>

        <div
          className={`dropzone${dragging ? ' dropzone--over' : ''}${busy ? ' dropzone--disabled' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            if (!busy) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <input
            ref={inputRef}
            id={`${uid}-file`}
            className="sr-only"
            type="file"
            name="file"
            accept="video/*"
            data-testid="file-input"
            disabled={busy}
            aria-describedby={fileError ? `${uid}-file-error` : undefined}
            onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
          />
          <div className="dropzone__icon" aria-hidden="true">
            ⇪
          </div>
          {file ? (
            <p className="dropzone__file" data-testid="selected-file">
              <strong>{file.name}</strong>
              <span className="muted">
                {' '}
                · {formatBytes(file.size)}
                {localDuration !== null && ` · ${formatDuration(localDuration)}`}
              </span>
            </p>
          ) : (
            <p>Drag and drop a video file here</p>
          )}
          <label htmlFor={`${uid}-file`} className="btn">
            {file ? 'Choose another file' : 'Choose a file'}
          </label>
        </div>
        {fileError && (
          <p id={`${uid}-file-error`} className={`field__error${tooBig || tooLong ? ' field__error--big' : ''}`} role="alert" data-testid="file-error">
            {fileError}
          </p>
        )}

        <div className="row">
          <button type="submit" className="btn btn--primary" data-testid="upload-start" disabled={busy || phase === 'ready' || phase === 'failed' || !file || tooBig || tooLong}>
            Upload
          </button>
          {phase === 'uploading' && (
            <button type="button" className="btn" onClick={pause} data-testid="upload-pause">
              Pause
            </button>
          )}
          {(phase === 'paused' || (phase === 'error' && uploadRef.current && sent < total)) && (
            <button type="button" className="btn" onClick={resume} data-testid="upload-resume">
              Resume
            </button>
          )}
          {(phase === 'ready' || phase === 'failed' || phase === 'error') && (
            <button type="button" className="btn btn--ghost" onClick={reset}>
              Upload another
            </button>
          )}
        </div>
      </form>

      {showUploadProgress && (
        <div className="panel upload__status">
          <h2 className="section-title">
            {phase === 'paused' ? 'Upload paused' : sent >= total ? 'Upload complete' : 'Uploading…'}
            {resumed && sent < total && <span className="badge badge--info">Resumed</span>}
          </h2>
          <ProgressBar value={uploadPct} label="Upload progress" testId="upload-progress" tone={sent >= total ? 'success' : 'default'} />
          <p className="muted small" aria-live="polite">
            {Math.floor(uploadPct)}% · {formatBytes(sent)} of {formatBytes(total)}
            {phase === 'uploading' && speed > 0 && ` · ${formatBytes(speed)}/s`}
          </p>
        </div>
      )}

      {uploadError && (
        <div className="alert alert--error" role="alert" data-testid="upload-error">
          {uploadError}
        </div>
      )}

      {videoId && status && (
        <div className="panel upload__status" aria-live="polite">
          <h2 className="section-title">
            Processing{' '}
            <span className={`badge badge--${status.toLowerCase()}`} data-testid="video-status">
              {status}
            </span>
          </h2>
          <ProgressBar
            value={transcode}
            label="Transcoding progress"
            testId="transcode-progress"
            tone={status === 'FAILED' ? 'error' : status === 'READY' ? 'success' : 'default'}
          />
          <p className="muted small">
            {status === 'UPLOADED' && 'Waiting for a transcoder…'}
            {status === 'PROCESSING' && `Transcoding to HLS: ${Math.round(transcode)}%`}
            {status === 'READY' && 'Your video is ready.'}
          </p>
          {status === 'FAILED' && (
            <div className="alert alert--error alert--big" role="alert" data-testid="failure-reason">
              <strong>Processing failed.</strong> {failureReason || 'The server did not give a reason.'}
            </div>
          )}
          {status === 'READY' && (
            <Link href={`/watch/${encodeURIComponent(videoId)}`} className="btn btn--primary" data-testid="watch-link">
              Watch your video
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
