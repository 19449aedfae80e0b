/**
 * Audio transcode benchmark (issue 14): a generated podcast (mono talk-like noise, 64 kbit/s MP3)
 * through our pipeline against the plain ffmpeg command lines doing the same, in the same run:
 *   (a) ours: probe + planLadder (loudness on) + TranscodeService.transcode (loudnorm first pass,
 *       the one-process ladder, measuring, master playlist, waveform, peaks, cover)
 *   (b) plain: the same two ffmpeg command lines (loudnorm measure, then the ladder encode),
 *       spawned directly: the floor our overhead is measured against
 * Overhead = a / b - 1 (goal: under 10 %). Prints the machine's load during each, since a busy
 * machine makes both slower and the ratio noisy.
 * Run: npm run bench:audio -- [--minutes 60] [--rounds 1]
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MediaRepository,
  PODCAST_LOUDNESS,
  TranscodeService,
  buildAudioTranscodeInvocation,
  buildLoudnessMeasureInvocation,
  parseLoudnormOutput,
  planLadder,
  toArgv,
} from '@wetube/media';
import { StorageRepository } from '@wetube/platform';
import { generateAudioFile } from '@wetube/testing';
import { arg, median } from './support/cli';
import { busyShare, cpuTimes, loadAvg1, sampleRunQueue, saturation } from './support/machine-load';

function ffmpeg(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.FFMPEG_PATH || 'ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-20000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(err.split('\n')) : reject(new Error(`ffmpeg ${code}: ${err.slice(-2000)}`))));
  });
}

async function timed<T>(what: string, fn: () => Promise<T>): Promise<{ ms: number; load: string }> {
  const cpu0 = cpuTimes();
  const queue = sampleRunQueue();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  const runnable = queue.stop();
  const busy = busyShare(cpu0, cpuTimes());
  const sat = saturation(busy, runnable);
  const load = `cpu ${(busy * 100).toFixed(0)} %, runnable ${runnable.toFixed(1)}, load1 ${loadAvg1().toFixed(2)}${sat ? ` (SATURATED: ${sat})` : ''}`;
  console.log(`  ${what}: ${(ms / 1000).toFixed(1)} s (${load})`);
  return { ms, load };
}

async function main() {
  const minutes = Number(arg('minutes', '60'));
  const rounds = Number(arg('rounds', '1'));
  const dir = await mkdtemp(join(tmpdir(), 'wetube-audio-bench-'));
  try {
    console.log(`audio transcode: a ${minutes}-minute podcast, ${rounds} round(s), ${cpus().length} cores`);
    const src = await generateAudioFile({
      path: join(dir, 'podcast.mp3'),
      durationSec: minutes * 60,
      codec: 'libmp3lame',
      bitrateK: 64,
      channels: 1,
      quiet: true,
    });
    const media = new MediaRepository();
    const service = new TranscodeService(media, new StorageRepository());
    const ours: number[] = [];
    const plain: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const a = await timed('ours (probe, plan, loudnorm measure, ladder, playlists, waveform, cover)', async () => {
        const probe = await media.probe(src);
        const ladder = planLadder(probe, { loudness: PODCAST_LOUDNESS });
        await service.transcode(src, join(dir, `ours-${r}`), probe, ladder);
      });
      ours.push(a.ms);
      const b = await timed('plain ffmpeg (loudnorm measure, then the same ladder encode)', async () => {
        const probe = await media.probe(src);
        const ladder = planLadder(probe, { loudness: PODCAST_LOUDNESS });
        const lines = await ffmpeg(toArgv(buildLoudnessMeasureInvocation(src, probe.durationSec, PODCAST_LOUDNESS)));
        const measured = parseLoudnormOutput(lines);
        const inv = buildAudioTranscodeInvocation(src, join(dir, `plain-${r}`), probe, ladder, measured);
        for (const rung of ladder.audioRungs) await mkdir(join(dir, `plain-${r}`, rung.name), { recursive: true });
        await ffmpeg(toArgv(inv));
      });
      plain.push(b.ms);
      await rm(join(dir, `ours-${r}`), { recursive: true, force: true });
      await rm(join(dir, `plain-${r}`), { recursive: true, force: true });
    }
    const ratio = median(ours) / median(plain);
    console.log(
      `median: ours ${(median(ours) / 1000).toFixed(1)} s, plain ${(median(plain) / 1000).toFixed(1)} s: overhead ${((ratio - 1) * 100).toFixed(1)} % (goal < 10 %); ` +
        `${((minutes * 60 * 1000) / median(ours)).toFixed(0)}x real time`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
