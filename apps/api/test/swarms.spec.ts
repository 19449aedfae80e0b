import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TorrentBuilder } from '@wetube/swarm';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';

/** Announces to the api's HTTP tracker as a BitTorrent client would; returns the raw bencoded body. */
async function announce(api: TestApi, infoHashHex: string, port: number): Promise<string> {
  const enc = (hex: string) => [...Buffer.from(hex, 'hex')].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
  const peerId = '-WT0001-' + Math.random().toString(36).slice(2, 14).padEnd(12, '0');
  const url = `${api.url}/tracker/announce?info_hash=${enc(infoHashHex)}&peer_id=${encodeURIComponent(peerId)}&port=${port}&uploaded=0&downloaded=0&left=0&compact=1&event=started`;
  return Buffer.from(await (await fetch(url)).arrayBuffer()).toString('latin1');
}

for (const db of databaseMatrix()) {
  describe(`swarms and content addresses of a published video (${db})`, () => {
    let api: TestApi;
    let client: ApiClient;
    let video: any;

    before(async () => {
      api = await startApi(db);
      client = new ApiClient(api.url);
      await client.signUp('Swarm Owner');
      const clip = await generateClip({ path: join(api.dataDir, 's.mp4'), durationSec: 5, width: 640, height: 360 });
      const id = (await tusUpload(client, clip)).videoId!;
      assert.equal((await waitForStatus(client, id, ['READY', 'FAILED'])).status, 'READY');
      const r = await client.gql(
        `query($id: ID!) { video(id: $id) { id manifestUrl swarms { rendition infoHash magnetUri torrentUrl bytes } contentFiles { path cid sha256 bytes } } }`,
        { id },
      );
      video = r.data.video;
    });
    after(async () => api?.close());

    it('GraphQL lists one swarm per rendition with a magnet naming the tracker and the origin web seed', () => {
      assert.deepEqual(
        video.swarms.map((s: any) => s.rendition),
        ['360p', 'audio'],
      );
      for (const s of video.swarms) {
        assert.match(s.infoHash, /^[0-9a-f]{40}$/);
        assert.ok(s.magnetUri.startsWith(`magnet:?xt=urn:btih:${s.infoHash}`), s.magnetUri);
        assert.ok(s.magnetUri.includes(encodeURIComponent(`${api.config.publicApiUrl.replace(/^http/, 'ws')}/tracker`)), 'ws tracker');
        assert.ok(s.magnetUri.includes(`ws=${encodeURIComponent(`${api.config.publicApiUrl}/hls/`)}`), 'web seed');
        assert.ok(s.bytes > 0);
      }
    });

    it('each torrent is standard BitTorrent whose pieces match the segments the origin serves (BEP 19 web seed)', async () => {
      const swarm = video.swarms.find((s: any) => s.rendition === '360p');
      const file = Buffer.from(await (await fetch(swarm.torrentUrl.replace(api.config.publicApiUrl, api.url))).arrayBuffer());
      const parsed = await new TorrentBuilder().parse(file);
      assert.equal(parsed.infoHash, swarm.infoHash);
      assert.equal(parsed.files[0].path.replace(/\\/g, '/'), `${video.id}/360p/init.mp4`);
      assert.ok(parsed.files.slice(1).every((f) => /\/360p\/seg_\d{5}\.m4s$/.test(f.path.replace(/\\/g, '/'))));
      // Fetch every file where a web-seed client would (url-list + path) and hash the pieces.
      const bytes = Buffer.concat(
        await Promise.all(
          parsed.files.map(async (f) => Buffer.from(await (await fetch(`${api.url}/hls/${f.path.replace(/\\/g, '/')}`)).arrayBuffer())),
        ),
      );
      assert.equal(bytes.length, parsed.length);
      parsed.pieces.forEach((hash, i) => {
        const piece = bytes.subarray(i * parsed.pieceLength, (i + 1) * parsed.pieceLength);
        assert.equal(createHash('sha1').update(piece).digest('hex'), hash, `piece ${i}`);
      });
    });

    it('the embedded tracker admits the platform’s infohashes and refuses others', async () => {
      const known = await announce(api, video.swarms[0].infoHash, 6881);
      assert.ok(!known.includes('failure reason'), known);
      assert.match(known, /8:intervali\d+e/);
      const unknown = await announce(api, 'ab'.repeat(20), 6882);
      assert.match(unknown, /failure reason/);
    });

    it('every published file has a Kubo-style CID in GraphQL and the manifest', async () => {
      const paths = video.contentFiles.map((f: any) => f.path);
      for (const p of ['master.m3u8', '360p/init.mp4', '360p/seg_00000.m4s', 'torrents/360p.torrent', 'poster.jpg'])
        assert.ok(paths.includes(p), p);
      assert.ok(video.contentFiles.every((f: any) => /^bafk[a-z2-7]+$/.test(f.cid) || /^bafy[a-z2-7]+$/.test(f.cid)));
      const manifest: any = await (await fetch(video.manifestUrl.replace(api.config.publicApiUrl, api.url))).json();
      assert.deepEqual(
        manifest.files.map((f: any) => f.cid),
        video.contentFiles.map((f: any) => f.cid),
      );
    });
  });
}
