import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  generateAudioOnly,
  generateClip,
  generateStillImageAsVideo,
  generateTruncatedMp4,
  writeTextAsVideo,
  writeZeroByteFile,
} from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';
import { eventually, exists, list, publicVideoIds, scratchDir, storage } from './support-files';

interface BadCase {
  name: string;
  filename: string;
  make: (path: string) => Promise<unknown>;
  /** What the uploader reads. */
  reason: RegExp;
}

const CASES: BadCase[] = [
  { name: 'a text file named .mp4', filename: 'notes.mp4', make: writeTextAsVideo, reason: /not a video/i },
  { name: 'a zero-byte file', filename: 'empty.mp4', make: writeZeroByteFile, reason: /empty \(0 bytes\)/i },
  { name: 'a truncated MP4', filename: 'cut.mp4', make: (p) => generateTruncatedMp4(p), reason: /truncated or damaged/i },
  {
    name: 'an audio file longer than MAX_DURATION_SEC',
    filename: 'song.m4a',
    make: (p) => generateAudioOnly(p, 5),
    reason: /audio is 0:05 long; the limit is 0:03/,
  },
  { name: 'a still image renamed .mp4', filename: 'photo.mp4', make: generateStillImageAsVideo, reason: /still image/i },
  {
    name: 'a clip longer than MAX_DURATION_SEC',
    filename: 'long.mp4',
    make: (p) => generateClip({ path: p, durationSec: 5, width: 320, height: 180 }),
    reason: /0:05 long; the limit is 0:03/,
  },
];

for (const db of databaseMatrix()) {
  describe(`bad input ends FAILED with a readable reason and leaves nothing behind (${db})`, () => {
    let api: TestApi;
    let scratch: Awaited<ReturnType<typeof scratchDir>>;
    let creator: ApiClient;
    let other: ApiClient;
    let anon: ApiClient;
    const files = new Map<string, string>();

    before(async () => {
      scratch = await scratchDir('bad');
      const made = Promise.all(
        CASES.map(async (c) => {
          const path = join(scratch.dir, c.filename);
          await c.make(path);
          files.set(c.name, path);
        }),
      );
      api = await startApi(db, { MAX_DURATION_SEC: '3', TRANSCODE_RUNGS: '180' });
      await made;
      creator = new ApiClient(api.url);
      await creator.signUp('Uploader');
      other = new ApiClient(api.url);
      await other.signUp('Stranger');
      anon = new ApiClient(api.url);
    });

    after(async () => {
      await api?.close();
      await scratch?.remove();
    });

    for (const c of CASES) {
      it(`${c.name} → FAILED: ${c.reason.source}`, async () => {
        const up = await tusUpload(creator, files.get(c.name)!, { filename: c.filename, title: c.name });
        assert.equal(up.error, undefined, `the upload itself must be accepted: ${JSON.stringify(up.error)}`);
        assert.ok(up.videoId, 'the completed upload names its video');
        const id = up.videoId!;

        const video = await waitForStatus(creator, id, ['FAILED', 'READY'], 30_000);
        assert.equal(video.status, 'FAILED');
        assert.match(video.failureReason ?? '', c.reason);
        assert.doesNotMatch(video.failureReason, /ffprobe|ffmpeg exited|Error:|\bat \//, 'no raw tool output in the reason');
        assert.equal(video.masterUrl, null);

        const s = storage(api.dataDir);
        assert.equal(await exists(s.videoDir(id)), false, 'no videos/<id> folder');
        assert.equal(await exists(s.original(id)), false, 'no kept original');
        assert.deepEqual(await list(s.tmp), [], 'no temp folder left');
        await eventually('the upload file is removed', async () => (await list(s.uploads)).length === 0, 5_000);

        assert.ok(!(await publicVideoIds(anon)).includes(id), 'not in the public listing');
        assert.equal((await other.gql(`query($id: ID!) { video(id: $id) { id } }`, { id })).data?.video, null, 'invisible to other users');
        assert.equal(
          (await anon.gql(`query($id: ID!) { video(id: $id) { id } }`, { id })).data?.video,
          null,
          'invisible to anonymous users',
        );
        const hls = await fetch(`${api.url}/hls/${id}/master.m3u8`, { headers: { authorization: `Bearer ${creator.token}` } });
        assert.equal(hls.status, 404, 'nothing to stream, not even for the owner');
        await hls.body?.cancel();
      });
    }

    it('the owner still sees every failed video in myVideos, each FAILED', async () => {
      const r = await creator.gql(`{ myVideos(first: 50) { totalCount edges { node { status failureReason } } } }`);
      assert.equal(r.data.myVideos.totalCount, CASES.length);
      for (const e of r.data.myVideos.edges) assert.equal(e.node.status, 'FAILED');
    });
  });
}
