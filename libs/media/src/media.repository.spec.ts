import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateAudioOnly,
  generateClip,
  generateStillImageAsVideo,
  generateTruncatedMp4,
  writeTextAsVideo,
  writeZeroByteFile,
} from '@wetube/testing';
import { MediaProbeError, SourceRejectedError } from './media.errors';
import { MediaRepository } from './media.repository';
import { validateSource } from './source.validator';

describe('MediaRepository.probe', () => {
  const repo = new MediaRepository();
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-probe-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function probeFails(path: string, message: string | RegExp, detail: RegExp) {
    await assert.rejects(repo.probe(path), (err: unknown) => {
      assert.ok(err instanceof MediaProbeError, String(err));
      if (typeof message === 'string') assert.equal(err.message, message);
      else assert.match(err.message, message);
      assert.match(err.detail, detail);
      return true;
    });
  }

  it('reads format, duration, size, video and audio of a clip', async () => {
    const path = await generateClip({ path: join(dir, 'clip.mp4'), durationSec: 2, width: 320, height: 180, fps: 25 });
    const p = await repo.probe(path);
    assert.match(p.format, /mp4/);
    assert.ok(Math.abs(p.durationSec - 2) < 0.1, String(p.durationSec));
    assert.ok(p.sizeBytes > 1000);
    assert.deepEqual(
      { ...p.video, profile: undefined, level: undefined },
      {
        codec: 'h264',
        width: 320,
        height: 180,
        displayWidth: 320,
        displayHeight: 180,
        rotation: 0,
        fps: 25,
        pixFmt: 'yuv420p',
        profile: undefined,
        level: undefined,
        frameCount: 50,
      },
    );
    assert.deepEqual({ ...p.audio, bitrate: undefined }, { codec: 'aac', channels: 2, sampleRate: 48000, bitrate: undefined });
    assert.ok((p.audio?.bitrate ?? 0) > 0, 'the audio bit rate is read');
  });

  it('turns the display size of a rotated phone clip', async () => {
    const path = await generateClip({ path: join(dir, 'rot.mp4'), durationSec: 1, width: 320, height: 180, rotate: 90, audio: false });
    const p = await repo.probe(path);
    assert.equal(p.video?.width, 320);
    assert.equal(p.video?.height, 180);
    assert.equal(p.video?.displayWidth, 180);
    assert.equal(p.video?.displayHeight, 320);
    assert.ok(p.video?.rotation === 90 || p.video?.rotation === 270, String(p.video?.rotation));
    assert.equal(p.audio, null);
  });

  it('says a text file renamed .mp4 is not a video', async () => {
    await probeFails(
      await writeTextAsVideo(join(dir, 'notes.mp4')),
      'The file is not a video or audio file ffmpeg can read',
      /Invalid data/,
    );
  });

  it('says an empty file is empty', async () => {
    await probeFails(await writeZeroByteFile(join(dir, 'empty.mp4')), 'The file is empty (0 bytes)', /^$/);
  });

  it('says a truncated mp4 is truncated', async () => {
    await probeFails(
      await generateTruncatedMp4(join(dir, 'cut.mp4')),
      'The file is truncated or damaged (moov atom not found)',
      /moov atom not found/,
    );
  });

  it('says a missing file does not exist', async () => {
    await probeFails(join(dir, 'nope.mp4'), 'The file does not exist', /ENOENT/);
  });

  it('probes audio-only files, which the validator accepts (issue 14: audio items)', async () => {
    const p = await repo.probe(await generateAudioOnly(join(dir, 'song.m4a')));
    assert.equal(p.video, null);
    assert.equal(p.audio?.codec, 'aac');
    assert.ok((p.audio?.bitrate ?? 0) > 50_000 && (p.audio?.bitrate ?? 0) < 150_000, String(p.audio?.bitrate));
    assert.equal(p.coverStreamIndex, null);
    validateSource(p, { maxDurationSec: 600, maxBytes: 1e9 });
  });

  it('probes a JPEG renamed .mp4, which the validator refuses as a still image', async () => {
    const p = await repo.probe(await generateStillImageAsVideo(join(dir, 'photo.mp4')));
    assert.equal(p.video?.codec, 'mjpeg');
    assert.throws(
      () => validateSource(p, { maxDurationSec: 600, maxBytes: 1e9 }),
      (e: unknown) => e instanceof SourceRejectedError && e.code === 'UNSUPPORTED',
    );
  });

  it('renders the sample test pattern: H.264 + AAC of the asked size and length', async () => {
    const path = join(dir, 'sample', 'pattern.mp4');
    await repo.renderTestPattern(path, { durationSec: 2, width: 320, height: 180 });
    const p = await repo.probe(path);
    assert.deepEqual([p.video?.codec, p.video?.width, p.video?.height, p.video?.fps], ['h264', 320, 180, 30]);
    assert.equal(p.audio?.codec, 'aac');
    assert.ok(Math.abs(p.durationSec - 2) < 0.1, String(p.durationSec));
  });
});
