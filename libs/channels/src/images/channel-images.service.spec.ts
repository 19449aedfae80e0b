import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { AppConfig, StorageRepository } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import { ChannelsService } from '../channels.service';
import { ChannelImageError } from './channel-image.processor';
import { ChannelImagesService } from './channel-images.service';

// Small tests of storing channel images: storage and the channel row faked, sharp real.

const USER = '11111111-2222-3333-4444-555555555555';

function images(opts: { old?: string | null; setImageFails?: boolean } = {}) {
  const files = new Map<string, Buffer>();
  const t = newTestService(ChannelImagesService, {
    fakes: [
      fake(StorageRepository, {
        root: '/data',
        makeDir: async () => undefined,
        writeFileAtomic: async (path: string, bytes: Uint8Array | string) => void files.set(path, Buffer.from(bytes)),
        removeFile: async (path: string) => void files.delete(path),
        readFileIfExists: async (path: string) => files.get(path) ?? null,
      }),
      fake(ChannelsService, {
        setImage: async () => {
          if (opts.setImageFails) throw new Error('database down');
          return opts.old ?? null;
        },
      }),
      fake(AppConfig, { publicApiUrl: 'https://api.example' }),
    ],
  });
  return { ...t, files };
}

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();

describe('ChannelImagesService (small)', () => {
  it('writes both avatar sizes under a fresh key, records it, then removes the replaced files', async () => {
    const old = `${USER}-avatar-aaaaaaaaaaaaaaaa`;
    const t = images({ old });
    t.files.set(`/data/channel-images/${old}-176.webp`, Buffer.from('old'));
    t.files.set(`/data/channel-images/${old}-48.webp`, Buffer.from('old'));
    const key = await t.sut.upload(USER, 'avatar', await png(300, 300));
    assert.match(key, new RegExp(`^${USER}-avatar-[0-9a-f]{16}$`));
    assert.deepEqual([...t.files.keys()].sort(), [`/data/channel-images/${key}-176.webp`, `/data/channel-images/${key}-48.webp`]);
    assert.deepEqual(t.callsTo('ChannelsService.setImage'), [[USER, 'avatar', key]]);
    const names = t.callNames();
    assert.ok(
      names.indexOf('ChannelsService.setImage') > names.lastIndexOf('StorageRepository.writeFileAtomic'),
      'recorded only once written',
    );
    assert.deepEqual(
      [...t.sut.urls('avatar', key).entries()],
      [
        [176, `https://api.example/api/channel-images/${key}-176.webp`],
        [48, `https://api.example/api/channel-images/${key}-48.webp`],
      ],
    );
    assert.ok(await t.sut.read(`${key}-176.webp`));
  });

  it('a refused picture writes nothing; a failed record removes what it wrote', async () => {
    const t = images();
    await assert.rejects(
      t.sut.upload(USER, 'avatar', Buffer.from('not an image')),
      (e) => e instanceof ChannelImageError && e.status === 415,
    );
    assert.deepEqual(t.callNames(), []);
    const failing = images({ setImageFails: true });
    await assert.rejects(failing.sut.upload(USER, 'banner', await png(1200, 700)), /database down/);
    assert.equal(failing.files.size, 0);
  });

  it('reads only names it makes (no paths, no other files)', async () => {
    const t = images();
    for (const name of [
      '../../etc/passwd',
      `${USER}-avatar-aaaaaaaaaaaaaaaa-176.png`,
      'x.webp',
      `${USER}-cover-aaaaaaaaaaaaaaaa-176.webp`,
    ]) {
      assert.equal(await t.sut.read(name), null, name);
    }
    assert.deepEqual(t.callNames(), []);
  });
});
