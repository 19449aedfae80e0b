export { CaptionError, formatVttTime } from './caption-cue';
export type { CaptionCue, CaptionErrorCode } from './caption-cue';
export { parseCaptionFile, writeVtt, CAPTION_MAX_BYTES, CAPTION_MAX_CUES, CAPTION_MAX_CUE_CHARS } from './caption-file';
export type { CaptionFormat, ParsedCaptions, CaptionLimits } from './caption-file';
export { canonicalLanguage, cleanCaptionLabel, defaultCaptionLabel, CAPTION_MAX_LABEL } from './caption-language';
export { cleanCueText } from './cue-text';
export { buildSubtitleRendition, withSubtitleTracks, segmentDurationsOf, SUBTITLE_GROUP, SUBTITLE_PLAYLIST } from './subtitle-rendition';
export type { SubtitleRendition, SubtitleSegment, SubtitleTiming, SubtitleTrackEntry } from './subtitle-rendition';
export { fmp4StartMpegTs, fmp4StartSeconds } from './mp4-start';
