import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planLadder, videoBitrateK } from './ladder.planner';
import type { ProbeResult } from './media.types';

function source(
  width: number,
  height: number,
  opts: { rotation?: number; fps?: number; audio?: boolean; durationSec?: number } = {},
): ProbeResult {
  const turned = opts.rotation === 90 || opts.rotation === 270;
  return {
    format: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationSec: opts.durationSec ?? 60,
    sizeBytes: 10_000_000,
    video: {
      codec: 'h264',
      width,
      height,
      displayWidth: turned ? height : width,
      displayHeight: turned ? width : height,
      rotation: opts.rotation ?? 0,
      fps: opts.fps ?? 30,
      pixFmt: 'yuv420p',
      profile: 'High',
      level: 40,
      frameCount: 1800,
    },
    audio: opts.audio === false ? null : { codec: 'aac', channels: 2, sampleRate: 48000 },
  };
}

const sizes = (p: ProbeResult, o?: Parameters<typeof planLadder>[1]) =>
  planLadder(p, o).video.map((r) => `${r.name} ${r.width}x${r.height}`);

describe('planLadder', () => {
  it('gives a 1080p landscape source the four default rungs', () => {
    assert.deepEqual(sizes(source(1920, 1080)), ['1080p 1920x1080', '720p 1280x720', '480p 854x480', '360p 640x360']);
  });

  it('never upscales: a 720p source gets 720p, 480p, 360p', () => {
    assert.deepEqual(sizes(source(1280, 720)), ['720p 1280x720', '480p 854x480', '360p 640x360']);
  });

  it('gives a source smaller than 360p one rung at its own size', () => {
    assert.deepEqual(sizes(source(426, 240)), ['240p 426x240']);
  });

  it('gives a source a little short of a rung that rung at its own even size, not the rung below', () => {
    assert.deepEqual(sizes(source(1279, 719)), ['720p 1278x718', '480p 854x480', '360p 640x360']);
    assert.deepEqual(sizes(source(1919, 1079)), ['1080p 1918x1078', '720p 1280x720', '480p 854x480', '360p 640x360']);
    assert.deepEqual(sizes(source(719, 1279)), ['720p 718x1278', '480p 480x854', '360p 360x640'], 'portrait too');
    // 85 % of the rung is the least that counts (612 of 720); below it the rung below is the top.
    assert.deepEqual(sizes(source(1088, 612)), ['720p 1088x612', '480p 854x480', '360p 640x360']);
    assert.deepEqual(sizes(source(1086, 610)), ['480p 854x480', '360p 640x360']);
    assert.deepEqual(sizes(source(960, 540)), ['480p 854x480', '360p 640x360'], 'qHD stays at 480p');
    // Under the smallest rung: near it, named after it; far below, named by its own size.
    assert.deepEqual(sizes(source(620, 349)), ['360p 618x348']);
    assert.deepEqual(sizes(source(1279, 719), { rungs: [720] }), ['720p 1278x718']);
    const [top, next] = planLadder(source(1279, 719)).video;
    assert.equal(top.profile, 'high');
    assert.ok(
      top.videoBitrateK > next.videoBitrateK && top.videoBitrateK <= planLadder(source(1280, 720)).video[0].videoBitrateK,
      `${top.videoBitrateK}`,
    );
  });

  it('keeps a portrait phone video portrait, rungs named by the short side', () => {
    assert.deepEqual(sizes(source(1080, 1920)), ['1080p 1080x1920', '720p 720x1280', '480p 480x854', '360p 360x640']);
  });

  it('uses the displayed size of a rotated video (1920x1080 stored, rotated 90)', () => {
    assert.deepEqual(sizes(source(1920, 1080, { rotation: 90 })), ['1080p 1080x1920', '720p 720x1280', '480p 480x854', '360p 360x640']);
  });

  it('makes odd dimensions even and keeps the aspect ratio', () => {
    assert.deepEqual(sizes(source(321, 241)), ['240p 320x240']);
    const ladder = planLadder(source(1000, 750)); // 4:3
    assert.deepEqual(
      ladder.video.map((r) => `${r.width}x${r.height}`),
      ['960x720', '640x480', '480x360'],
    );
    for (const r of ladder.video) assert.equal((r.width % 2) + (r.height % 2), 0);
  });

  it('honours a custom rung list, in any order, without duplicates', () => {
    assert.deepEqual(sizes(source(1920, 1080), { rungs: [360, 720, 720] }), ['720p 1280x720', '360p 640x360']);
  });

  it('gives bigger rungs more bits, and 60 fps about 1.5x the bits of 30 fps', () => {
    const [r1080, r720, r480, r360] = planLadder(source(1920, 1080)).video;
    assert.ok(
      r1080.videoBitrateK > r720.videoBitrateK && r720.videoBitrateK > r480.videoBitrateK && r480.videoBitrateK > r360.videoBitrateK,
    );
    assert.ok(r1080.videoBitrateK >= 4000 && r1080.videoBitrateK <= 6000, `${r1080.videoBitrateK}`);
    assert.ok(r360.videoBitrateK >= 600 && r360.videoBitrateK <= 1200, `${r360.videoBitrateK}`);
    for (const r of [r1080, r720, r480, r360]) {
      assert.ok(r.maxrateK > r.videoBitrateK && r.bufsizeK > r.maxrateK);
    }
    const ratio = videoBitrateK(1920, 1080, 60) / videoBitrateK(1920, 1080, 30);
    assert.ok(ratio > 1.4 && ratio < 1.6, `${ratio}`);
    assert.equal(planLadder(source(1920, 1080, { fps: 60 })).video[0].fps, 60);
    assert.equal(planLadder(source(1920, 1080, { fps: 120 })).video[0].fps, 60);
  });

  it('adds an AAC 128k stereo audio rung only when the source has audio', () => {
    assert.deepEqual(planLadder(source(1280, 720)).audio, {
      kind: 'audio',
      name: 'audio',
      codec: 'aac',
      bitrateK: 128,
      channels: 2,
      sampleRate: 48000,
    });
    assert.equal(planLadder(source(1280, 720, { audio: false })).audio, null);
  });

  it('defaults: preset superfast, 2 s segments; both configurable', () => {
    const d = planLadder(source(1280, 720));
    assert.equal(d.preset, 'superfast');
    assert.equal(d.segmentDurationSec, 2);
    const c = planLadder(source(1280, 720), { preset: 'ultrafast', segmentDurationSec: 4 });
    assert.equal(c.preset, 'ultrafast');
    assert.equal(c.segmentDurationSec, 4);
  });

  it('plans a storyboard that fits the video: thumbnails 160 px on the long side, no empty rows', () => {
    const landscape = planLadder(source(1920, 1080, { durationSec: 60 })).storyboard;
    assert.deepEqual(landscape, { intervalSec: 1, thumbWidth: 160, thumbHeight: 90, columns: 10, rows: 6 });
    const portrait = planLadder(source(1080, 1920, { durationSec: 5 })).storyboard;
    assert.deepEqual(portrait, { intervalSec: 1, thumbWidth: 90, thumbHeight: 160, columns: 10, rows: 1 });
    const long = planLadder(source(1920, 1080, { durationSec: 600 })).storyboard!;
    assert.equal(long.intervalSec, 6);
    assert.equal(long.rows, 10);
  });

  it('takes the poster inside the video', () => {
    assert.equal(planLadder(source(1280, 720, { durationSec: 60 })).posterAtSec, 3);
    assert.equal(planLadder(source(1280, 720, { durationSec: 2 })).posterAtSec, 0.5);
  });
});
