import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageRepository } from './storage.repository';

// linkTree: a published folder copied as hard links, changed by replacing files only.

describe('StorageRepository.linkTree', () => {
  it('copies every file as a hard link; replacing one in the copy leaves the original as it was', async () => {
    const root = await mkdtemp(join(tmpdir(), 'wetube-link-'));
    try {
      const storage = new StorageRepository();
      const from = join(root, 'published');
      const to = join(root, 'copy');
      await storage.writeFile(join(from, 'master.m3u8'), 'old master');
      await storage.writeFile(join(from, '360p', 'seg_00000.m4s'), 'segment');
      await storage.writeFile(join(from, 'captions', 'en.1', 'playlist.m3u8'), 'subs');
      await storage.linkTree(from, to);
      assert.deepEqual(await storage.listFiles(to, { recursive: true }), await storage.listFiles(from, { recursive: true }));
      const [a, b] = await Promise.all([
        storage.stat(join(from, '360p', 'seg_00000.m4s')),
        storage.stat(join(to, '360p', 'seg_00000.m4s')),
      ]);
      assert.equal(a!.ino, b!.ino, 'the same file, not a copy');
      await storage.writeFileAtomic(join(to, 'master.m3u8'), 'new master');
      await storage.removeDir(join(to, 'captions'));
      assert.equal(await storage.readText(join(from, 'master.m3u8')), 'old master');
      assert.equal(await storage.readText(join(to, 'master.m3u8')), 'new master');
      assert.equal(await storage.readText(join(from, 'captions', 'en.1', 'playlist.m3u8')), 'subs');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
