import type { AudioRung, Ladder, LoudnessTarget, ProbeResult, StoryboardPlan, VideoRung } from './media.types';

export interface LadderOptions {
  /** Target SHORT sides, largest first or in any order. Default 1080, 720, 480, 360. */
  rungs?: number[];
  /** x264 preset. Default `superfast` (see DEFAULT_PRESET). */
  preset?: string;
  /** HLS segment length in seconds. Default 2. */
  segmentDurationSec?: number;
  /** Seconds between storyboard thumbnails; default: 1 s, longer for long videos (≤ 100 thumbnails). */
  storyboardIntervalSec?: number;
  /** Highest frame rate we encode; faster sources are brought down to it. Default 60. */
  maxFps?: number;
  /** Audio-only ladders: AAC-LC bitrates in kbit/s. Default 64, 128, 256. */
  audioBitratesK?: number[];
  /** Audio-only ladders: normalize loudness to this target (two-pass loudnorm); default none. */
  loudness?: LoudnessTarget | null;
}

export const DEFAULT_AUDIO_BITRATES_K: readonly number[] = [64, 128, 256];
/** Podcast loudness (EBU R128 / AES TD1004 for spoken word on streaming): -16 LUFS, -1.5 dBTP. */
export const PODCAST_LOUDNESS: LoudnessTarget = { integrated: -16, truePeak: -1.5, range: 11 };
/** Codecs that lose nothing: every rung of the audio ladder is worth encoding from them. */
const LOSSLESS_AUDIO = /^(flac|alac|ape|wavpack|tta|truehd|mlp|pcm_.*)$/;
/** A lossy source gets the rungs up to its own bitrate, with this much slack (a 128k MP3 keeps the 128k rung). */
const AUDIO_RUNG_SLACK = 1.1;
/** A mono source gets no rung above this: AAC-LC mono is transparent well below it. */
const MONO_MAX_BITRATE_K = 128;
const WAVEFORM = { peaks: 1000, width: 1200, height: 200 };
/** The waveform's scratch PCM holds at most this many samples (16 MB), at 500 to 8000 samples a second. */
const WAVEFORM_MAX_SAMPLES = 8_000_000;

export const DEFAULT_RUNGS: readonly number[] = [1080, 720, 480, 360];
/**
 * A source whose short side is at least this share of a rung it does not reach gets that rung at
 * its own size (1279x719 → "720p" at 1278x718; 612 of 720 is the least that qualifies, 918 of
 * 1080, 306 of 360). Below it, the next rung down is the top one, as before: a 960x540 source
 * tops out at 480p. 85 % keeps the own-size rung well above the next rung of the default ladder.
 */
export const NEAR_RUNG_SHARE = 0.85;
/** Highest frame rate we encode when LadderOptions.maxFps is not given (a constant, not config). */
export const DEFAULT_MAX_FPS = 60;
/**
 * `veryfast` encodes a 1080/720/480/360 ladder slower than real time on 2 cores (see
 * bench/transcode.bench.ts); `superfast` keeps CABAC and B-frames, which `ultrafast` drops, and is
 * about twice as fast as veryfast.
 */
export const DEFAULT_PRESET = 'superfast';
export const DEFAULT_SEGMENT_DURATION_SEC = 2;
export const AUDIO_BITRATE_K = 128;

/** Reference: 5 Mbit/s for 1080p30 H.264; other sizes scale with pixels^0.75. */
const REFERENCE_KBPS = 5000;
const REFERENCE_PIXELS = 1920 * 1080;
const STORYBOARD_BOX = 160;
const STORYBOARD_COLUMNS = 10;
const STORYBOARD_ROWS = 10;

/** Nearest even number, at least 2. */
export function even(n: number): number {
  return Math.max(2, 2 * Math.round(n / 2));
}

/** Largest even number not above n, at least 2. */
function evenFloor(n: number): number {
  return Math.max(2, 2 * Math.floor(n / 2));
}

/** Video bitrate in kbit/s for a rung of this size and frame rate. */
export function videoBitrateK(width: number, height: number, fps: number): number {
  const pixelFactor = Math.pow((width * height) / REFERENCE_PIXELS, 0.75);
  // 60 fps needs ~1.5x the bits of 30 fps, not 2x; below 30 fps we save proportionally less.
  const fpsFactor = Math.pow(Math.max(fps, 1) / 30, 0.585);
  return Math.max(100, Math.round((REFERENCE_KBPS * pixelFactor * fpsFactor) / 10) * 10);
}

/**
 * Decides the HLS ladder for a source: which renditions, their sizes and bitrates. Pure.
 * Rungs are named by the short side ("720p" is 1280x720 landscape, 720x1280 portrait); a rung
 * bigger than the source is dropped (we never upscale), except that a source a little short of a
 * rung (its short side at least NEAR_RUNG_SHARE of that rung, e.g. 1279x719 under 720p) gets that
 * rung at its own even size (720p at 1278x718) rather than losing it to the rung below; any other
 * source smaller than the smallest rung gets one rung at its own (even) size, named by it.
 */
export function planLadder(probe: ProbeResult, options: LadderOptions = {}): Ladder {
  const video = probe.video;
  if (!video) return planAudioLadder(probe, options);
  const srcW = video.displayWidth;
  const srcH = video.displayHeight;
  const portrait = srcH > srcW;
  const srcShort = Math.min(srcW, srcH);
  const maxFps = options.maxFps ?? DEFAULT_MAX_FPS;
  const fps = video.fps > 0 ? Math.min(video.fps, maxFps) : 30;

  const targets = [...new Set(options.rungs ?? DEFAULT_RUNGS)].sort((a, b) => b - a);
  const steps: { name: string; short: number }[] = targets.filter((t) => t <= srcShort).map((t) => ({ name: `${t}p`, short: t }));
  // A source a little short of a rung (1279x719 under 720p) would lose a third of its lines to
  // the rung below: its own size becomes the top rung instead, named after the rung it stands for.
  const missed = targets.filter((t) => t > srcShort).pop();
  const own = evenFloor(srcShort);
  if (missed !== undefined && srcShort >= NEAR_RUNG_SHARE * missed && own > (steps[0]?.short ?? 0)) {
    steps.unshift({ name: `${missed}p`, short: own });
  }
  if (steps.length === 0) steps.push({ name: `${own}p`, short: own });

  const rungs: VideoRung[] = steps.map(({ name, short }) => {
    const shortSide = Math.min(evenFloor(short), evenFloor(srcShort));
    const longSide = Math.min(even((shortSide * Math.max(srcW, srcH)) / srcShort), evenFloor(Math.max(srcW, srcH)));
    const width = portrait ? shortSide : longSide;
    const height = portrait ? longSide : shortSide;
    const bitrate = videoBitrateK(width, height, fps);
    const maxrate = Math.round(bitrate * 1.1);
    return {
      kind: 'video',
      name,
      width,
      height,
      fps,
      videoBitrateK: bitrate,
      maxrateK: maxrate,
      bufsizeK: Math.round(maxrate * 1.5),
      profile: shortSide >= 480 ? 'high' : 'main',
    };
  });

  const audio: AudioRung | null = probe.audio
    ? {
        kind: 'audio',
        name: 'audio',
        codec: 'aac',
        bitrateK: AUDIO_BITRATE_K,
        channels: Math.min(2, Math.max(1, probe.audio.channels || 2)),
        sampleRate: probe.audio.sampleRate === 44100 ? 44100 : 48000,
      }
    : null;

  const duration = probe.durationSec;
  const intervalSec = options.storyboardIntervalSec ?? Math.max(1, Math.ceil(duration / (STORYBOARD_COLUMNS * STORYBOARD_ROWS)));
  const thumbs = Math.max(1, Math.ceil(duration / intervalSec));
  const storyboard: StoryboardPlan = {
    intervalSec,
    thumbWidth: portrait ? even((STORYBOARD_BOX * srcW) / srcH) : STORYBOARD_BOX,
    thumbHeight: portrait ? STORYBOARD_BOX : even((STORYBOARD_BOX * srcH) / srcW),
    columns: STORYBOARD_COLUMNS,
    // No empty rows in the sprite of a short video.
    rows: Math.min(STORYBOARD_ROWS, Math.ceil(thumbs / STORYBOARD_COLUMNS)),
  };

  return {
    kind: 'video',
    video: rungs,
    audio,
    audioRungs: [],
    loudness: null,
    waveform: null,
    preset: options.preset ?? DEFAULT_PRESET,
    segmentDurationSec: options.segmentDurationSec ?? DEFAULT_SEGMENT_DURATION_SEC,
    storyboard,
    // Far enough in to skip a fade from black, always inside the video.
    posterAtSec: Math.round(Math.min(3, duration * 0.25) * 1000) / 1000,
  };
}

/** 44.1 kHz stays 44.1 kHz; everything else (8, 22.05, 32, 88.2, 96, 192 kHz…) becomes 48 kHz. */
function aacSampleRate(sourceRate: number): number {
  return sourceRate === 44100 ? 44100 : 48000;
}

/**
 * The rungs (kbit/s) of an audio-only ladder for a source: never above the source's quality.
 * Lossless (FLAC, WAV/PCM, ALAC…) or of unknown bitrate: every rung. Lossy: the rungs up to its
 * bitrate (+10 %: a 128k MP3 keeps 128k; a 96k MP3 gets 64k only, a re-encode at 128k would
 * only spend bytes on the MP3's artefacts). Mono: none above 128k. The lowest rung always exists,
 * even for a 32k talk (AAC-LC at 64k is where it stops sounding thin; it adds no quality, only a
 * little size). Pure.
 */
export function audioRungBitrates(probe: ProbeResult, bitratesK: readonly number[] = DEFAULT_AUDIO_BITRATES_K): number[] {
  const a = probe.audio;
  const all = [...new Set(bitratesK)].filter((b) => b > 0).sort((x, y) => x - y);
  if (all.length === 0) throw new Error('The audio ladder has no bitrate');
  let cap = Infinity;
  if (a && !LOSSLESS_AUDIO.test(a.codec) && a.bitrate && a.bitrate > 0) cap = (a.bitrate / 1000) * AUDIO_RUNG_SLACK;
  if (a && a.channels === 1) cap = Math.min(cap, MONO_MAX_BITRATE_K);
  const kept = all.filter((b) => b <= cap);
  return kept.length > 0 ? kept : [all[0]];
}

/**
 * The ladder of a source with audio and no real video (an MP3's cover picture is not video):
 * AAC-LC variants (`64k`, `128k`, `256k`, see audioRungBitrates) encoded in the same single
 * ffmpeg process and segmented on the same grid as a video ladder, a waveform instead of a
 * storyboard, optional loudness normalization. Pure.
 */
export function planAudioLadder(probe: ProbeResult, options: LadderOptions = {}): Ladder {
  const a = probe.audio;
  if (!a) throw new Error('planLadder needs a source with an audio or a video stream (validate it first)');
  const channels = Math.min(2, Math.max(1, a.channels || 2));
  const sampleRate = aacSampleRate(a.sampleRate);
  const audioRungs: AudioRung[] = audioRungBitrates(probe, options.audioBitratesK).map((bitrateK) => ({
    kind: 'audio',
    name: `${bitrateK}k`,
    codec: 'aac',
    bitrateK,
    channels,
    sampleRate,
  }));
  return {
    kind: 'audio',
    video: [],
    audio: null,
    audioRungs,
    loudness: options.loudness ?? null,
    preset: options.preset ?? DEFAULT_PRESET,
    segmentDurationSec: options.segmentDurationSec ?? DEFAULT_SEGMENT_DURATION_SEC,
    storyboard: null,
    waveform: {
      ...WAVEFORM,
      pcmRate: Math.max(500, Math.min(8000, Math.floor(WAVEFORM_MAX_SAMPLES / Math.max(1, probe.durationSec) / 100) * 100)),
    },
    posterAtSec: 0,
  };
}
