'use client';

import { useRef, useState, type FormEvent } from 'react';
import { formatBytes, formatDuration } from '@/lib/format';
import { useRequireAuth } from '@/lib/useRequireAuth';
import { probeDuration, stripExtension, tooBigMessage, tooLongMessage } from './file-checks';
import { TranscodeStatusPanel } from './TranscodeStatusPanel';
import { UploadActions } from './UploadActions';
import { UploadForm } from './UploadForm';
import type { Phase } from './upload-phase';
import { UploadProgressPanel } from './UploadProgressPanel';
import { useTranscodeWatch } from './useTranscodeWatch';
import { useTusUpload } from './useTusUpload';
import { useUploadConfig } from './useUploadConfig';

/** The upload page: choose a file and a title, upload it (tus, resumable), then follow its transcode. */
export function UploadClient() {
  const { me, error: sessionError } = useRequireAuth();
  const { config, configError } = useUploadConfig();
  const [file, setFile] = useState<File | null>(null);
  const [localDuration, setLocalDuration] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const upload = useTusUpload(phase, setPhase);
  const transcode = useTranscodeWatch(setPhase);
  const inputRef = useRef<HTMLInputElement | null>(null);

  async function chooseFile(f: File | null) {
    setFileError(null);
    upload.setError(null);
    setLocalDuration(null);
    const restarting = phase === 'ready' || phase === 'failed' || phase === 'error';
    // A new file after a finished (or broken) upload starts over.
    if (restarting) clearUpload();
    setFile(f);
    if (!f) return;
    if (!title.trim() || restarting) setTitle(stripExtension(f.name));
    if (config && f.size > config.maxUploadBytes) {
      setFileError(tooBigMessage(f.size, config.maxUploadBytes));
      return;
    }
    if (f.type && !f.type.startsWith('video/')) {
      setFileError(`"${f.name}" does not look like a video file (${f.type}). You can still try to upload it.`);
    }
    const d = await probeDuration(f);
    setLocalDuration(d);
    if (d !== null && config && d > config.maxDurationSec) {
      setFileError(tooLongMessage(d, config.maxDurationSec));
    }
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    upload.setError(null);
    if (!file) {
      setFileError('Choose a video file first.');
      return;
    }
    if (config && file.size > config.maxUploadBytes) {
      setFileError(tooBigMessage(file.size, config.maxUploadBytes));
      return;
    }
    if (config && localDuration !== null && localDuration > config.maxDurationSec) {
      setFileError(tooLongMessage(localDuration, config.maxDurationSec));
      return;
    }
    // Let the same file be picked again later (the change event needs a new value).
    if (inputRef.current) inputRef.current.value = '';
    const videoTitle = title.trim() || stripExtension(file.name);
    setTitle(videoTitle);
    transcode.forget();
    await upload.start(file, videoTitle, transcode.watch);
  }

  /** Forgets the current upload and its transcode state (the chosen file and title stay). */
  function clearUpload() {
    transcode.stop();
    upload.clear();
    setPhase('idle');
    transcode.forget();
  }

  function reset() {
    upload.abort();
    clearUpload();
    setFile(null);
    setTitle('');
    setLocalDuration(null);
    setFileError(null);
    upload.setError(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  const busy = phase === 'uploading' || phase === 'paused' || phase === 'processing';
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

      <UploadForm
        title={title}
        onTitle={setTitle}
        file={file}
        localDuration={localDuration}
        fileError={fileError}
        fileOverLimit={tooBig || tooLong}
        inputRef={inputRef}
        busy={busy}
        onChoose={(f) => void chooseFile(f)}
        onSubmit={onSubmit}
      >
        <UploadActions
          phase={phase}
          canStart={!(busy || phase === 'ready' || phase === 'failed' || !file || tooBig || tooLong)}
          canResume={phase === 'paused' || (phase === 'error' && upload.hasUpload && upload.sent < upload.total)}
          onPause={upload.pause}
          onResume={upload.resume}
          onReset={reset}
        />
      </UploadForm>

      {phase !== 'idle' && upload.total > 0 && (
        <UploadProgressPanel
          sent={upload.sent}
          total={upload.total}
          paused={phase === 'paused'}
          uploading={phase === 'uploading'}
          resumed={upload.resumed}
          speed={upload.speed}
        />
      )}

      {upload.error && (
        <div className="alert alert--error" role="alert" data-testid="upload-error">
          {upload.error}
        </div>
      )}

      {transcode.videoId && transcode.status && (
        <TranscodeStatusPanel videoId={transcode.videoId} status={transcode.status} progress={transcode.progress} failureReason={transcode.failureReason} />
      )}
    </section>
  );
}
