import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateClip, writeTextAsVideo } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';
import { scratchDir } from './support-files';

const CAN_RETRY = `query($id: ID!) { video(id: $id) { id status failureReason canRetry } }`;
const RETRY = `mutation($id: ID!) { retryVideo(id: $id) { video { id status failureReason canRetry } userErrors { field message code } } }`;

/**
 * Retry of a failed video (the studio's Retry): an encoder that fails every attempt leaves the video
 * FAILED with its upload kept, so it can run again — once the encoder works, Retry makes it READY. A
 * file refused for what it is was removed at once: no Retry. Only the owner may retry, only a FAILED
 * video, and two retries at once run the job once.
 */
for (const db of databaseMatrix()) {
  describe(`retrying a failed video (${db})`, () => {
    let api: TestApi;
    let scratch: Awaited<ReturnType<typeof scratchDir>>;
    let owner: ApiClient;
    let other: ApiClient;
    let clip = '';
    let notVideo = '';
    let brokenFfmpeg = '';
    const savedFfmpeg = process.env.FFMPEG_PATH;

    before(async () => {
      scratch = await scratchDir('retry');
      clip = join(scratch.dir, 'clip.mp4');
      notVideo = join(scratch.dir, 'notes.mp4');
      brokenFfmpeg = join(scratch.dir, 'ffmpeg-that-fails');
      await Promise.all([generateClip({ path: clip, durationSec: 2, width: 320, height: 180 }), writeTextAsVideo(notVideo)]);
      await writeFile(brokenFfmpeg, '#!/bin/sh\necho "encoder unavailable (test)" >&2\nexit 1\n');
      await chmod(brokenFfmpeg, 0o755);
      api = await startApi(db, { TRANSCODE_RUNGS: '180', TRANSCODE_ATTEMPTS: '1' });
      owner = new ApiClient(api.url);
      await owner.signUp('Retrying Creator');
      other = new ApiClient(api.url);
      await other.signUp('Someone Else');
    });

    after(async () => {
      if (savedFfmpeg === undefined) delete process.env.FFMPEG_PATH;
      else process.env.FFMPEG_PATH = savedFfmpeg;
      await api?.close();
      await scratch?.remove();
    });

    it('an encoder failure after the last attempt keeps the upload: canRetry, and Retry makes it READY once the encoder works', async () => {
      process.env.FFMPEG_PATH = brokenFfmpeg; // read per run by MediaRepository
      let id: string;
      try {
        const up = await tusUpload(owner, clip, { title: 'Will fail once' });
        assert.ok(up.videoId, JSON.stringify(up.error));
        id = up.videoId;
        const failed = await waitForStatus(owner, id, ['FAILED', 'READY']);
        assert.equal(failed.status, 'FAILED');
        assert.match(failed.failureReason, /Transcoding failed after 1 attempts/);
      } finally {
        process.env.FFMPEG_PATH = savedFfmpeg ?? '';
        if (savedFfmpeg === undefined) delete process.env.FFMPEG_PATH;
      }
      assert.equal((await owner.gql(CAN_RETRY, { id })).data.video.canRetry, true, 'the owner can retry');
      assert.equal((await other.gql(CAN_RETRY, { id })).data?.video?.canRetry ?? false, false, 'nobody else sees a Retry');

      const refused = (await other.gql(RETRY, { id })).data.retryVideo;
      assert.equal(refused.video, null);
      assert.ok(['NOT_FOUND', 'FORBIDDEN'].includes(refused.userErrors[0].code), JSON.stringify(refused.userErrors));

      // Two retries at once (a double click): both answer without error, the job is queued once.
      const [a, b] = await Promise.all([owner.gql(RETRY, { id }), owner.gql(RETRY, { id })]);
      for (const r of [a, b]) assert.deepEqual(r.data.retryVideo.userErrors, [], JSON.stringify(r));
      const ready = await waitForStatus(owner, id, ['READY', 'FAILED']);
      assert.equal(ready.status, 'READY', ready.failureReason);
      assert.equal(ready.failureReason, null);
      assert.ok(ready.renditions.length > 0);
      const again = (await owner.gql(RETRY, { id })).data.retryVideo;
      assert.equal(again.userErrors[0]?.code, 'NOT_FAILED', 'a READY video is not retried');
      assert.match(again.userErrors[0].message, /only a video whose processing failed/i);
      assert.equal((await owner.gql(CAN_RETRY, { id })).data.video.canRetry, false);
    });

    it('a file refused for what it is was removed at once: no Retry, and retryVideo says to upload it again', async () => {
      const up = await tusUpload(owner, notVideo, { title: 'Not a video' });
      assert.ok(up.videoId, JSON.stringify(up.error));
      const failed = await waitForStatus(owner, up.videoId, ['FAILED', 'READY']);
      assert.equal(failed.status, 'FAILED');
      assert.equal((await owner.gql(CAN_RETRY, { id: up.videoId })).data.video.canRetry, false);
      const r = (await owner.gql(RETRY, { id: up.videoId })).data.retryVideo;
      assert.equal(r.userErrors[0]?.code, 'SOURCE_GONE');
      assert.match(r.userErrors[0].message, /upload it again/);
      assert.equal((await waitForStatus(owner, up.videoId, ['FAILED'])).status, 'FAILED', 'still FAILED, nothing ran');
    });

    it('signed out: UNAUTHENTICATED', async () => {
      const anon = new ApiClient(api.url);
      const r = await anon.gql(RETRY, { id: '00000000-0000-4000-8000-000000000000' });
      assert.equal(r.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    });
  });
}
