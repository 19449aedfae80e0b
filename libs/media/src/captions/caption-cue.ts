/** One cue of a subtitle track, times in whole milliseconds. */
export interface CaptionCue {
  /** The cue identifier of the source file (WebVTT cue id or SRT number), if any. */
  id: string | null;
  startMs: number;
  endMs: number;
  /** WebVTT cue settings (`line:0 align:start`), already checked; '' when none. */
  settings: string;
  /** WebVTT cue text: plain text with only WebVTT's own tags (<i>, <b>, <u>, <c>, <v>, <lang>, <ruby>, <rt>). */
  text: string;
}

export type CaptionErrorCode =
  | 'CAPTION_TOO_LARGE'
  | 'CAPTION_NOT_TEXT'
  | 'CAPTION_NOT_SUBTITLES'
  | 'CAPTION_MALFORMED_TIMESTAMP'
  | 'CAPTION_BAD_CUE'
  | 'CAPTION_TOO_MANY_CUES'
  | 'CAPTION_EMPTY'
  | 'CAPTION_BAD_LANGUAGE'
  | 'CAPTION_BAD_LABEL';

/** A subtitle file or its details refused, with a message a person can act on. */
export class CaptionError extends Error {
  constructor(
    readonly code: CaptionErrorCode,
    message: string,
    /** The input it is about: 'file', 'language' or 'label'. */
    readonly field: 'file' | 'language' | 'label' = 'file',
  ) {
    super(message);
    this.name = 'CaptionError';
  }
}

/** `HH:MM:SS.mmm` (WebVTT), hours at least two digits. */
export function formatVttTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const milli = ms % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(milli).padStart(3, '0')}`;
}
