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
}

export interface ProbeResult {
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  format: string;
  durationSec: number;
  sizeBytes: number;
  video: VideoStreamInfo | null;
  audio: AudioStreamInfo | null;
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
  name: 'audio';
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

export interface Ladder {
  video: VideoRung[];
  audio: AudioRung | null;
  preset: string;
  segmentDurationSec: number;
  storyboard: StoryboardPlan;
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
  durationSec: number;
  width: number;
  height: number;
  renditions: RenditionResult[];
  audio: AudioRenditionResult | null;
  master: 'master.m3u8';
  poster: 'poster.jpg';
  storyboard: { vtt: 'storyboard.vtt'; sprites: string[] };
  /** Every file written, relative to the output folder, sorted. */
  files: string[];
}

export interface ServiceProgressOptions {
  /** Called with a percentage 0..100, never going down. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
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
