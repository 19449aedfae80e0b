/**
 * Integration (issue 14): a generated corpus of audio uploads through probe → validate → plan →
 * transcode with the real ffmpeg, each ending with the right ladder or a clear refusal. Outputs
 * are checked with tools we did not write: ffprobe, m3u8-parser, and ffmpeg's `ebur128` for the
 * loudness of a normalized output. The long talk is 5 minutes at 32 kbit/s mono by default;
 * `WETUBE_LONG_TALK_MIN=180` runs the 3-hour one (slow: opt-in).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { StorageRepository } from '@wetube/platform';
import { generateAudioFile, generateTinyVideoWithAudio, truncateFile, writeTextAsAudio } from '@wetube/testing';
import { PODCAST_LOUDNESS, planLadder } from './ladder.planner';
import { MediaProbeError, SourceRejectedError } from './media.errors';
import { MediaRepository } from './media.repository';
import type { Ladder, ProbeResult, TranscodeResult } from './media.types';
import { validateSource } from './source.validator';
import { TranscodeService } from './transcode.service';

interface M3u8Manifest {
  playlists?: Array<{ uri: string; attributes: Record<string, unknown> & { BANDWIDTH: number; CODECS?: string; RESOLUTION?: unknown } }>;
  segments: Array<{ duration: number; uri: string; map?: { uri: string } }>;
  endList?: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an untyped CommonJS package, typed here
const { Parser } = require('m3u8-parser') as { Parser: new () => { push(s: string): void; end(): void; manifest: M3u8Manifest } };

async function parseM3u8(path: string): Promise<M3u8Manifest> {
  const parser = new Parser();
  parser.push(await readFile(path, 'utf8'));
  parser.end();
  return parser.manifest;
}

const run = promisify(execFile);
interface ProbeJson {
  streams: Array<Record<string, unknown>>;
  format: Record<string, unknown>;
}
async function ffprobe(args: string[]): Promise<ProbeJson> {
  const { stdout } = await run(process.env.FFPROBE_PATH || 'ffprobe', ['-v', 'error', '-of', 'json', ...args]);
  return JSON.parse(stdout) as ProbeJson;
}

/** Integrated loudness (LUFS) of an HLS rendition (or a plain file), measured by ffmpeg's ebur128 filter (not loudnorm). */
function ebur128(playlist: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.FFMPEG_PATH || 'ffmpeg', [
      ...['-hide_banner', '-nostdin', ...(playlist.endsWith('.m3u8') ? ['-allowed_extensions', 'ALL'] : []), '-i', playlist],
      ...['-map', '0:a:0', '-af', 'ebur128', '-f', 'null', '-'],
    ]);
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-6000)));
    child.on('close', (code) => {
      const summary = err.slice(err.lastIndexOf('Summary:'));
      const m = /Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+) LUFS/.exec(summary);
      if (code !== 0 || !m) return reject(new Error(`ebur128 failed (${code}): ${err.slice(-500)}`));
      resolve(Number(m[1]));
    });
  });
}

const LIMITS = { maxDurationSec: 4 * 3600, maxBytes: 4e9 };
const LONG_TALK_MIN = Number(process.env.WETUBE_LONG_TALK_MIN || 5);

describe('audio corpus through the transcode (real ffmpeg)', () => {
  const repo = new MediaRepository();
  const service = new TranscodeService(repo, new StorageRepository());
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-audio-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** probe → validate → plan → transcode, as the job does. */
  async function ingest(src: string, options: { loudness?: boolean } = {}) {
    const probe = await repo.probe(src);
    validateSource(probe, LIMITS);
    const ladder = planLadder(probe, { loudness: options.loudness ? PODCAST_LOUDNESS : null });
    const out = join(dir, 'out', src.split('/').pop()!.replace(/\W/g, '_'));
    const progress: number[] = [];
    const result = await service.transcode(src, out, probe, ladder, { onProgress: (p) => progress.push(p), coverSeed: 'seed' });
    return { probe, ladder, out, result, progress };
  }

  /** What every READY audio output must be, checked with ffprobe and m3u8-parser. */
  async function checkAudioOutput(out: string, result: TranscodeResult, ladder: Ladder, expectRungs: string[]) {
    assert.equal(result.kind, 'audio');
    assert.equal(result.storyboard, null);
    assert.deepEqual(
      result.renditions.map((r) => r.name),
      expectRungs,
    );
    const master = await parseM3u8(join(out, 'master.m3u8'));
    assert.deepEqual(
      master.playlists?.map((p) => p.uri),
      expectRungs.map((n) => `${n}/playlist.m3u8`),
    );
    for (const p of master.playlists ?? []) {
      assert.equal(p.attributes.CODECS, 'mp4a.40.2');
      assert.equal(p.attributes.RESOLUTION, undefined, 'no RESOLUTION on an audio-only variant');
      assert.ok(p.attributes.BANDWIDTH > 0);
    }
    // Every rung: AAC-LC at the planned rate and channels, its bitrate near the target, and the
    // same segment grid (same count, same durations) as the others.
    let grid: number[] | null = null;
    for (const rung of ladder.audioRungs) {
      const media = await parseM3u8(join(out, rung.name, 'playlist.m3u8'));
      assert.equal(media.endList, true);
      assert.equal(media.segments[0].map?.uri, 'init.mp4');
      const durations = media.segments.map((s) => Math.round(s.duration * 1000));
      if (grid) assert.deepEqual(durations, grid, `${rung.name} segments line up with the first rung`);
      grid = durations;
      for (const d of durations.slice(0, -1)) assert.ok(Math.abs(d - 2000) <= 30, `segment of ${d} ms in ${rung.name}`);
      const s = (await ffprobe(['-allowed_extensions', 'ALL', '-show_streams', join(out, rung.name, 'playlist.m3u8')])).streams[0];
      assert.deepEqual([s.codec_name, s.profile, Number(s.sample_rate), s.channels], ['aac', 'LC', rung.sampleRate, rung.channels]);
      const avg = result.renditions.find((r) => r.name === rung.name)!.averageBandwidth;
      assert.ok(avg < rung.bitrateK * 1000 * 1.35 && avg > rung.bitrateK * 1000 * 0.3, `${rung.name}: ${avg} bit/s`);
    }
    const files = await readdir(out);
    for (const f of ['poster.jpg', 'waveform.png', 'waveform.json', 'master.m3u8']) assert.ok(files.includes(f), f);
    assert.ok(!files.includes('waveform.pcm'), 'the scratch PCM is gone');
    assert.ok(!files.some((f) => f.startsWith('storyboard')), 'no storyboard for audio');
    const peaks = JSON.parse(await readFile(join(out, 'waveform.json'), 'utf8')) as { peaks: number[]; durationSec: number };
    assert.equal(peaks.peaks.length, 1000);
    assert.ok(peaks.peaks.every((p) => p >= 0 && p <= 1));
    assert.ok(Math.max(...peaks.peaks) > 0.02, 'the waveform is not flat');
    const wave = (await ffprobe(['-show_streams', join(out, 'waveform.png')])).streams[0];
    assert.deepEqual([wave.codec_name, wave.width, wave.height], ['png', 1200, 200]);
    const cover = (await ffprobe(['-show_streams', join(out, 'poster.jpg')])).streams[0];
    assert.equal(cover.codec_name, 'mjpeg');
    // The progressive enclosure: one AAC-LC M4A as long as the HLS rungs, moov before mdat, its size recorded.
    const encPath = join(out, 'enclosure.m4a');
    const enc = await ffprobe(['-show_streams', '-show_format', encPath]);
    assert.equal(enc.streams.length, 1);
    assert.deepEqual([enc.streams[0].codec_name, enc.streams[0].profile], ['aac', 'LC']);
    assert.ok(String(enc.format.format_name).includes('mp4'));
    assert.ok(
      Math.abs(Number(enc.format.duration) - result.durationSec) < 0.2,
      `enclosure ${enc.format.duration} s vs ${result.durationSec} s`,
    );
    const encBytes = await readFile(encPath);
    assert.deepEqual(result.audioInfo?.enclosure, { file: 'enclosure.m4a', bytes: encBytes.length, type: 'audio/mp4' });
    const moov = encBytes.indexOf('moov');
    const mdat = encBytes.indexOf('mdat');
    assert.ok(moov > 0 && moov < mdat, '+faststart: moov before mdat');
    return { cover, peaks };
  }

  it('MP3 320k with an embedded cover and tags: three rungs, the cover from the file, tags read', async () => {
    const src = await generateAudioFile({
      path: join(dir, 'song.mp3'),
      durationSec: 9,
      codec: 'libmp3lame',
      bitrateK: 320,
      coverSize: 300,
      tags: { title: 'First Song', artist: 'The Testers', album: 'Corpus', track: '2/9', date: '2021', genre: 'Electronic' },
    });
    const { probe, ladder, out, result, progress } = await ingest(src);
    assert.equal(probe.video, null, 'the cover is not video');
    assert.equal(typeof probe.coverStreamIndex, 'number');
    const { cover } = await checkAudioOutput(out, result, ladder, ['64k', '128k', '256k']);
    assert.deepEqual([cover.width, cover.height], [300, 300], 'the embedded picture');
    assert.equal(result.audioInfo?.coverSource, 'embedded');
    assert.deepEqual(result.audioInfo?.tags, {
      title: 'First Song',
      artist: 'The Testers',
      album: 'Corpus',
      track: 2,
      year: 2021,
      genre: 'Electronic',
    });
    assert.ok(Math.abs(result.durationSec - 9) < 0.2, String(result.durationSec));
    assert.equal(progress.at(-1), 100);
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress never goes down',
    );
  });

  it('M4A (AAC 128k, 48 kHz): 64k + 128k, a generated cover', async () => {
    const src = await generateAudioFile({
      path: join(dir, 'tune.m4a'),
      durationSec: 7,
      codec: 'aac',
      bitrateK: 128,
      sampleRate: 48000,
      format: 'ipod',
      tags: { artist: 'M4A Artist' },
    });
    const { ladder, out, result } = await ingest(src);
    const { cover } = await checkAudioOutput(out, result, ladder, ['64k', '128k']);
    assert.equal(ladder.audioRungs[0].sampleRate, 48000);
    assert.equal(result.audioInfo?.coverSource, 'generated');
    assert.deepEqual([cover.width, cover.height], [1000, 1000]);
    assert.equal(result.audioInfo?.tags.artist, 'M4A Artist');
  });

  it('FLAC 24-bit 96 kHz: every rung, resampled to 48 kHz', async () => {
    const src = await generateAudioFile({
      path: join(dir, 'hires.flac'),
      durationSec: 6,
      codec: 'flac',
      sampleRate: 96000,
      sampleFmt: 's32',
    });
    const probe = await repo.probe(src);
    assert.deepEqual([probe.audio?.codec, probe.audio?.sampleRate], ['flac', 96000]);
    const { ladder, out, result } = await ingest(src);
    await checkAudioOutput(out, result, ladder, ['64k', '128k', '256k']);
    assert.equal(ladder.audioRungs[0].sampleRate, 48000);
  });

  it('WAV mono: 64k + 128k mono rungs', async () => {
    const src = await generateAudioFile({
      path: join(dir, 'voice.wav'),
      durationSec: 5,
      codec: 'pcm_s16le',
      channels: 1,
      sampleRate: 22050,
    });
    const { ladder, out, result } = await ingest(src);
    await checkAudioOutput(out, result, ladder, ['64k', '128k']);
    assert.equal(ladder.audioRungs[0].channels, 1);
  });

  it('Opus 48k in Ogg: the 64k floor rung only (never above the source), tags from the Vorbis comments', async () => {
    const src = await generateAudioFile({
      path: join(dir, 'clip.opus'),
      durationSec: 5,
      codec: 'libopus',
      bitrateK: 48,
      sampleRate: 48000,
      format: 'ogg',
      tags: { title: 'Ogg Title', ARTIST: 'Ogg Artist' },
    });
    const { ladder, out, result } = await ingest(src);
    await checkAudioOutput(out, result, ladder, ['64k']);
    assert.equal(result.audioInfo?.tags.title, 'Ogg Title');
    assert.equal(result.audioInfo?.tags.artist, 'Ogg Artist');
  });

  it(`a long quiet talk (${LONG_TALK_MIN} min, 32 kbit/s mono MP3) normalized to -16 LUFS within ±1 LU (ffmpeg ebur128)`, async () => {
    const src = await generateAudioFile({
      path: join(dir, 'talk.mp3'),
      durationSec: LONG_TALK_MIN * 60,
      codec: 'libmp3lame',
      bitrateK: 32,
      channels: 1,
      sampleRate: 22050,
      quiet: true,
    });
    const { ladder, out, result } = await ingest(src, { loudness: true });
    await checkAudioOutput(out, result, ladder, ['64k']);
    const measured = result.audioInfo?.loudness;
    assert.ok(measured, 'the measure is kept');
    assert.ok(measured.integrated < -22, `the source is quiet: ${measured.integrated} LUFS`);
    assert.equal(measured.target.integrated, -16);
    const loudness = await ebur128(join(out, '64k', 'playlist.m3u8'));
    assert.ok(Math.abs(loudness - -16) <= 1, `normalized output at ${loudness} LUFS`);
    const enclosureLoudness = await ebur128(join(out, 'enclosure.m4a'));
    assert.ok(Math.abs(enclosureLoudness - -16) <= 1, `normalized enclosure at ${enclosureLoudness} LUFS`);
    assert.ok(Math.abs(result.durationSec - LONG_TALK_MIN * 60) < 1, String(result.durationSec));
  });

  it('a file with a tiny real video track (64x64, not a cover) stays a video with one own-size rung', async () => {
    const src = await generateTinyVideoWithAudio(join(dir, 'tiny.mp4'));
    const probe = await repo.probe(src);
    assert.ok(probe.video, 'a real video track');
    assert.equal(probe.coverStreamIndex, null);
    validateSource(probe, LIMITS);
    const ladder = planLadder(probe);
    assert.equal(ladder.kind, 'video');
    assert.deepEqual(
      ladder.video.map((r) => `${r.name} ${r.width}x${r.height}`),
      ['64p 64x64'],
    );
  });

  it('a text file named .mp3 is refused as not audio or video', async () => {
    const src = await writeTextAsAudio(join(dir, 'notes.mp3'));
    await assert.rejects(repo.probe(src), (e: unknown) => e instanceof MediaProbeError && /not a video or audio file/.test(e.message));
  });

  it('a truncated MP3 (its header still tells the whole length) fails with a reason naming what could be decoded', async () => {
    const full = await generateAudioFile({ path: join(dir, 'whole.mp3'), durationSec: 20, codec: 'libmp3lame', bitrateK: 128 });
    const src = await truncateFile(full, join(dir, 'cut.mp3'), 0.4);
    let probe: ProbeResult;
    try {
      probe = await repo.probe(src);
    } catch (e) {
      // Also a clear refusal: the probe itself saw the damage.
      assert.ok(e instanceof MediaProbeError && /truncated|damaged/.test(e.message), String(e));
      return;
    }
    validateSource(probe, LIMITS);
    const ladder = planLadder(probe);
    await assert.rejects(service.transcode(src, join(dir, 'out', 'cut'), probe, ladder), (e: unknown) => {
      assert.ok(e instanceof SourceRejectedError, String(e));
      assert.equal(e.code, 'TRUNCATED');
      assert.match(e.message, /truncated or damaged: only 0:0\d of its 0:20 could be decoded/);
      return true;
    });
  });
});
