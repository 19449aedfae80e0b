import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OriginAccessLog } from '@wetube/catalog';
import { verifyManifest } from '@wetube/content';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';

const WEB = 'http://localhost:3000';

describe('HLS origin', () => {
  let api: TestApi;
  let owner: ApiClient;
  let other: ApiClient;
  let id: string;
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${api.url}/hls/${id}/${path}`, { method, headers });

  before(async () => {
    api = await startApi('sqlite', { WEB_ORIGIN: WEB });
    owner = new ApiClient(api.url);
    other = new ApiClient(api.url);
    await owner.signUp('Owner');
    await other.signUp('Other');
    const clip = await generateClip({ path: join(api.dataDir, 'c.mp4'), durationSec: 4, width: 480, height: 270 });
    id = (await tusUpload(owner, clip)).videoId!;
    const v = await waitForStatus(owner, id, ['READY', 'FAILED']);
    assert.equal(v.status, 'READY', v.failureReason);
  });
  after(async () => api?.close());

  it('serves every kind of file with its content type and caching', async () => {
    const cases: [string, RegExp, RegExp][] = [
      ['master.m3u8', /^application\/vnd\.apple\.mpegurl$/, /^public, no-cache$/],
      ['manifest.json', /^application\/json$/, /^public, no-cache$/],
      ['270p/playlist.m3u8', /^application\/vnd\.apple\.mpegurl$/, /^public, max-age=60$/],
      ['270p/init.mp4', /^video\/mp4$/, /^public, max-age=31536000, immutable$/],
      ['270p/seg_00000.m4s', /^video\/iso\.segment$/, /^public, max-age=31536000, immutable$/],
      ['audio/seg_00000.m4s', /^video\/iso\.segment$/, /^public, max-age=31536000, immutable$/],
      ['poster.jpg', /^image\/jpeg$/, /immutable/],
      ['storyboard.vtt', /^text\/vtt/, /max-age=60/],
    ];
    for (const [file, type, cache] of cases) {
      const r = await get(file);
      assert.equal(r.status, 200, file);
      assert.match(r.headers.get('content-type') ?? '', type, file);
      assert.match(r.headers.get('cache-control') ?? '', cache, file);
      assert.ok(Number(r.headers.get('content-length')) > 0, file);
      await r.arrayBuffer();
    }
  });

  it('publishes a signed manifest of every file, verifiable with the origin key', async () => {
    const manifest: any = await (await get('manifest.json')).json();
    const wellKnown: any = await (await fetch(`${api.url}/.well-known/wetube-origin.json`)).json();
    assert.equal(verifyManifest(manifest, Buffer.from(wellKnown.publicKey, 'base64url')), true);
    const paths = manifest.files.map((f: any) => f.path);
    for (const p of ['master.m3u8', '270p/init.mp4', '270p/seg_00000.m4s', 'audio/playlist.m3u8', 'poster.jpg', 'storyboard.vtt'])
      assert.ok(paths.includes(p), p);
    const entry = manifest.files.find((f: any) => f.path === '270p/seg_00001.m4s');
    const bytes = Buffer.from(await (await get('270p/seg_00001.m4s')).arrayBuffer());
    assert.equal(entry.bytes, bytes.length);
    assert.equal(entry.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.match(entry.cid, /^bafk/);
    manifest.files[0].sha256 = '0'.repeat(64);
    assert.equal(verifyManifest(manifest, Buffer.from(wellKnown.publicKey, 'base64url')), false);
  });

  it('answers byte ranges and conditional requests', async () => {
    const full = Buffer.from(await (await get('270p/seg_00001.m4s')).arrayBuffer());
    const part = await get('270p/seg_00001.m4s', { range: 'bytes=100-199' });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 100-199/${full.length}`);
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), full.subarray(100, 200));
    const tail = await get('270p/seg_00001.m4s', { range: 'bytes=-50' });
    assert.deepEqual(Buffer.from(await tail.arrayBuffer()), full.subarray(full.length - 50));
    const beyond = await get('270p/seg_00001.m4s', { range: `bytes=${full.length + 10}-` });
    assert.equal(beyond.status, 416);
    const etag = (await get('270p/seg_00001.m4s', {}, 'HEAD')).headers.get('etag')!;
    // Plain node:http: fetch() adds Cache-Control: no-cache to conditional requests, as browsers do.
    const status = await new Promise<number>((resolve, reject) =>
      request(`${api.url}/hls/${id}/270p/seg_00001.m4s`, { headers: { 'if-none-match': etag } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .on('error', reject)
        .end(),
    );
    assert.equal(status, 304);
  });

  it('allows the web origin with credentials, others without, and answers preflights', async () => {
    const web = await get('master.m3u8', { origin: WEB });
    assert.equal(web.headers.get('access-control-allow-origin'), WEB);
    assert.equal(web.headers.get('access-control-allow-credentials'), 'true');
    const elsewhere = await get('master.m3u8', { origin: 'https://player.example' });
    assert.equal(elsewhere.headers.get('access-control-allow-origin'), '*');
    assert.equal(elsewhere.headers.get('access-control-allow-credentials'), null);
    const pre = await get(
      '270p/seg_00000.m4s',
      { origin: WEB, 'access-control-request-method': 'GET', 'access-control-request-headers': 'range' },
      'OPTIONS',
    );
    assert.equal(pre.status, 204);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /range/);
  });

  it('serves a private video to its owner only, by bearer or cookie', async () => {
    const r = await owner.gql(`mutation { updateVideo(input: {id: "${id}", visibility: PRIVATE}) { video { visibility } } }`);
    assert.equal(r.data.updateVideo.video.visibility, 'PRIVATE');
    await new Promise((res) => setTimeout(res, 2100)); // the origin's access cache lives 2 s
    assert.equal((await get('master.m3u8')).status, 404);
    assert.equal((await get('270p/seg_00000.m4s', { authorization: `Bearer ${other.token}` })).status, 404);
    const mine = await get('270p/seg_00000.m4s', { authorization: `Bearer ${owner.token}` });
    assert.equal(mine.status, 200);
    assert.match(mine.headers.get('cache-control') ?? '', /^private/);
    assert.equal((await get('master.m3u8', { cookie: `wetube_session=${owner.token}` })).status, 200);
  });

  it('refuses paths outside the video, unknown files and other methods', async () => {
    for (const path of [
      '../../jwt-secret',
      '..%2F..%2Fjwt-secret',
      '270p/../../../wetube.sqlite',
      'nope.m4s',
      '270p/seg_99999.m4s',
      'source.exe',
    ]) {
      const r = await fetch(`${api.url}/hls/${id}/${path}`, { headers: { authorization: `Bearer ${owner.token}` } });
      assert.equal(r.status, 404, path);
    }
    assert.equal((await fetch(`${api.url}/hls/00000000-0000-0000-0000-000000000000/master.m3u8`)).status, 404);
    assert.equal((await fetch(`${api.url}/hls/${id}/%E0%A4%A.m4s`)).status, 400, 'a malformed escape is a bad request, not a crash');
    assert.equal((await get('master.m3u8', { authorization: `Bearer ${owner.token}` }, 'DELETE')).status, 405);
  });

  it('writes one access log line per request, with the body bytes it sent', async () => {
    const log = api.app.get(OriginAccessLog);
    assert.equal(log.path, join(api.dataDir, 'logs', 'origin-access.log'));
    const marker = `seg_00001.m4s`;
    const auth = { authorization: `Bearer ${owner.token}` }; // the video may be private by now
    const full = Buffer.from(await (await get(`270p/${marker}`, auth, 'GET')).arrayBuffer());
    assert.ok(full.length > 1000);
    await (await get(`270p/${marker}`, { ...auth, range: 'bytes=0-99' })).arrayBuffer();
    await (await get(`270p/${marker}`, auth, 'HEAD')).arrayBuffer();
    await (await get('270p/nope.m4s')).arrayBuffer();
    log.flush();
    const lines = (await readFile(log.path!, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // Lines are written as responses end, which need not be the order the client saw them in.
    const mine = lines.filter((l) => l.path === `/hls/${id}/270p/${marker}`).slice(-3);
    const seen = mine.map((l) => `${l.method} ${l.status} ${l.bytes}`).sort();
    assert.deepEqual(seen, [`GET 200 ${full.length}`, 'GET 206 100', 'HEAD 200 0'].sort());
    for (const l of mine) {
      assert.match(l.ip, /127\.0\.0\.1/);
      assert.ok(!Number.isNaN(Date.parse(l.time)) && l.ms >= 0);
    }
    assert.deepEqual(
      lines.filter((l) => l.path === `/hls/${id}/270p/nope.m4s`).map((l) => l.status),
      [404],
    );
  });

  it('writes no access log with ORIGIN_ACCESS_LOG=off', async () => {
    const quiet = await startApi('sqlite', { ORIGIN_ACCESS_LOG: 'off' });
    try {
      assert.equal(quiet.app.get(OriginAccessLog).path, null);
      assert.equal((await fetch(`${quiet.url}/hls/${id}/master.m3u8`)).status, 404);
      await assert.rejects(readFile(join(quiet.dataDir, 'logs', 'origin-access.log')), /ENOENT/);
    } finally {
      await quiet.close();
    }
  });
});
