/** What ffprobe told us about a source file, already made sense of. */
export interface VideoStreamInfo {
  codec: string;
  /** Coded size, as stored. */
  width: number;
  height: number;
  /** Size as shown to the viewer, after the rotation in the file is applied. */
  displayWidth: number;
  displayHeight: number;
  /** Clockwise degrees the player turns the picture: 0, 90, 180 or 270. */
  rotation: number;
  fps: number;
  pixFmt: string | null;
  /** H.264 profile and level as ffprobe prints them ("High", 31), when known. */
  profile: string | null;
  level: number | null;
  /** Frame count from the container, when it tells it. */
  frameCount: number | null;
}

export interface AudioStreamInfo {
  codec: string;
  channels: number;
  sampleRate: number;
  /** Bit rate of the stream (bit/s) when the file tells it (or the whole file's, for a file of one stream); null for unknown. */
  bitrate?: number | null;
}

/** Tags read from the file (ID3, MP4 atoms, Vorbis comments), trimmed; absent ones are not set. */
export interface MediaTags {
  title?: string;
  artist?: string;
  album?: string;
  /** Track number (the "3" of "3/12"). */
  track?: number;
  year?: number;
  genre?: string;
}

/** EBU R128 loudness normalization (ffmpeg `loudnorm`): the target. */
export interface LoudnessTarget {
  /** Integrated loudness, LUFS (e.g. -16 for podcasts). */
  integrated: number;
  /** Maximum true peak, dBTP. */
  truePeak: number;
  /** Loudness range, LU. */
  range: number;
}

/** What loudnorm's first pass measured on the source (its print_format=json output). */
export interface LoudnessMeasure {
  integrated: number;
  truePeak: number;
  range: number;
  threshold: number;
  /** Gain offset loudnorm's second pass applies (its target_offset). */
  offset: number;
}

export interface ProbeResult {
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  format: string;
  durationSec: number;
  sizeBytes: number;
  video: VideoStreamInfo | null;
  audio: AudioStreamInfo | null;
  /** Index (among the file's streams) of an attached cover picture (`disposition.attached_pic`), else null. */
  coverStreamIndex?: number | null;
  tags?: MediaTags;
}

export interface VideoRung {
  kind: 'video';
  /** Folder name and rendition name, e.g. "720p". */
  name: string;
  width: number;
  height: number;
  fps: number;
  /** kbit/s */
  videoBitrateK: number;
  maxrateK: number;
  bufsizeK: number;
  profile: 'high' | 'main';
}

export interface AudioRung {
  kind: 'audio';
  /** "audio" beside a video ladder; "64k", "128k", "256k" in an audio-only ladder. */
  name: string;
  codec: 'aac';
  bitrateK: number;
  channels: number;
  sampleRate: number;
}

export interface StoryboardPlan {
  /** Seconds between two thumbnails. */
  intervalSec: number;
  thumbWidth: number;
  thumbHeight: number;
  columns: number;
  rows: number;
}

/** The waveform drawn for an audio item instead of a storyboard, and its peaks for the player. */
export interface WaveformPlan {
  /** Samples per second of the mono PCM the encode writes for it (scratch). */
  pcmRate: number;
  /** How many peaks waveform.json holds. */
  peaks: number;
  width: number;
  height: number;
}

export interface Ladder {
  /** 'audio': a source with no real video stream (an attached cover is not video). */
  kind: 'video' | 'audio';
  video: VideoRung[];
  /** The audio rendition of a video ladder (an EXT-X-MEDIA group); null in an audio-only ladder. */
  audio: AudioRung | null;
  /** An audio-only ladder's variants, lowest first (empty for video). */
  audioRungs: AudioRung[];
  /** Loudness normalization of the audio (two-pass loudnorm), or null. */
  loudness: LoudnessTarget | null;
  preset: string;
  segmentDurationSec: number;
  /** null for audio. */
  storyboard: StoryboardPlan | null;
  /** null for video. */
  waveform: WaveformPlan | null;
  /** Second of the source the poster is taken from. */
  posterAtSec: number;
}

export interface TranscodeProgressOptions {
  /** Called with a fraction 0..1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /**
   * The run's private folder (ffmpeg writes only inside it): while ffmpeg runs it holds
   * `.encoder-<pid>.json`, so a next start can end the encoder if this process dies.
   */
  workDir?: string;
  /** Every stderr line that is not progress (e.g. loudnorm's JSON). */
  onLine?: (line: string) => void;
}

export interface RenditionResult {
  name: string;
  width: number;
  height: number;
  /** Peak segment bitrate (bit/s), video + audio. */
  bandwidth: number;
  /** Average bitrate (bit/s), video + audio. */
  averageBandwidth: number;
  /** e.g. "avc1.64001f,mp4a.40.2" */
  codecs: string;
  frameRate: number;
  /** Relative path, e.g. "720p/playlist.m3u8". */
  playlist: string;
}

export interface AudioRenditionResult {
  name: string;
  codecs: string;
  channels: number;
  bandwidth: number;
  averageBandwidth: number;
  playlist: string;
}

export interface TranscodeResult {
  kind: 'video' | 'audio';
  durationSec: number;
  /** 0 for audio. */
  width: number;
  height: number;
  renditions: RenditionResult[];
  audio: AudioRenditionResult | null;
  master: 'master.m3u8';
  /** The poster, or an audio item's cover (embedded picture, else generated). */
  poster: 'poster.jpg';
  /** null for audio. */
  storyboard: { vtt: 'storyboard.vtt'; sprites: string[] } | null;
  /** Audio only: waveform image, peaks, tags, the loudness measured before normalizing. */
  audioInfo: AudioItemInfo | null;
  /** Every file written, relative to the output folder, sorted. */
  files: string[];
}

export interface ServiceProgressOptions {
  /** Called with a percentage 0..100, never going down. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Audio: what a generated cover's colours come from (e.g. the item's title). */
  coverSeed?: string;
}

/** One media playlist as measured on disk after the encode. */
export interface SegmentMeasure {
  uri: string;
  durationSec: number;
  bytes: number;
}

export interface RenditionMeasure {
  segments: SegmentMeasure[];
  initUri: string | null;
}

/** What ffprobe reports on a finished rendition (its init segment + first media segments). */
export interface RenditionStreamInfo {
  codec: string;
  profile: string | null;
  level: number | null;
  width: number;
  height: number;
  fps: number;
  channels: number;
  /** The avcC box bytes [profile_idc, constraint flags, level_idc] from init.mp4, when present. */
  avcC: [number, number, number] | null;
}

export interface AudioItemInfo {
  waveform: 'waveform.png';
  peaks: 'waveform.json';
  coverSource: 'embedded' | 'generated';
  tags: MediaTags;
  /** Measured on the source by loudnorm's first pass, when normalization ran. */
  loudness: (LoudnessMeasure & { target: LoudnessTarget }) | null;
  /** The one progressive file (M4A/AAC-LC, faststart, normalized when the ladder normalizes): a feed's enclosure. */
  enclosure: { file: 'enclosure.m4a'; bytes: number; type: 'audio/mp4' };
}
