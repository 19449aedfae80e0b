import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceRejectedError } from './media.errors';
import type { ProbeResult } from './media.types';
import { formatDuration, frameLimits, validateSource } from './source.validator';

const limits = { maxDurationSec: 600, maxBytes: 2_000_000_000 };

function probe(overrides: Partial<ProbeResult> = {}, video: Partial<NonNullable<ProbeResult['video']>> = {}): ProbeResult {
  return {
    format: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationSec: 30,
    sizeBytes: 5_000_000,
    video: {
      codec: 'h264',
      width: 1280,
      height: 720,
      displayWidth: 1280,
      displayHeight: 720,
      rotation: 0,
      fps: 30,
      pixFmt: 'yuv420p',
      profile: 'High',
      level: 31,
      frameCount: 900,
      ...video,
    },
    audio: { codec: 'aac', channels: 2, sampleRate: 48000 },
    ...overrides,
  };
}

function rejects(p: ProbeResult, code: string, message: string | RegExp, l = limits) {
  assert.throws(
    () => validateSource(p, l),
    (err: unknown) => {
      assert.ok(err instanceof SourceRejectedError, String(err));
      assert.equal(err.code, code);
      if (typeof message === 'string') assert.equal(err.message, message);
      else assert.match(err.message, message);
      return true;
    },
  );
}

describe('validateSource', () => {
  it('accepts an ordinary video', () => {
    assert.doesNotThrow(() => validateSource(probe(), limits));
    assert.doesNotThrow(() => validateSource(probe({ audio: null }), limits), 'a silent video is fine');
  });

  it('accepts an audio-only file (an audio item) and refuses one with neither sound nor picture', () => {
    assert.doesNotThrow(() => validateSource(probe({ video: null }), limits));
    rejects(probe({ video: null, audio: null }), 'NO_VIDEO', 'The file has no audio or video stream');
  });

  it('holds audio to the same limits, in words about audio', () => {
    rejects(probe({ video: null, durationSec: 601 }), 'TOO_LONG', 'The audio is 10:01 long; the limit is 10:00');
    rejects(probe({ video: null, durationSec: 0 }), 'ZERO_DURATION', /audio has no duration/);
    rejects(probe({ video: null, sizeBytes: 3e9 }), 'TOO_LARGE', /3 GB; the limit is 2 GB/);
    rejects(probe({ video: null, audio: { codec: 'mp3', channels: 0, sampleRate: 0 } }), 'UNSUPPORTED', /no sample rate or channels/);
  });

  it('refuses a zero-length video', () => {
    rejects(probe({ durationSec: 0 }), 'ZERO_DURATION', /no duration/);
  });

  it('refuses a video over the duration limit, saying both lengths', () => {
    rejects(probe({ durationSec: 751.4 }), 'TOO_LONG', 'The video is 12:31 long; the limit is 10:00');
    assert.doesNotThrow(() => validateSource(probe({ durationSec: 600 }), limits));
  });

  it('refuses a file over the size limit', () => {
    rejects(probe({ sizeBytes: 2_500_000_000 }), 'TOO_LARGE', 'The file is 2.5 GB; the limit is 2 GB');
  });

  it('refuses a picture larger than the limits, whichever way it is turned', () => {
    const l = { ...limits, maxWidth: 1920, maxHeight: 1080 };
    rejects(
      probe({}, { displayWidth: 3840, displayHeight: 2160 }),
      'TOO_WIDE',
      'The video is 3840x2160; the largest size accepted is 1920x1080',
      l,
    );
    assert.doesNotThrow(() => validateSource(probe({}, { displayWidth: 1080, displayHeight: 1920 }), l));
  });

  it('MAX_SOURCE_HEIGHT 4320 takes 8K UHD either way round, and nothing taller or wider', () => {
    const l = { ...limits, ...frameLimits(4320) };
    assert.deepEqual(frameLimits(4320), { maxWidth: 7680, maxHeight: 4320 });
    assert.doesNotThrow(() => validateSource(probe({}, { displayWidth: 7680, displayHeight: 4320 }), l));
    assert.doesNotThrow(() => validateSource(probe({}, { displayWidth: 4320, displayHeight: 7680 }), l));
    rejects(
      probe({}, { displayWidth: 7680, displayHeight: 4322 }),
      'TOO_WIDE',
      'The video is 7680x4322; the largest size accepted is 7680x4320',
      l,
    );
    rejects(probe({}, { displayWidth: 7682, displayHeight: 2000 }), 'TOO_WIDE', /7682x2000/, l);
  });

  it('refuses a still image renamed to .mp4', () => {
    rejects(
      probe({ format: 'jpeg_pipe', durationSec: 0 }, { codec: 'mjpeg', frameCount: null }),
      'UNSUPPORTED',
      'The file is a still image, not a video',
    );
    rejects(probe({ format: 'image2', durationSec: 0.04 }, { codec: 'mjpeg', frameCount: 1 }), 'UNSUPPORTED', /still image/);
  });

  it('refuses a one-frame "video"', () => {
    rejects(probe({ durationSec: 0.04 }, { frameCount: 1 }), 'UNSUPPORTED', /single frame/);
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    assert.equal(formatDuration(5), '0:05');
    assert.equal(formatDuration(600), '10:00');
    assert.equal(formatDuration(3723), '1:02:03');
  });
});
