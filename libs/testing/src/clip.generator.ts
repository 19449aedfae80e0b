import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Test clips made with ffmpeg's lavfi sources (testsrc2 picture + sine tone). Test helper only:
 * production code runs ffmpeg through @wetube/media's MediaRepository.
 */
export interface ClipOptions {
  path: string;
  durationSec: number;
  /** Coded (stored) size. With `rotate: 90` a 640x360 clip displays as 360x640. */
  width: number;
  height: number;
  fps?: number;
  audio?: boolean;
  /** Rotation written in the file (display matrix), clockwise degrees. */
  rotate?: 90 | 180 | 270;
  /** x264 preset; default ultrafast. */
  preset?: string;
  /** moov atom at the start (default true). false leaves it at the end, as cameras do. */
  faststart?: boolean;
}

function ffmpegBin(): string {
  return process.env.FFMPEG_PATH || 'ffmpeg';
}

/** Runs ffmpeg with these arguments; rejects with its stderr tail when it fails. */
export function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegBin(), ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`))));
  });
}

export async function generateClip(options: ClipOptions): Promise<string> {
  const { path, durationSec, width, height, fps = 30, audio = true, rotate, preset = 'ultrafast' } = options;
  await mkdir(dirname(path), { recursive: true });
  const args = [
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width}x${height}:rate=${fps}:duration=${durationSec}`,
    ...(audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:beep_factor=4:sample_rate=48000:duration=${durationSec}`] : []),
    '-map',
    '0:v',
    ...(audio ? ['-map', '1:a'] : []),
    '-c:v',
    'libx264',
    '-preset',
    preset,
    '-pix_fmt',
    'yuv420p',
    '-g',
    String(fps * 2),
    ...(audio ? ['-c:a', 'aac', '-b:a', '96k', '-ac', '2'] : []),
    ...(options.faststart === false ? [] : ['-movflags', '+faststart']),
    '-t',
    String(durationSec),
    rotate ? `${path}.unrotated.mp4` : path,
  ];
  await runFfmpeg(args);
  if (rotate) {
    // ffmpeg 5.1 writes the rotation (display matrix) only when it copies the stream.
    await runFfmpeg([
      '-i',
      `${path}.unrotated.mp4`,
      '-map',
      '0',
      '-c',
      'copy',
      '-metadata:s:v:0',
      `rotate=${rotate}`,
      ...(options.faststart === false ? [] : ['-movflags', '+faststart']),
      path,
    ]);
    await rm(`${path}.unrotated.mp4`, { force: true });
  }
  return path;
}

/** A text file named .mp4. */
export async function writeTextAsVideo(path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, 'This is not a video, just some text someone renamed to .mp4\n'.repeat(20));
  return path;
}

/** An empty file. */
export async function writeZeroByteFile(path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, '');
  return path;
}

/** The first `fraction` (default 40%) of a non-faststart mp4: the moov atom at its end is lost. */
export async function generateTruncatedMp4(path: string, fraction = 0.4): Promise<string> {
  const full = `${path}.full.mp4`;
  await generateClip({ path: full, durationSec: 3, width: 320, height: 180, faststart: false });
  const bytes = await readFile(full);
  await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  await rm(full, { force: true });
  return path;
}

/** An AAC-only .m4a (no video stream). */
export async function generateAudioOnly(path: string, durationSec = 3): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await runFfmpeg([
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=48000:duration=${durationSec}`,
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    path,
  ]);
  return path;
}

/** A single JPEG picture saved under a video name (e.g. photo.mp4). */
export async function generateStillImageAsVideo(path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const jpg = `${path}.jpg`;
  await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=1', '-frames:v', '1', jpg]);
  await writeFile(path, await readFile(jpg));
  await rm(jpg, { force: true });
  return path;
}

/** Size of a file in bytes (0 when missing). */
export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
