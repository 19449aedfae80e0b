import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runFfmpeg } from './clip.generator';

/**
 * Audio test files made with ffmpeg's lavfi sources (sine, anoisesrc): the corpus of issue 14's
 * audio ingest. Test helper only. Every file is made in one ffmpeg run.
 */
export interface AudioFileOptions {
  path: string;
  durationSec: number;
  /** ffmpeg audio encoder: libmp3lame, aac, flac, pcm_s16le, libopus, libvorbis… */
  codec: string;
  bitrateK?: number;
  sampleRate?: number;
  channels?: 1 | 2;
  /** ffmpeg sample format (e.g. s32 for 24-bit FLAC). */
  sampleFmt?: string;
  /** An attached cover picture (PNG) of this size, marked `attached_pic`. */
  coverSize?: number;
  tags?: Record<string, string>;
  /** ffmpeg muxer, when the extension is not enough (e.g. "ipod" for .m4a). */
  format?: string;
  /** A "talk": noise bursts at a low level, about -30 LUFS (a source for loudness normalization). */
  quiet?: boolean;
}

export async function generateAudioFile(o: AudioFileOptions): Promise<string> {
  await mkdir(dirname(o.path), { recursive: true });
  const rate = o.sampleRate ?? 44100;
  const source = o.quiet
    ? `anoisesrc=color=pink:amplitude=0.05:sample_rate=${rate}:duration=${o.durationSec},volume='0.35+0.3*sin(2*PI*t/3)':eval=frame`
    : `sine=frequency=440:sample_rate=${rate}:duration=${o.durationSec},volume=0.5`;
  const args = ['-f', 'lavfi', '-i', source];
  const cover = `${o.path}.cover.png`;
  if (o.coverSize) {
    await runFfmpeg(['-f', 'lavfi', '-i', `testsrc2=size=${o.coverSize}x${o.coverSize}:rate=1`, '-frames:v', '1', cover]);
    args.push('-i', cover);
  }
  args.push('-map', '0:a');
  if (o.coverSize) args.push('-map', '1:v', '-c:v', 'png', '-disposition:v:0', 'attached_pic');
  args.push('-c:a', o.codec, '-ac', String(o.channels ?? 2), '-ar', String(rate));
  if (o.bitrateK) args.push('-b:a', `${o.bitrateK}k`);
  if (o.sampleFmt) args.push('-sample_fmt', o.sampleFmt);
  for (const [k, v] of Object.entries(o.tags ?? {})) args.push('-metadata', `${k}=${v}`);
  if (o.codec === 'libmp3lame') args.push('-id3v2_version', '3');
  if (o.format) args.push('-f', o.format);
  args.push(o.path);
  try {
    await runFfmpeg(args);
  } finally {
    if (o.coverSize) await rm(cover, { force: true });
  }
  return o.path;
}

/** A short clip with a real (not cover) video track of a tiny size beside its sound: stays a video. */
export async function generateTinyVideoWithAudio(path: string, durationSec = 3, size = 64): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await runFfmpeg([
    ...['-f', 'lavfi', '-i', `testsrc2=size=${size}x${size}:rate=10:duration=${durationSec}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=330:sample_rate=44100:duration=${durationSec}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', path],
  ]);
  return path;
}

/** The first `fraction` of a file's bytes (an upload cut short). */
export async function truncateFile(source: string, path: string, fraction: number): Promise<string> {
  const bytes = await readFile(source);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return path;
}

/** Text saved under an audio name (e.g. notes.mp3). */
export async function writeTextAsAudio(path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, 'This is not a song, just some text someone renamed to .mp3\n'.repeat(20));
  return path;
}
