import type { AudioRung, Ladder, ProbeResult, StoryboardPlan, VideoRung } from './media.types';

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
}

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
  if (!video) throw new Error('planLadder needs a source with a video stream (validate it first)');
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
    video: rungs,
    audio,
    preset: options.preset ?? DEFAULT_PRESET,
    segmentDurationSec: options.segmentDurationSec ?? DEFAULT_SEGMENT_DURATION_SEC,
    storyboard,
    // Far enough in to skip a fade from black, always inside the video.
    posterAtSec: Math.round(Math.min(3, duration * 0.25) * 1000) / 1000,
  };
}
