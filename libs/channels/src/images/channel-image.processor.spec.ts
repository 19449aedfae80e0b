import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { CHANNEL_IMAGE_MAX_BYTES, ChannelImageError, processChannelImage } from './channel-image.processor';

/** A real JPEG with EXIF (camera, GPS-ish text) and an orientation tag of 6 (rotate 90° to show). */
async function photoWithExif(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'SecretCam', Model: 'Spy 1', Copyright: 'GPS 48.85N 2.35E' } })
    .toBuffer();
}

async function refusal(p: Promise<unknown>): Promise<ChannelImageError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ChannelImageError, String(err));
    return err;
  }
  assert.fail('expected a refusal');
}

describe('channel image processing (sharp, real images)', () => {
  it('makes 176 and 48 px WebP avatars with no EXIF left, oriented by the EXIF tag', async () => {
    const input = await photoWithExif(400, 300);
    const inMeta = await sharp(input).metadata();
    assert.ok(inMeta.exif && inMeta.exif.includes(Buffer.from('SecretCam')), 'the input really carries EXIF');
    const out = await processChannelImage('avatar', input);
    assert.deepEqual(
      out.map((o) => [o.width, o.height]),
      [
        [176, 176],
        [48, 48],
      ],
    );
    for (const o of out) {
      const m = await sharp(o.bytes).metadata();
      assert.equal(m.format, 'webp');
      assert.equal(m.width, o.width);
      assert.equal(m.height, o.height);
      assert.equal(m.exif, undefined, 'no EXIF in the output');
      assert.equal(m.orientation, undefined);
      assert.ok(!o.bytes.includes(Buffer.from('SecretCam')));
    }
  });

  it('cover-crops a banner to 2048×1152', async () => {
    const input = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3060c0' } })
      .png()
      .toBuffer();
    const [banner] = await processChannelImage('banner', input);
    const m = await sharp(banner.bytes).metadata();
    assert.deepEqual([m.format, m.width, m.height], ['webp', 2048, 1152]);
  });

  it('refuses by content: text named .png → 415, SVG → 415, a cut-short JPEG → 415', async () => {
    const text = await refusal(processChannelImage('avatar', Buffer.from('hello, I am a text file named avatar.png\n')));
    assert.equal(text.status, 415);
    assert.match(text.message, /not a picture/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200"/></svg>');
    assert.equal((await refusal(processChannelImage('avatar', svg))).status, 415);
    const jpeg = await photoWithExif(400, 400);
    assert.equal((await refusal(processChannelImage('avatar', jpeg.subarray(0, 300)))).status, 415);
  });

  it('refuses too big (413), empty and too small (400), naming sizes', async () => {
    const big = await refusal(processChannelImage('avatar', Buffer.alloc(CHANNEL_IMAGE_MAX_BYTES + 1)));
    assert.equal(big.status, 413);
    assert.match(big.message, /6 MB/);
    assert.equal((await refusal(processChannelImage('avatar', Buffer.alloc(0)))).status, 400);
    const small = await sharp({ create: { width: 60, height: 60, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const e = await refusal(processChannelImage('avatar', small));
    assert.equal(e.status, 400);
    assert.match(e.message, /60×60.*98×98/);
    const thinBanner = await sharp({ create: { width: 2000, height: 300, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    assert.match((await refusal(processChannelImage('banner', thinBanner))).message, /1024×576/);
  });
});
