'use client';

import { useRef, useState, type FormEvent } from 'react';
import { formatBytes, formatDuration } from '@/lib/format';
import { SignInPending } from '@/components/SignInPending';
import { useRequireAuth } from '@/lib/useRequireAuth';
import { probeDuration, refuseNonMedia, stripExtension, tooBigMessage, tooLongMessage } from './file-checks';
import { TranscodeStatusPanel } from './TranscodeStatusPanel';
import { UploadActions } from './UploadActions';
import { blankDetails, isAudioFile, type UploadDetails } from './upload-details';
import { sendPicture } from '@/lib/pictures';
import { UploadForm } from './UploadForm';
import type { Phase } from './upload-phase';
import { UploadProgressPanel } from './UploadProgressPanel';
import { useTranscodeWatch } from './useTranscodeWatch';
import { useTusUpload } from './useTusUpload';
import { useUploadConfig } from './useUploadConfig';

/**
 * The upload page: choose a file and its details (title, description, tags, visibility, category),
 * upload it (tus, resumable), then follow its transcode. A file that is plainly not audio or video
 * (by its first bytes) is refused here, before any byte is sent.
 */
export function UploadClient() {
  const { me, error: sessionError } = useRequireAuth();
  const { config, configError } = useUploadConfig();
  const [file, setFile] = useState<File | null>(null);
  const [localDuration, setLocalDuration] = useState<number | null>(null);
  const [details, setDetails] = useState<UploadDetails>(blankDetails);
  const title = details.title;
  const setTitle = (t: string) => setDetails((d) => ({ ...d, title: t }));
  /** The file's first bytes match no audio or video container: refused before upload. */
  const [notMedia, setNotMedia] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const upload = useTusUpload(phase, setPhase);
  const transcode = useTranscodeWatch(setPhase);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [cover, setCover] = useState<File | null>(null);
  /** What became of the cover sent after the file: saved, or the API's refusal. */
  const [coverOutcome, setCoverOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  /** Sends the chosen cover once the upload made the item (while it is transcoded). */
  async function sendCover(videoId: string, picture: File, audio: boolean) {
    try {
      await sendPicture(`/api/videos/${videoId}/cover?for=${audio ? 'AUDIO' : 'VIDEO'}`, picture, () => undefined);
      setCoverOutcome({ ok: true, message: audio ? 'Cover saved.' : 'Thumbnail saved.' });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      setCoverOutcome({ ok: false, message: `The ${audio ? 'cover' : 'thumbnail'} was not saved: ${why} Choose another in the studio.` });
    }
  }

  async function chooseFile(f: File | null) {
    setFileError(null);
    upload.setError(null);
    setLocalDuration(null);
    setNotMedia(false);
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
    const refused = await refuseNonMedia(f);
    if (refused) {
      setNotMedia(true);
      setFileError(refused);
      return;
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
    const refused = await refuseNonMedia(file); // again: Upload may be pressed before the check on choosing ended
    if (refused) {
      setNotMedia(true);
      setFileError(refused);
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
    setCoverOutcome(null);
    const picture = cover;
    await upload.start(file, { ...details, title: videoTitle }, (videoId) => {
      transcode.watch(videoId);
      if (picture) void sendCover(videoId, picture, isAudioFile(file));
    });
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
    setCover(null);
    setCoverOutcome(null);
    setDetails(blankDetails());
    setNotMedia(false);
    setLocalDuration(null);
    setFileError(null);
    upload.setError(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  const busy = phase === 'uploading' || phase === 'paused' || phase === 'processing';
  const tooBig = !!(file && config && file.size > config.maxUploadBytes);
  const tooLong = !!(config && localDuration !== null && localDuration > config.maxDurationSec);

  if (!me) return <SignInPending me={me} error={sessionError} />;

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
        details={details}
        onDetails={(change) => {
          setDetails((d) => ({ ...d, ...change }));
          if (upload.errorField && upload.errorField in change) upload.setError(null);
        }}
        detailError={upload.errorField && upload.error ? { field: upload.errorField, message: upload.error } : null}
        file={file}
        localDuration={localDuration}
        fileError={fileError}
        fileOverLimit={tooBig || tooLong || notMedia}
        inputRef={inputRef}
        busy={busy}
        onChoose={(f) => void chooseFile(f)}
        cover={cover}
        onCover={setCover}
        onSubmit={onSubmit}
      >
        <UploadActions
          phase={phase}
          canStart={!(busy || phase === 'ready' || phase === 'failed' || !file || tooBig || tooLong || notMedia)}
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

      {upload.error && !upload.errorField && (
        <div className="alert alert--error" role="alert" data-testid="upload-error">
          {upload.error}
        </div>
      )}

      {coverOutcome && (
        <p
          className={coverOutcome.ok ? 'muted small' : 'field__error'}
          role={coverOutcome.ok ? 'status' : 'alert'}
          data-testid="upload-cover-outcome"
        >
          {coverOutcome.message}
        </p>
      )}

      {transcode.videoId && transcode.status && (
        <TranscodeStatusPanel
          videoId={transcode.videoId}
          status={transcode.status}
          progress={transcode.progress}
          failureReason={transcode.failureReason}
        />
      )}
    </section>
  );
}
