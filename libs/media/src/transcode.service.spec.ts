/**
 * Integration: transcodes generated clips with the real ffmpeg and checks the output with tools
 * we did not write (ffprobe, m3u8-parser).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { StorageRepository } from '@wetube/platform';
import { generateClip, runFfmpeg } from '@wetube/testing';
import { planLadder } from './ladder.planner';
import { TranscodeAbortedError } from './media.errors';
import { MediaRepository } from './media.repository';
import { TranscodeService } from './transcode.service';
import type { TranscodeResult } from './media.types';

interface M3u8Segment {
  duration: number;
  uri: string;
  map?: { uri: string };
}
interface M3u8Manifest {
  playlists?: Array<{
    uri: string;
    attributes: Record<string, unknown> & {
      BANDWIDTH: number;
      RESOLUTION?: { width: number; height: number };
      CODECS?: string;
      AUDIO?: string;
    };
  }>;
  mediaGroups?: { AUDIO?: Record<string, Record<string, { uri: string; default: boolean }>> };
  segments: M3u8Segment[];
  endList?: boolean;
  targetDuration?: number;
}
// m3u8-parser ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an untyped CommonJS package, typed here
const { Parser } = require('m3u8-parser') as { Parser: new () => { push(s: string): void; end(): void; manifest: M3u8Manifest } };

async function parseM3u8(path: string): Promise<M3u8Manifest> {
  const parser = new Parser();
  parser.push(await readFile(path, 'utf8'));
  parser.end();
  return parser.manifest;
}

const run = promisify(execFile);
async function ffprobe(args: string[]): Promise<any> {
  const { stdout } = await run(process.env.FFPROBE_PATH || 'ffprobe', ['-v', 'error', '-of', 'json', ...args]);
  return JSON.parse(stdout);
}

describe('TranscodeService (real ffmpeg)', () => {
  const repo = new MediaRepository();
  const service = new TranscodeService(repo, new StorageRepository());
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-transcode-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function checkRendition(out: string, name: string, width: number, height: number, durationSec: number, segmentCount: number) {
    const playlist = join(out, name, 'playlist.m3u8');
    const media = await parseM3u8(playlist);
    assert.equal(media.endList, true, `${name}: ENDLIST`);
    assert.equal(media.segments.length, segmentCount, `${name}: segment count`);
    media.segments.forEach((seg, i) => {
      assert.equal(seg.map?.uri, 'init.mp4', `${name}: EXT-X-MAP`);
      assert.equal(seg.uri, `seg_${String(i).padStart(5, '0')}.m4s`);
      if (i < media.segments.length - 1) assert.ok(Math.abs(seg.duration - 2) < 0.05, `${name} seg ${i}: ${seg.duration}s`);
    });
    const total = media.segments.reduce((t, s) => t + s.duration, 0);
    assert.ok(Math.abs(total - durationSec) < 0.1, `${name}: total ${total}`);

    // Every segment, glued to the init segment, plays on its own and starts with a keyframe.
    const init = await readFile(join(out, name, 'init.mp4'));
    for (const seg of media.segments) {
      const glued = join(out, `${name}-${seg.uri}.mp4`);
      await writeFile(glued, Buffer.concat([init, await readFile(join(out, name, seg.uri))]));
      const { streams, packets } = await ffprobe([
        '-show_streams',
        '-show_entries',
        'packet=flags,pts_time',
        '-select_streams',
        'v:0',
        glued,
      ]);
      await rm(glued);
      assert.equal(streams[0].codec_name, 'h264');
      assert.equal(streams[0].width, width, `${name}: width`);
      assert.equal(streams[0].height, height, `${name}: height`);
      assert.equal(streams[0].side_data_list, undefined, `${name}: no rotation left in the output`);
      assert.match(packets[0].flags, /^K/, `${name}/${seg.uri} starts with a keyframe`);
    }
  }

  it('transcodes a 5 s 640x360 clip to a 2-rung ladder with audio, poster and storyboard', async () => {
    const src = await generateClip({ path: join(dir, 'land.mp4'), durationSec: 5, width: 640, height: 360 });
    const out = join(dir, 'land');
    const probe = await repo.probe(src);
    const ladder = planLadder(probe, { preset: 'ultrafast', rungs: [360, 240] });
    const progress: number[] = [];
    const result: TranscodeResult = await service.transcode(src, out, probe, ladder, { onProgress: (p) => progress.push(p) });

    // progress: monotonic, 0..100, ends at 100
    assert.equal(progress[0], 0);
    assert.equal(progress.at(-1), 100);
    for (let i = 1; i < progress.length; i++)
      assert.ok(progress[i] > progress[i - 1], `progress went ${progress[i - 1]} -> ${progress[i]}`);

    await checkRendition(out, '360p', 640, 360, 5, 3);
    await checkRendition(out, '240p', 426, 240, 5, 3);

    // audio rendition: AAC, its own playlist
    const audio = await parseM3u8(join(out, 'audio', 'playlist.m3u8'));
    assert.equal(audio.endList, true);
    assert.equal(audio.segments[0].map?.uri, 'init.mp4');
    const audioProbe = await ffprobe(['-show_streams', join(out, 'audio', 'playlist.m3u8')]);
    assert.equal(audioProbe.streams.length, 1, 'audio rendition is audio only');
    assert.equal(audioProbe.streams[0].codec_name, 'aac');
    assert.equal(audioProbe.streams[0].channels, 2);
    const videoOnly = await ffprobe(['-show_streams', join(out, '360p', 'playlist.m3u8')]);
    assert.deepEqual(
      videoOnly.streams.map((s: { codec_type: string }) => s.codec_type),
      ['video'],
    );

    // master playlist, read by m3u8-parser
    const master = await parseM3u8(join(out, 'master.m3u8'));
    assert.deepEqual(
      master.playlists?.map((p) => p.uri),
      ['360p/playlist.m3u8', '240p/playlist.m3u8'],
    );
    for (const [i, p] of (master.playlists ?? []).entries()) {
      const r = result.renditions[i];
      assert.equal(p.attributes.BANDWIDTH, r.bandwidth);
      assert.ok(r.bandwidth > 100_000 && r.bandwidth < 20_000_000, String(r.bandwidth));
      assert.ok(r.averageBandwidth <= r.bandwidth);
      assert.equal(Number(p.attributes['AVERAGE-BANDWIDTH']), r.averageBandwidth);
      assert.deepEqual(p.attributes.RESOLUTION, { width: r.width, height: r.height });
      assert.match(String(p.attributes.CODECS), /^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
      assert.equal(Number(p.attributes['FRAME-RATE']), 30);
      assert.equal(p.attributes.AUDIO, 'audio');
    }
    assert.equal(master.mediaGroups?.AUDIO?.audio?.audio?.uri, 'audio/playlist.m3u8');
    // The 360p variant carries more bits than the 240p one.
    assert.ok(result.renditions[0].bandwidth > result.renditions[1].bandwidth);
    // CODECS matches what ffprobe says of the rendition
    const v = videoOnly.streams[0];
    const profileIdc: Record<string, string> = { High: '64', Main: '4d', 'Constrained Baseline': '42', Baseline: '42' };
    assert.equal(result.renditions[0].codecs.slice(5, 7), profileIdc[v.profile]);
    assert.equal(parseInt(result.renditions[0].codecs.slice(9, 11), 16), v.level);

    // poster and storyboard
    const poster = await ffprobe(['-show_streams', join(out, 'poster.jpg')]);
    assert.equal(poster.streams[0].codec_name, 'mjpeg');
    assert.equal(poster.streams[0].width, 640);
    assert.equal(poster.streams[0].height, 360);
    assert.deepEqual(result.storyboard, { vtt: 'storyboard.vtt', sprites: ['storyboard_000.jpg'] });
    const sprite = await ffprobe(['-show_streams', join(out, 'storyboard_000.jpg')]);
    assert.equal(sprite.streams[0].width, 1600);
    assert.equal(sprite.streams[0].height, 90);
    const vtt = (await readFile(join(out, 'storyboard.vtt'), 'utf8')).split('\n');
    assert.equal(vtt[0], 'WEBVTT');
    const cues = vtt.filter((l) => l.includes('#xywh='));
    assert.equal(cues.length, 5);
    assert.equal(cues[4], 'storyboard_000.jpg#xywh=640,0,160,90');

    // the result lists exactly the files on disk
    const onDisk = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
    assert.equal(result.files.length, onDisk);
    for (const f of ['master.m3u8', 'poster.jpg', 'storyboard.vtt', '360p/init.mp4', '240p/seg_00002.m4s', 'audio/playlist.m3u8']) {
      assert.ok(result.files.includes(f), f);
    }
    assert.equal(result.durationSec, 5);
    assert.deepEqual([result.width, result.height], [640, 360]);
  });

  it('reports progress steadily during the encode, not only at its end', async () => {
    // ffmpeg 5.1 prints no -progress data until every output has written its header: an output
    // waiting for a full sprite sheet or for the poster time held the bar at 0 until the end.
    const src = await generateClip({ path: join(dir, 'steady.mp4'), durationSec: 12, width: 640, height: 360 });
    const out = join(dir, 'steady');
    const probe = await repo.probe(src);
    const ladder = planLadder(probe, { preset: 'ultrafast', rungs: [360, 240] });
    const progress: number[] = [];
    const result = await service.transcode(src, out, probe, ladder, { onProgress: (p) => progress.push(p) });
    const duringEncode = progress.filter((p) => p > 5 && p < 90);
    assert.ok(new Set(duringEncode).size >= 2, `progress during the encode: ${progress.join(', ')}`);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i] > progress[i - 1]);
    assert.equal(progress.at(-1), 100);

    // the same published output: 12 thumbnails tiled 10x2 into one sprite, poster at 3 s, no scratch left
    assert.deepEqual(result.storyboard?.sprites, ['storyboard_000.jpg']);
    const sprite = await ffprobe(['-show_streams', join(out, 'storyboard_000.jpg')]);
    assert.deepEqual([sprite.streams[0].width, sprite.streams[0].height], [1600, 180]);
    const cues = (await readFile(join(out, 'storyboard.vtt'), 'utf8')).split('\n').filter((l) => l.includes('#xywh='));
    assert.equal(cues.length, 12);
    for (const cue of cues) {
      const [x, y, w, h] = cue.split('#xywh=')[1].split(',').map(Number);
      assert.ok(x + w <= 1600 && y + h <= 180, cue);
    }
    assert.equal(cues[11], 'storyboard_000.jpg#xywh=160,90,160,90');
    const poster = await ffprobe(['-show_streams', join(out, 'poster.jpg')]);
    assert.deepEqual([poster.streams[0].codec_name, poster.streams[0].width, poster.streams[0].height], ['mjpeg', 640, 360]);
    assert.ok(!result.files.some((f) => f.startsWith('thumbs/')), 'scratch thumbnails deleted');
    await assert.rejects(readdir(join(out, 'thumbs')), { code: 'ENOENT' });
    await checkRendition(out, '360p', 640, 360, 12, 6);
  });

  it('gives a 1279x719 source a 720p top rung at 1278x718 that plays, not a 480p top', async () => {
    // testsrc2 rounds its size to even and x264 refuses odd 4:2:0: scale to odd, keep 4:4:4.
    const src = join(dir, 'short-of-720.mp4');
    await runFfmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=1280x720:rate=30:duration=4',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=48000:duration=4',
      '-vf',
      'scale=1279:719,format=yuv444p',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-c:a',
      'aac',
      src,
    ]);
    const out = join(dir, 'short-of-720');
    const probe = await repo.probe(src);
    assert.deepEqual([probe.video?.width, probe.video?.height], [1279, 719]);
    const result = await service.transcode(src, out, probe, planLadder(probe, { preset: 'ultrafast', rungs: [1080, 720, 360] }));
    assert.deepEqual(
      result.renditions.map((r) => [r.name, r.width, r.height]),
      [
        ['720p', 1278, 718],
        ['360p', 640, 360],
      ],
    );
    assert.deepEqual([result.width, result.height], [1278, 718]);
    await checkRendition(out, '720p', 1278, 718, 4, 2);

    // It plays: every frame of the rendition decodes through its playlist, at 1278x718.
    const { stderr } = await run(process.env.FFMPEG_PATH || 'ffmpeg', [
      '-v',
      'error',
      '-stats',
      '-allowed_extensions',
      'ALL',
      '-i',
      join(out, '720p', 'playlist.m3u8'),
      '-map',
      '0:v:0',
      '-f',
      'null',
      '-',
    ]);
    const frames = Number([...stderr.matchAll(/frame=\s*(\d+)/g)].at(-1)?.[1]);
    assert.equal(frames, 120, stderr);

    // The master playlist says 1278x718, and CODECS names a level that fits it (x264 picked it).
    const master = await parseM3u8(join(out, 'master.m3u8'));
    assert.deepEqual(master.playlists?.[0].attributes.RESOLUTION, { width: 1278, height: 718 });
    assert.equal(master.playlists?.[0].uri, '720p/playlist.m3u8');
    const codecs = String(master.playlists?.[0].attributes.CODECS);
    const v = (await ffprobe(['-show_streams', join(out, '720p', 'playlist.m3u8')])).streams[0];
    assert.equal(parseInt(codecs.slice(9, 11), 16), v.level, codecs);
    assert.ok(v.level >= 31, `level ${v.level} holds 1278x718 at 30 fps (3.1 or more)`);

    const poster = await ffprobe(['-show_streams', join(out, 'poster.jpg')]);
    assert.deepEqual([poster.streams[0].width, poster.streams[0].height], [1278, 718]);
    const sprite = await ffprobe(['-show_streams', join(out, 'storyboard_000.jpg')]);
    assert.deepEqual([sprite.streams[0].width, sprite.streams[0].height], [1600, 90]);
  });

  it('keeps a rotated portrait phone clip portrait, without audio', async () => {
    const src = await generateClip({ path: join(dir, 'phone.mp4'), durationSec: 4, width: 640, height: 360, rotate: 90, audio: false });
    const out = join(dir, 'phone');
    const probe = await repo.probe(src);
    const result = await service.transcode(src, out, probe, planLadder(probe, { preset: 'ultrafast' }));
    assert.deepEqual(
      result.renditions.map((r) => [r.name, r.width, r.height]),
      [['360p', 360, 640]],
    );
    assert.equal(result.audio, null);
    assert.match(result.renditions[0].codecs, /^avc1\.[0-9a-f]{6}$/);
    await checkRendition(out, '360p', 360, 640, 4, 2);
    const master = await parseM3u8(join(out, 'master.m3u8'));
    assert.equal(master.playlists?.[0].attributes.AUDIO, undefined);
    assert.ok(!result.files.some((f) => f.startsWith('audio/')));
    const poster = await ffprobe(['-show_streams', join(out, 'poster.jpg')]);
    assert.deepEqual([poster.streams[0].width, poster.streams[0].height], [360, 640]);
  });

  it('stops ffmpeg when the signal aborts', async () => {
    const src = join(dir, 'land.mp4');
    const probe = await repo.probe(src);
    const controller = new AbortController();
    const started = Date.now();
    const job = service.transcode(src, join(dir, 'aborted'), probe, planLadder(probe, { preset: 'veryslow' }), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 150);
    await assert.rejects(job, TranscodeAbortedError);
    assert.ok(Date.now() - started < 2000, 'aborted promptly');
    await assert.rejects(readFile(join(dir, 'aborted', 'master.m3u8')), { code: 'ENOENT' });
  });
});
