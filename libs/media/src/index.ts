export { MediaModule } from './media.module';
export { MediaRepository, ffmpegPath, ffprobePath, readMediaTags } from './media.repository';
export type { OrphanEncoder } from './encoder.processes';
export { TranscodeService } from './transcode.service';
export {
  planLadder,
  planAudioLadder,
  audioRungBitrates,
  videoBitrateK,
  DEFAULT_RUNGS,
  DEFAULT_PRESET,
  DEFAULT_SEGMENT_DURATION_SEC,
  DEFAULT_AUDIO_BITRATES_K,
  PODCAST_LOUDNESS,
} from './ladder.planner';
export type { LadderOptions } from './ladder.planner';
export { validateSource, formatDuration, frameLimits, NO_STREAM } from './source.validator';
export type { SourceLimits } from './source.validator';
export {
  buildTranscodeInvocation,
  buildStoryboardInvocation,
  buildPosterInvocation,
  buildFilterGraph,
  buildVideoRungOptions,
  toArgv,
  MASTER_PLAYLIST,
  MEDIA_PLAYLIST,
  INIT_SEGMENT,
  POSTER_FILE,
  STORYBOARD_VTT,
  STORYBOARD_PATTERN,
  THUMBS_DIR,
  WAVEFORM_IMAGE,
  WAVEFORM_PEAKS,
  ENCLOSURE_FILE,
  ENCLOSURE_TYPE,
  enclosureRung,
  buildLoudnormFilter,
  buildLoudnessMeasureInvocation,
  parseLoudnormOutput,
  buildAudioTranscodeInvocation,
  computePeaks,
} from './ffmpeg-args.builder';
export type { FfmpegInvocation, FfmpegOutput } from './ffmpeg-args.builder';
export { buildMasterPlaylist, buildAudioMasterPlaylist, measureBandwidth } from './master-playlist.writer';
export { buildStoryboardVtt } from './storyboard.writer';
export { avc1Codec } from './codec.string';
export { MediaProbeError, SourceRejectedError, TranscodeError, TranscodeAbortedError } from './media.errors';
export type { SourceRejectionCode } from './media.errors';
export type * from './media.types';
export { NOT_A_MEDIA_FILE, EMPTY_FILE } from './probe-messages';
export * from './captions';
