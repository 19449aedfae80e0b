import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';
import { eventually, exists, list, scratchDir, storage } from './support-files';

const LIMIT = '1MB'; // 1,000,000 bytes

async function headOffset(client: ApiClient, uploadUrl: string): Promise<{ status: number; offset: number; length: number }> {
  const res = await fetch(uploadUrl, {
    method: 'HEAD',
    headers: { 'Tus-Resumable': '1.0.0', ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
  });
  return { status: res.status, offset: Number(res.headers.get('upload-offset')), length: Number(res.headers.get('upload-length')) };
}

for (const db of databaseMatrix()) {
  describe(`ingest: resumable upload and who may upload (${db})`, () => {
    let api: TestApi;
    let scratch: Awaited<ReturnType<typeof scratchDir>>;
    let clip: string;
    let big: string;

    before(async () => {
      scratch = await scratchDir('ingest');
      [api, clip] = await Promise.all([
        startApi(db, { MAX_UPLOAD_BYTES: LIMIT, TRANSCODE_RUNGS: '180' }),
        generateClip({ path: join(scratch.dir, 'clip.mp4'), durationSec: 4, width: 320, height: 180 }),
      ]);
      big = join(scratch.dir, 'big.mp4');
      await writeFile(big, Buffer.alloc(1_200_000, 7));
    });

    after(async () => {
      await api?.close();
      await scratch?.remove();
    });

    it('an upload cut in the middle resumes from where it stopped and becomes a READY video with the exact source bytes', async () => {
      const source = await readFile(clip);
      assert.ok(source.length > 4 * 16 * 1024, `test clip too small to cut (${source.length} bytes)`);
      assert.ok(source.length < 1_000_000, `test clip must stay under the ${LIMIT} limit (${source.length} bytes)`);
      const creator = new ApiClient(api.url);
      await creator.signUp('Resumer');

      const chunkSize = 16 * 1024;
      const cut = await tusUpload(creator, clip, { title: 'Cut in the middle', chunkSize, onChunk: (sent) => sent < 2 * chunkSize });
      assert.equal(cut.error, undefined, `first part failed: ${JSON.stringify(cut.error)}`);
      assert.equal(cut.videoId, null, 'an unfinished upload must not yield a video');
      assert.ok(cut.url, 'the upload has a URL to resume');

      const head = await headOffset(creator, cut.url!);
      assert.equal(head.status, 200);
      assert.equal(head.length, source.length);
      assert.ok(head.offset > 0 && head.offset < source.length, `server offset ${head.offset} should be inside (0, ${source.length})`);

      // Nothing is listed for the creator while the upload is unfinished.
      const mine = await creator.gql(`{ myVideos { totalCount } }`);
      assert.equal(mine.data?.myVideos.totalCount, 0);

      let firstResumedAt = -1;
      const done = await tusUpload(creator, clip, {
        resumeUrl: cut.url!,
        chunkSize,
        onChunk: (sent) => {
          if (firstResumedAt < 0) firstResumedAt = sent;
        },
      });
      assert.equal(done.error, undefined, `resume failed: ${JSON.stringify(done.error)}`);
      assert.ok(done.videoId, 'the completing response names the video');
      // The client continued from the server's offset, not from byte 0.
      assert.equal(firstResumedAt, head.offset + chunkSize);

      const video = await waitForStatus(creator, done.videoId!, ['READY', 'FAILED'], 60_000);
      assert.equal(video.status, 'READY', `failureReason: ${video.failureReason}`);
      assert.equal(video.title, 'Cut in the middle');
      assert.equal(video.width, 320);
      assert.equal(video.height, 180);

      const s = storage(api.dataDir);
      await eventually('the original is kept', () => exists(s.original(video.id)));
      const stored = await readFile(s.original(video.id));
      assert.equal(stored.length, source.length);
      assert.ok(stored.equals(source), 'the stored original must be byte-for-byte the uploaded file');
      assert.ok(await exists(join(s.videoDir(video.id), 'master.m3u8')));
      await eventually('the tus upload file is gone', async () => (await list(s.uploads)).length === 0);
    });

    it('refuses a file over MAX_UPLOAD_BYTES with 413 and a message naming the limit', async () => {
      const creator = new ApiClient(api.url);
      await creator.signUp('Big');
      const r = await tusUpload(creator, big, { title: 'Too big' });
      assert.equal(r.videoId, null);
      assert.equal(r.error?.status, 413, JSON.stringify(r.error));
      assert.match(r.error!.body, /limit is 1(\.0)? MB/, `message should name the limit: ${r.error!.body}`);
      assert.match(r.error!.body, /1\.2 MB/, `message should name the file's size: ${r.error!.body}`);
      const mine = await creator.gql(`{ myVideos { totalCount } }`);
      assert.equal(mine.data?.myVideos.totalCount, 0);
    });

    it('refuses an anonymous upload with 401, even a too-large one', async () => {
      const anon = new ApiClient(api.url);
      const r = await tusUpload(anon, clip);
      assert.equal(r.videoId, null);
      assert.equal(r.error?.status, 401, JSON.stringify(r.error));
      assert.match(r.error!.body, /sign in/i);
      const tooBig = await tusUpload(anon, big);
      assert.equal(tooBig.error?.status, 401, JSON.stringify(tooBig.error));
    });

    it("another account cannot continue someone else's upload (403), and the owner still can", async () => {
      const owner = new ApiClient(api.url);
      await owner.signUp('Owner');
      const intruder = new ApiClient(api.url);
      await intruder.signUp('Intruder');
      const chunkSize = 16 * 1024;
      const cut = await tusUpload(owner, clip, { chunkSize, onChunk: (sent) => sent < chunkSize });
      assert.ok(cut.url);
      const before = await headOffset(owner, cut.url!);

      const peek = await headOffset(intruder, cut.url!);
      assert.equal(peek.status, 403);
      // A PATCH straight at the URL is refused and writes nothing.
      const patch = await fetch(cut.url!, {
        method: 'PATCH',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': String(before.offset),
          'Content-Type': 'application/offset+octet-stream',
          authorization: `Bearer ${intruder.token}`,
        },
        body: new Uint8Array(1024),
      });
      assert.equal(patch.status, 403);
      assert.match(await patch.text(), /another account/);
      // Nor may the intruder terminate it.
      const del = await fetch(cut.url!, {
        method: 'DELETE',
        headers: { 'Tus-Resumable': '1.0.0', authorization: `Bearer ${intruder.token}` },
      });
      assert.equal(del.status, 403);
      assert.equal((await headOffset(owner, cut.url!)).offset, before.offset, 'the refused requests must not have touched the upload');

      // The owner finishes it; the video is the owner's, not the intruder's.
      const done = await tusUpload(owner, clip, { resumeUrl: cut.url!, chunkSize: 256 * 1024 });
      assert.ok(done.videoId, JSON.stringify(done.error));
      assert.equal(done.url, cut.url, 'the owner continued the same upload');
      const video = await waitForStatus(owner, done.videoId!, ['READY', 'FAILED'], 60_000);
      assert.equal(video.status, 'READY', video.failureReason);
      assert.equal((await intruder.gql(`{ myVideos { totalCount } }`)).data?.myVideos.totalCount, 0);
    });

    it('takes description, tags, visibility and category from the upload metadata, and refuses bad ones before any byte with the field named', async () => {
      const creator = new ApiClient(api.url);
      await creator.signUp('Describer');
      const r = await tusUpload(creator, clip, {
        title: 'Described',
        metadata: { description: ' Waves at dusk ', tags: 'Sea, waves', visibility: 'PRIVATE', category: 'travel & events' },
      });
      assert.equal(r.error, undefined, JSON.stringify(r.error));
      const v = (await creator.gql(`query($id: ID!) { video(id: $id) { title description tags visibility category } }`, { id: r.videoId }))
        .data.video;
      assert.deepEqual(v, {
        title: 'Described',
        description: 'Waves at dusk',
        tags: ['sea', 'waves'],
        visibility: 'PRIVATE',
        category: 'Travel & Events',
      });
      // The anonymous public sees nothing of a private upload.
      assert.equal(
        (await new ApiClient(api.url).gql(`query($id: ID!) { video(id: $id) { id } }`, { id: r.videoId })).data?.video ?? null,
        null,
      );

      const bad = await tusUpload(creator, clip, { title: 'Bad', metadata: { category: 'Knitting' } });
      assert.equal(bad.videoId, null);
      assert.equal(bad.error?.status, 400, JSON.stringify(bad.error));
      const body = JSON.parse(bad.error!.body);
      assert.equal(body.field, 'category');
      assert.match(body.message, /no category "Knitting"/);
      assert.equal(bad.url, null, 'no upload was created');
      const badVisibility = await tusUpload(creator, clip, { metadata: { visibility: 'SECRET' } });
      assert.equal(badVisibility.error?.status, 400);
      assert.equal(JSON.parse(badVisibility.error!.body).field, 'visibility');
      assert.equal((await creator.gql(`{ myVideos { totalCount } }`)).data?.myVideos.totalCount, 1);
    });

    it('an advertiser account may upload (its ad creatives are videos uploaded like any other); anonymous callers may not (401)', async () => {
      const advertiser = new ApiClient(api.url);
      await advertiser.signUp('Adco', 'advertiser');
      const r = await tusUpload(advertiser, clip);
      assert.equal(r.error, undefined, JSON.stringify(r.error));
      assert.ok(r.videoId);
      const anonymous = await tusUpload(new ApiClient(api.url), clip);
      assert.equal(anonymous.videoId, null);
      assert.equal(anonymous.error?.status, 401, JSON.stringify(anonymous.error));
    });
  });
}
