import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { PictureError, processPicture, type PictureSpec } from './picture.processor';

// Small: the parts of processPicture the channel images do not use (JPEG output, the reason of a
// minimum); the shared checks (EXIF, orientation, refusals) are in channel-image.processor.spec.

const ARTWORK: PictureSpec = {
  label: 'show artwork',
  min: { width: 1400, height: 1400 },
  minReason: 'podcast apps ask for it',
  sizes: [{ width: 1400, height: 1400 }],
  format: 'jpeg',
  maxBytes: 10_000_000,
};

describe('processPicture (sharp, real images)', () => {
  it('makes a JPEG: a transparent PNG is laid on white (JPEG has no alpha), cover-cropped to the size', async () => {
    const input = await sharp({ create: { width: 2000, height: 1600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const [out] = await processPicture(ARTWORK, input);
    const meta = await sharp(out.bytes).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.hasAlpha], ['jpeg', 1400, 1400, false]);
    const { data } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    assert.ok(
      data[0] > 240 && data[1] > 240 && data[2] > 240,
      `the transparent part is white, not black: ${data.subarray(0, 3).join(',')}`,
    );
  });

  it('a picture under the minimum is refused naming both sizes and why', async () => {
    const small = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    await assert.rejects(
      processPicture(ARTWORK, small),
      (e) =>
        e instanceof PictureError &&
        e.status === 400 &&
        e.message === 'The show artwork is 1000×1000; it must be at least 1400×1400 pixels (podcast apps ask for it).',
    );
  });
});
