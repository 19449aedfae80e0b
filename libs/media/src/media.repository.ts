import { Injectable, Optional } from '@nestjs/common';
import ffmpeg from 'fluent-ffmpeg';
import type { FfprobeData, FfprobeStream } from 'fluent-ffmpeg';
import { dirname, join } from 'node:path';
import { StorageRepository } from '@wetube/platform';
import { parse as parseHls, types as hlsTypes } from 'hls-parser';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { buildLoudnessMeasureInvocation, parseLoudnormOutput, toArgv } from './ffmpeg-args.builder';
import type { FfmpegInvocation } from './ffmpeg-args.builder';
import { encoderCommand, endOrphanEncoders, writeEncoderRecord } from './encoder.processes';
import type { OrphanEncoder } from './encoder.processes';
import { MediaProbeError, TranscodeAbortedError, TranscodeError } from './media.errors';
import { EMPTY_FILE, NOT_A_MEDIA_FILE } from './probe-messages';
import type {
  AudioStreamInfo,
  LoudnessMeasure,
  LoudnessTarget,
  MediaTags,
  ProbeResult,
  RenditionMeasure,
  RenditionStreamInfo,
  TranscodeProgressOptions,
  VideoStreamInfo,
} from './media.types';

const STDERR_TAIL_LINES = 30;

/** FFMPEG_PATH / FFPROBE_PATH from the environment, else `ffmpeg` / `ffprobe` from PATH. */
export function ffmpegPath(): string {
  return process.env.FFMPEG_PATH || 'ffmpeg';
}
export function ffprobePath(): string {
  return process.env.FFPROBE_PATH || 'ffprobe';
}

function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : NaN;
}

/** "30000/1001" -> 29.97 */
export function parseRate(rate: unknown): number {
  if (typeof rate === 'number') return rate;
  if (typeof rate !== 'string') return 0;
  const [a, b] = rate.split('/').map(Number);
  if (!Number.isFinite(a)) return 0;
  if (b === undefined) return a;
  return b > 0 && Number.isFinite(b) ? Math.round((a / b) * 1000) / 1000 : 0;
}

/**
 * Clockwise rotation the player applies, 0/90/180/270. ffprobe shows the display matrix as
 * `rotation` (counter-clockwise, e.g. -90; fluent-ffmpeg flattens side_data_list into the stream)
 * and older files carry `tags.rotate` (clockwise, e.g. 90).
 */
export function streamRotation(stream: Record<string, unknown>): number {
  const sideData = stream['side_data_list'];
  let ccw: number = NaN;
  if (Array.isArray(sideData)) {
    const matrix = sideData.find((d: Record<string, unknown>) => d && d['rotation'] !== undefined);
    if (matrix) ccw = num(matrix['rotation']);
  }
  if (!Number.isFinite(ccw) && stream['rotation'] !== undefined) ccw = num(stream['rotation']);
  let cw = Number.isFinite(ccw) ? -ccw : NaN;
  const tags = stream['tags'] as Record<string, unknown> | undefined;
  if (!Number.isFinite(cw) && tags && tags['rotate'] !== undefined) cw = num(tags['rotate']);
  if (!Number.isFinite(cw)) return 0;
  return (((Math.round(cw / 90) * 90) % 360) + 360) % 360;
}

/** Turns ffprobe's stderr into a sentence for people. */
export function describeProbeFailure(stderr: string): string {
  // A text file named .mp4 is "detected only with low score" as mp4 and then lacks a moov atom:
  // it is not a damaged video, it is not a video at all.
  if (/misdetection possible|detected only with low score/i.test(stderr)) return NOT_A_MEDIA_FILE;
  if (/moov atom not found/i.test(stderr)) return 'The file is truncated or damaged (moov atom not found)';
  if (/No such file or directory/i.test(stderr)) return 'The file does not exist';
  if (/Permission denied/i.test(stderr)) return 'The file cannot be read (permission denied)';
  if (/Invalid data found when processing input|could not find codec parameters|Failed to read frame size/i.test(stderr)) {
    return NOT_A_MEDIA_FILE;
  }
  if (/End of file|truncat/i.test(stderr)) return 'The file is truncated or damaged';
  return 'The file could not be read as a video';
}

const PICTURE_CODECS = new Set(['mjpeg', 'png', 'bmp', 'gif', 'webp', 'tiff']);

/**
 * Title, artist, album, track, year and genre from the container's tags (ID3, MP4 atoms) and the
 * audio stream's (Vorbis comments in Ogg), whatever their case. Pure.
 */
export function readMediaTags(...sources: Array<Record<string, unknown> | undefined>): MediaTags {
  const map = new Map<string, string>();
  for (const tags of sources) {
    for (const [k, v] of Object.entries(tags ?? {})) {
      const text = typeof v === 'string' || typeof v === 'number' ? String(v).replace(/\s+/g, ' ').trim() : '';
      if (text && !map.has(k.toLowerCase())) map.set(k.toLowerCase(), text);
    }
  }
  const pick = (...keys: string[]) => keys.map((k) => map.get(k)).find((v) => v);
  const out: MediaTags = {};
  const title = pick('title');
  const artist = pick('artist', 'album_artist', 'performer', 'composer');
  const album = pick('album');
  const genre = pick('genre');
  if (title) out.title = title.slice(0, 200);
  if (artist) out.artist = artist.slice(0, 200);
  if (album) out.album = album.slice(0, 200);
  if (genre) out.genre = genre.slice(0, 80);
  const track = Number(/^\s*(\d{1,4})/.exec(pick('track', 'tracknumber') ?? '')?.[1]);
  if (track > 0) out.track = track;
  const year = Number(/(\d{4})/.exec(pick('date', 'year', 'tdrc', 'tyer', 'originaldate') ?? '')?.[1]);
  if (year >= 1000 && year <= 9999) out.year = year;
  return out;
}

export function toProbeResult(data: FfprobeData, sizeBytes: number): ProbeResult {
  const streams = data.streams as Array<FfprobeStream & Record<string, unknown>>;
  const a = streams.find((s) => s.codec_type === 'audio');
  // A cover: marked attached_pic, or (some muxers forget the mark) one still picture beside sound.
  const isPicture = (s: FfprobeStream) =>
    (s.disposition as Record<string, number> | undefined)?.['attached_pic'] === 1 ||
    (a !== undefined && PICTURE_CODECS.has(String(s.codec_name)) && (Number(s.nb_frames) || 1) <= 1);
  const v = streams.find((s) => s.codec_type === 'video' && !isPicture(s));
  const cover = streams.find((s) => s.codec_type === 'video' && isPicture(s));
  let video: VideoStreamInfo | null = null;
  if (v) {
    const width = num(v.width) || 0;
    const height = num(v.height) || 0;
    const rotation = streamRotation(v);
    const turned = rotation === 90 || rotation === 270;
    const frames = num(v.nb_frames);
    const level = num(v.level);
    video = {
      codec: String(v.codec_name ?? 'unknown'),
      width,
      height,
      displayWidth: turned ? height : width,
      displayHeight: turned ? width : height,
      rotation,
      fps: parseRate(v.avg_frame_rate) || parseRate(v.r_frame_rate),
      pixFmt: v.pix_fmt ? String(v.pix_fmt) : null,
      profile: v.profile !== undefined && String(v.profile) !== 'unknown' ? String(v.profile) : null,
      level: Number.isFinite(level) && level > 0 ? level : null,
      frameCount: Number.isFinite(frames) ? frames : null,
    };
  }
  const duration = num(data.format.duration);
  let audio: AudioStreamInfo | null = null;
  if (a) {
    // The stream's own bit rate; else the file's, when the audio is all there is (an MP3 often
    // tells only the file's, a cover picture included: a small overestimate, on the safe side).
    const own = num(a.bit_rate);
    const whole = num(data.format.bit_rate);
    const bitrate = own > 0 ? own : !v && whole > 0 ? whole : null;
    audio = { codec: String(a.codec_name ?? 'unknown'), channels: num(a.channels) || 0, sampleRate: num(a.sample_rate) || 0, bitrate };
  }
  const vDuration = v ? num(v.duration) : NaN;
  return {
    format: String(data.format.format_name ?? 'unknown'),
    durationSec: Number.isFinite(duration) ? duration : Number.isFinite(vDuration) ? vDuration : 0,
    sizeBytes: Number.isFinite(num(data.format.size)) ? num(data.format.size) : sizeBytes,
    video,
    audio,
    coverStreamIndex: cover && !v ? Number(cover.index) : null,
    tags: readMediaTags(data.format.tags as Record<string, unknown> | undefined, a?.tags as Record<string, unknown> | undefined),
  };
}

/** [profile_idc, constraint flags, level_idc] from the avcC box of an MP4 init segment. */
export function readAvcC(init: Buffer): [number, number, number] | null {
  const at = init.indexOf('avcC', 0, 'latin1');
  if (at < 0 || at + 8 > init.length) return null;
  return [init[at + 5], init[at + 6], init[at + 7]];
}

/**
 * The only place that runs ffmpeg and ffprobe. Encodes are spawned directly (so they can be tied
 * to this process's life, see encoder.processes.ts); ffprobe and the test pattern go through
 * fluent-ffmpeg. The files around them (sizes, the playlists ffmpeg wrote) are read through the
 * StorageRepository. Everything else in this lib is pure or goes through the StorageRepository.
 */
@Injectable()
export class MediaRepository {
  /** Made by hand (tests, the bench), it reads files through a StorageRepository of its own. */
  constructor(@Optional() private readonly storage: StorageRepository = new StorageRepository()) {}

  private ffprobeRaw(path: string, options: string[] = []): Promise<FfprobeData> {
    return new Promise((resolve, reject) => {
      ffmpeg.setFfprobePath(ffprobePath());
      ffmpeg.ffprobe(path, options, (err, data) => (err ? reject(err) : resolve(data)));
    });
  }

  /** Typed facts about a media file; MediaProbeError when ffprobe cannot read it. */
  async probe(path: string): Promise<ProbeResult> {
    let size: number;
    try {
      size = await this.storage.size(path);
    } catch (err) {
      throw new MediaProbeError('The file does not exist', String((err as Error).message));
    }
    if (size === 0) throw new MediaProbeError(EMPTY_FILE, '');
    let data: FfprobeData;
    try {
      data = await this.ffprobeRaw(path);
    } catch (err) {
      const detail = String((err as Error).message ?? err);
      throw new MediaProbeError(describeProbeFailure(detail), detail);
    }
    if (!data.streams.length) {
      throw new MediaProbeError(NOT_A_MEDIA_FILE, 'ffprobe found no streams');
    }
    return toProbeResult(data, size);
  }

  /** Codec facts of a finished rendition: ffprobe on its playlist (init + first segment). */
  async probeRendition(playlistPath: string): Promise<RenditionStreamInfo> {
    const data = await this.ffprobeRaw(playlistPath, ['-allowed_extensions', 'ALL']);
    const s = data.streams[0] as FfprobeStream | undefined;
    if (!s) throw new TranscodeError(`No stream in ${playlistPath}`, '');
    const measure = await this.measureRendition(playlistPath);
    let avcC: [number, number, number] | null = null;
    if (measure.initUri) avcC = readAvcC(await this.storage.readFile(join(dirname(playlistPath), measure.initUri)));
    const level = num(s.level);
    return {
      codec: String(s.codec_name),
      profile: s.profile !== undefined && String(s.profile) !== 'unknown' ? String(s.profile) : null,
      level: Number.isFinite(level) && level > 0 ? level : null,
      width: num(s.width) || 0,
      height: num(s.height) || 0,
      fps: parseRate(s.avg_frame_rate) || parseRate(s.r_frame_rate),
      channels: num(s.channels) || 0,
      avcC,
    };
  }

  /** Segments of a media playlist with their durations and sizes on disk. */
  async measureRendition(playlistPath: string): Promise<RenditionMeasure> {
    const playlist = parseHls(await this.storage.readText(playlistPath));
    if (!(playlist instanceof hlsTypes.MediaPlaylist)) throw new TranscodeError(`${playlistPath} is not a media playlist`, '');
    const dir = dirname(playlistPath);
    const segments = await Promise.all(
      playlist.segments.map(async (seg) => ({
        uri: seg.uri,
        durationSec: seg.duration,
        bytes: await this.storage.size(join(dir, seg.uri)),
      })),
    );
    return { segments, initUri: playlist.segments[0]?.map?.uri ?? null };
  }

  /**
   * Runs one ffmpeg process. Progress is out_time / duration from `-progress`, as a fraction
   * 0..1 that never goes down. Aborting the signal kills ffmpeg and rejects with
   * TranscodeAbortedError; a failing ffmpeg rejects with TranscodeError holding its stderr tail.
   * ffmpeg never outlives this process (see encoder.processes.ts): it is started so that it gets
   * SIGKILL when we die, and with `workDir` (the run's private folder) it is recorded there while
   * it runs, so the next start can end it (endOrphanEncoders) if that did not work.
   */
  async transcode(inv: FfmpegInvocation, options: TranscodeProgressOptions = {}): Promise<void> {
    const { onProgress, signal, workDir, onLine } = options;
    if (signal?.aborted) throw new TranscodeAbortedError();
    for (const out of inv.outputs) await this.storage.makeDir(dirname(out.target));

    const { command, args } = encoderCommand(ffmpegPath(), toArgv(inv));
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const record = workDir && child.pid ? writeEncoderRecord(workDir, child.pid).catch(() => null) : Promise.resolve(null);
      const tail: string[] = [];
      let last = 0;
      let aborted = false;
      let spawnError: Error | null = null;
      const onAbort = () => {
        aborted = true;
        child.kill('SIGKILL');
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      createInterface({ input: child.stderr! }).on('line', (line: string) => {
        const m = /^out_time_us=(\d+)/.exec(line) ?? /^out_time_ms=(\d+)/.exec(line);
        if (m) {
          const fraction = inv.durationSec > 0 ? Math.min(1, Number(m[1]) / 1e6 / inv.durationSec) : 0;
          if (fraction > last) {
            last = fraction;
            onProgress?.(fraction);
          }
          return;
        }
        if (/^progress=end/.test(line)) return;
        if (/^[a-z_0-9]+=/.test(line)) return; // the rest of a -progress block
        onLine?.(line);
        tail.push(line);
        if (tail.length > STDERR_TAIL_LINES) tail.shift();
      });
      child.on('error', (err) => (spawnError = err));
      child.on('close', async (code, killedBy) => {
        signal?.removeEventListener('abort', onAbort);
        const file = await record;
        if (file) await this.storage.removeFile(file);
        if (aborted) return reject(new TranscodeAbortedError());
        if (spawnError) return reject(new TranscodeError(`ffmpeg could not start: ${spawnError.message}`, spawnError.message));
        if (code === 0) {
          if (last < 1) onProgress?.(1);
          return resolve();
        }
        const why = killedBy ? `ffmpeg was killed by ${killedBy}` : `ffmpeg exited with code ${code}`;
        reject(new TranscodeError(`ffmpeg failed: ${tail[tail.length - 1] ?? why}`, tail.join('\n') || why));
      });
    });
  }

  /**
   * loudnorm's first pass over the source's first audio stream (a decode, nothing written):
   * what the second pass needs to bring it to `target`.
   */
  async measureLoudness(
    sourcePath: string,
    durationSec: number,
    target: LoudnessTarget,
    options: TranscodeProgressOptions = {},
  ): Promise<LoudnessMeasure> {
    const lines: string[] = [];
    await this.transcode(buildLoudnessMeasureInvocation(sourcePath, durationSec, target), { ...options, onLine: (l) => lines.push(l) });
    try {
      return parseLoudnormOutput(lines);
    } catch (err) {
      throw new TranscodeError(`Could not measure the loudness: ${(err as Error).message}`, lines.slice(-30).join('\n'));
    }
  }

  /**
   * Ends the encoders that dead runs of this host left running under `tmpRoot` (one folder per
   * run), and waits until they are gone. Call it at a worker's start, before removing those runs'
   * folders. Returns what it ended.
   */
  endOrphanEncoders(tmpRoot: string): Promise<OrphanEncoder[]> {
    return endOrphanEncoders(tmpRoot, ffmpegPath());
  }

  /**
   * Renders a test-pattern clip with a tone (H.264/AAC MP4): the sample video of a new install.
   * One lavfi graph gives both streams, so it runs like any encode (and dies with us).
   */
  async renderTestPattern(path: string, opts: { durationSec: number; width: number; height: number; fps?: number }): Promise<void> {
    const fps = opts.fps ?? 30;
    try {
      await this.transcode({
        input: `testsrc2=size=${opts.width}x${opts.height}:rate=${fps}[out0];sine=frequency=440:sample_rate=48000[out1]`,
        inputOptions: ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi'],
        outputs: [
          {
            options: [
              '-t',
              String(opts.durationSec),
              '-c:v',
              'libx264',
              '-preset',
              'ultrafast',
              '-pix_fmt',
              'yuv420p',
              '-c:a',
              'aac',
              '-b:a',
              '128k',
              '-f',
              'mp4',
            ],
            target: path,
          },
        ],
        durationSec: opts.durationSec,
      });
    } catch (err) {
      const e = err as TranscodeError;
      throw new TranscodeError(`could not render the test pattern: ${e.message}`, e.detail ?? e.message);
    }
  }
}
