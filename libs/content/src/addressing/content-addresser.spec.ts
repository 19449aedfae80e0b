import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, ConfigModule } from '@wetube/platform';
import { ContentModule } from '../content.module';
import { ContentAddresser } from './content-addresser.service';
import { IpfsRepository } from './ipfs.repository';
import { SignedManifest, verifyManifest } from './manifest';

/** A finished transcode output, small: playlists, init segments, segments, poster, storyboard. */
const TREE: Record<string, Buffer> = {
  'master.m3u8': Buffer.from('#EXTM3U\n#EXT-X-VERSION:7\n'),
  '360p/playlist.m3u8': Buffer.from('#EXTM3U\n#EXTINF:2.0,\nseg_00000.m4s\n'),
  '360p/init.mp4': Buffer.alloc(700, 1),
  '360p/seg_00000.m4s': Buffer.alloc(300_000, 2), // two blocks: a dag-pb root
  '360p/seg_00001.m4s': Buffer.alloc(0),
  'audio/init.mp4': Buffer.alloc(500, 3),
  'audio/seg_00000.m4s': Buffer.from('hello world\n'),
  'poster.jpg': Buffer.alloc(2000, 4),
  'storyboard.vtt': Buffer.from('WEBVTT\n'),
  'storyboard_000.jpg': Buffer.alloc(3000, 5),
};

@Module({})
class NoopModule {}

describe('ContentAddresser.addressFolder', () => {
  let dir: string;
  let app: NestExpressApplication;
  let baseUrl: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-addresser-'));
    const config = AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: join(dir, 'data'), WEB_ORIGIN: 'http://web.test' });
    // ContentModule as the api mounts it (through CatalogModule), with the validated config.
    app = await NestFactory.create<NestExpressApplication>(
      { module: NoopModule, imports: [ConfigModule.forRoot(config), ContentModule] },
      { logger: false },
    );
    app.enableCors({ origin: config.webOrigins, credentials: true });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  after(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function writeTree(root: string): Promise<void> {
    for (const [rel, bytes] of Object.entries(TREE)) {
      await mkdir(join(root, rel, '..'), { recursive: true });
      await writeFile(join(root, rel), bytes);
    }
  }

  it('lists every file with sha256, size and CID, writes manifest.json, and verifies with the published key', async () => {
    const out = join(dir, 'tmp', 'video-1.host.1.abcd');
    await writeTree(out);
    const started = performance.now();
    const manifest = await app.get(ContentAddresser).addressFolder(out, 'video-1');
    const ms = performance.now() - started;

    assert.equal(manifest.version, 1);
    assert.equal(manifest.videoId, 'video-1');
    const expectedPaths = Object.keys(TREE).sort((a, b) => (a < b ? -1 : 1));
    assert.deepEqual(
      manifest.files.map((f) => f.path),
      expectedPaths,
    );
    for (const f of manifest.files) {
      const bytes = TREE[f.path];
      assert.equal(f.bytes, bytes.length, f.path);
      assert.equal(f.sha256, createHash('sha256').update(bytes).digest('hex'), f.path);
      assert.match(f.cid, /^b[a-z2-7]+$/, f.path);
    }
    const byPath = Object.fromEntries(manifest.files.map((f) => [f.path, f.cid]));
    // Known Kubo CIDs (test-fixtures/kubo-cids.json): "hello world\n" and 0 bytes.
    assert.equal(byPath['audio/seg_00000.m4s'], 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4');
    assert.equal(byPath['360p/seg_00001.m4s'], 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku');
    assert.match(byPath['360p/seg_00000.m4s'], /^bafybei/, 'a two-block file has a dag-pb root');
    const ipfs = app.get(IpfsRepository);
    for (const f of manifest.files) assert.equal(await ipfs.has(f.cid), true, `${f.path} is in the blockstore`);

    // The file on disk is the returned manifest.
    const onDisk = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as SignedManifest;
    assert.deepEqual(onDisk, manifest);

    // Verifies with the key published at /.well-known/wetube-origin.json.
    const res = await fetch(`${baseUrl}/.well-known/wetube-origin.json`);
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { publicKey: string; keyId: string };
    assert.equal(onDisk.signature.keyId, doc.keyId);
    const publicKey = Buffer.from(doc.publicKey, 'base64url');
    assert.equal(verifyManifest(onDisk, publicKey), true);
    const tampered = structuredClone(onDisk);
    tampered.files[0].sha256 = createHash('sha256').update('other').digest('hex');
    assert.equal(verifyManifest(tampered, publicKey), false);

    // Addressing again (manifest.json present) skips manifest.json itself and gives the same files.
    const again = await app.get(ContentAddresser).addressFolder(out, 'video-1');
    assert.deepEqual(again.files, manifest.files);
    assert.ok(ms < 10_000, `${ms} ms`);
  });

  it('refuses a folder holding something that is neither a file nor a folder', async () => {
    const out = join(dir, 'tmp', 'video-2');
    await writeTree(out);
    const { symlink } = await import('node:fs/promises');
    await symlink('/etc/passwd', join(out, 'evil.m4s'));
    await assert.rejects(app.get(ContentAddresser).addressFolder(out, 'video-2'), /neither a file nor a folder/);
  });
});
