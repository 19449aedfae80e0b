/** ffprobe could not read the file. `message` is for people; `detail` keeps ffprobe's stderr. */
export class MediaProbeError extends Error {
  override readonly name = 'MediaProbeError';
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

export type SourceRejectionCode = 'NO_VIDEO' | 'ZERO_DURATION' | 'TOO_LONG' | 'TOO_LARGE' | 'TOO_WIDE' | 'UNSUPPORTED' | 'TRUNCATED';

/** The file is readable but we will not transcode it; `message` says why, for the uploader. */
export class SourceRejectedError extends Error {
  override readonly name = 'SourceRejectedError';
  constructor(
    readonly code: SourceRejectionCode,
    message: string,
  ) {
    super(message);
  }
}

/** ffmpeg failed; `detail` holds the tail of its stderr. */
export class TranscodeError extends Error {
  override readonly name = 'TranscodeError';
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

/** The transcode was stopped through its AbortSignal. */
export class TranscodeAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The transcode was cancelled');
  }
}
