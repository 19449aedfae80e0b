import { SourceRejectedError } from './media.errors';
import type { ProbeResult } from './media.types';
import { formatBytes } from '@wetube/platform';

/** A file ffprobe reads but that holds neither sound nor picture (e.g. only subtitles or data). */
export const NO_STREAM = 'The file has no audio or video stream';

export interface SourceLimits {
  maxDurationSec: number;
  maxBytes: number;
  maxWidth?: number;
  maxHeight?: number;
}

/**
 * The frame MAX_SOURCE_HEIGHT allows: that many lines on the short side and 16:9 of it on the
 * long side, either way round (4320 → 7680x4320, 8K UHD; portrait 4320x7680). Passing the
 * height as both limits held the long side to 4320 too and refused 8K.
 */
export function frameLimits(maxSourceHeight: number): Required<Pick<SourceLimits, 'maxWidth' | 'maxHeight'>> {
  return { maxWidth: Math.round((maxSourceHeight * 16) / 9), maxHeight: maxSourceHeight };
}

/** Containers ffmpeg reads still images through: a .jpg renamed .mp4 probes as one of these. */
const IMAGE_FORMATS = /(^|,)(image2|\w+_pipe|gif|webp|apng|bmp|tiff?)(,|$)/;
const IMAGE_CODECS = new Set(['mjpeg', 'png', 'bmp', 'gif', 'webp', 'tiff', 'jpegls', 'jpeg2000', 'apng']);

/** "12:31", "1:02:03" */
export function formatDuration(totalSec: number): string {
  const s = Math.floor(totalSec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * Decides whether a probed source may be transcoded. Pure; throws SourceRejectedError with a
 * reason the uploader can read, returns nothing when the source is fine.
 *
 * A file with audio and no real video stream is an AUDIO item (an attached cover picture is not
 * video: toProbeResult leaves it out of `video`); it gets the audio ladder. A file whose only
 * video is real (not a cover), however small, stays a video: the planner gives a tiny picture
 * one rung at its own size (down to 2x2, below which it is refused).
 */
export function validateSource(probe: ProbeResult, limits: SourceLimits): void {
  const video = probe.video;
  if (!video) {
    if (!probe.audio) throw new SourceRejectedError('NO_VIDEO', NO_STREAM);
    return validateAudioSource(probe, limits);
  }
  if (IMAGE_FORMATS.test(probe.format) || (IMAGE_CODECS.has(video.codec) && (video.frameCount ?? 0) <= 1)) {
    throw new SourceRejectedError('UNSUPPORTED', 'The file is a still image, not a video');
  }
  if (!(probe.durationSec > 0)) {
    throw new SourceRejectedError('ZERO_DURATION', 'The video has no duration (0 seconds); it may be damaged');
  }
  if (video.frameCount !== null && video.frameCount <= 1) {
    throw new SourceRejectedError('UNSUPPORTED', 'The video has a single frame; upload a real video');
  }
  if (probe.durationSec > limits.maxDurationSec) {
    throw new SourceRejectedError(
      'TOO_LONG',
      `The video is ${formatDuration(probe.durationSec)} long; the limit is ${formatDuration(limits.maxDurationSec)}`,
    );
  }
  if (probe.sizeBytes > limits.maxBytes) {
    throw new SourceRejectedError('TOO_LARGE', `The file is ${formatBytes(probe.sizeBytes)}; the limit is ${formatBytes(limits.maxBytes)}`);
  }
  const w = video.displayWidth;
  const h = video.displayHeight;
  if (limits.maxWidth !== undefined || limits.maxHeight !== undefined) {
    // Limits are for a landscape frame; a portrait video is held to the same frame turned.
    const maxLong = Math.max(limits.maxWidth ?? Infinity, limits.maxHeight ?? Infinity);
    const maxShort = Math.min(limits.maxWidth ?? Infinity, limits.maxHeight ?? Infinity);
    if (Math.max(w, h) > maxLong || Math.min(w, h) > maxShort) {
      throw new SourceRejectedError(
        'TOO_WIDE',
        `The video is ${w}x${h}; the largest size accepted is ${limits.maxWidth ?? limits.maxHeight}x${limits.maxHeight ?? limits.maxWidth}`,
      );
    }
  }
  if (w < 2 || h < 2) {
    throw new SourceRejectedError('UNSUPPORTED', `The video's picture size (${w}x${h}) is not usable`);
  }
}

function validateAudioSource(probe: ProbeResult, limits: SourceLimits): void {
  if (!(probe.durationSec > 0)) {
    throw new SourceRejectedError('ZERO_DURATION', 'The audio has no duration (0 seconds); it may be damaged');
  }
  if (!(probe.audio!.sampleRate > 0) || !(probe.audio!.channels > 0)) {
    throw new SourceRejectedError(
      'UNSUPPORTED',
      `The audio stream (${probe.audio!.codec}) has no sample rate or channels; it may be damaged`,
    );
  }
  if (probe.durationSec > limits.maxDurationSec) {
    throw new SourceRejectedError(
      'TOO_LONG',
      `The audio is ${formatDuration(probe.durationSec)} long; the limit is ${formatDuration(limits.maxDurationSec)}`,
    );
  }
  if (probe.sizeBytes > limits.maxBytes) {
    throw new SourceRejectedError('TOO_LARGE', `The file is ${formatBytes(probe.sizeBytes)}; the limit is ${formatBytes(limits.maxBytes)}`);
  }
}
