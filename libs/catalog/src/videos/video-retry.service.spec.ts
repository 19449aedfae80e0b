import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StorageRepository } from '@wetube/content';
import { fake, newTestService } from '@wetube/testing';
import { CoverStore } from '../covers/cover-store';
import { TRANSCODE_QUEUE, type TranscodeQueue } from './transcode-queue';
import type { VideoEntity } from './video.entity';
import { VideoStatus } from './video.enums';
import { VideoDeletionService } from './video-deletion.service';
import { VideoRetryService } from './video-retry.service';
import { VideosService } from './videos.service';

// Small tests of a failed video's retry (and of deletion): database, storage and queue faked.

function video(status: VideoStatus, uploadId: string | null = 'up1'): VideoEntity {
  return { id: 'v1', status, uploadId } as VideoEntity;
}

function retry(opts: { sourceKept?: boolean; requeued?: boolean } = {}) {
  return newTestService(VideoRetryService, {
    fakes: [
      fake(VideosService, {
        requeueFailed: async () => opts.requeued ?? true,
        findById: async (id: string) => ({ ...video(VideoStatus.UPLOADED), id }) as VideoEntity,
      }),
      fake(StorageRepository, {
        uploadPath: (id: string) => `/data/uploads/${id}`,
        exists: async () => opts.sourceKept ?? true,
      }),
      fake<TranscodeQueue>(TRANSCODE_QUEUE, { add: async () => undefined }),
    ],
  });
}

describe('VideoRetryService (small)', () => {
  it('a FAILED video whose upload is kept goes back to UPLOADED and is queued once', async () => {
    const t = retry();
    const r = await t.sut.retry(video(VideoStatus.FAILED));
    assert.deepEqual(r, { ok: true, video: video(VideoStatus.UPLOADED) });
    assert.deepEqual(t.callsTo('StorageRepository.exists'), [['/data/uploads/up1']]);
    assert.deepEqual(t.callNames(), [
      'StorageRepository.uploadPath',
      'StorageRepository.exists',
      'VideosService.requeueFailed',
      'TRANSCODE_QUEUE.add',
      'VideosService.findById',
    ]);
    assert.deepEqual(t.callsTo('TRANSCODE_QUEUE.add'), [['v1', { videoId: 'v1' }]]);
  });

  it('a retry that another one beat to it is not queued twice', async () => {
    const t = retry({ requeued: false });
    assert.equal((await t.sut.retry(video(VideoStatus.FAILED))).ok, true);
    assert.deepEqual(t.callsTo('TRANSCODE_QUEUE.add'), []);
  });

  it('a video already queued or running again: ok, and nothing more happens (a double click)', async () => {
    for (const status of [VideoStatus.UPLOADED, VideoStatus.PROCESSING]) {
      const t = retry();
      const v = video(status);
      assert.deepEqual(await t.sut.retry(v), { ok: true, video: v });
      assert.deepEqual(t.calls, []);
    }
  });

  it('a READY video is NOT_FAILED, saying its state', async () => {
    const t = retry();
    assert.deepEqual(await t.sut.retry(video(VideoStatus.READY)), {
      ok: false,
      code: 'NOT_FAILED',
      message: 'Only a video whose processing failed can be retried; this one is ready.',
    });
    assert.deepEqual(t.callsTo('VideosService.requeueFailed'), []);
  });

  it('a refused file (its upload removed, or never kept) is SOURCE_GONE: upload it again', async () => {
    for (const [v, kept] of [
      [video(VideoStatus.FAILED), false],
      [video(VideoStatus.FAILED, null), true],
    ] as const) {
      const t = retry({ sourceKept: kept });
      const r = await t.sut.retry(v);
      assert.equal(!r.ok && r.code, 'SOURCE_GONE');
      assert.deepEqual(t.callsTo('VideosService.requeueFailed'), []);
      assert.deepEqual(t.callsTo('TRANSCODE_QUEUE.add'), []);
    }
    assert.equal(await retry().sut.canRetry(video(VideoStatus.READY)), false);
    assert.equal(await retry().sut.canRetry(video(VideoStatus.FAILED)), true);
  });
});

describe('VideoDeletionService (small)', () => {
  it('removes the row first (the video disappears at once), then its files, its upload and its uploaded cover', async () => {
    const t = newTestService(VideoDeletionService, {
      fakes: [
        fake(VideosService, { delete: async () => undefined }),
        fake(StorageRepository, { removeVideo: async () => undefined }),
        fake(CoverStore, { remove: async () => undefined }),
      ],
    });
    await t.sut.delete({ ...video(VideoStatus.READY), coverKey: 'v1-0123456789abcdef' });
    assert.deepEqual(t.calls, [
      { name: 'VideosService.delete', args: ['v1'] },
      { name: 'StorageRepository.removeVideo', args: ['v1', 'up1'] },
      { name: 'CoverStore.remove', args: ['v1-0123456789abcdef'] },
    ]);
  });

  it('a failed row removal leaves the files alone', async () => {
    const t = newTestService(VideoDeletionService, {
      fakes: [
        fake(VideosService, {
          delete: async () => {
            throw new Error('database is locked');
          },
        }),
        fake(StorageRepository, { removeVideo: async () => undefined }),
        fake(CoverStore, { remove: async () => undefined }),
      ],
    });
    await assert.rejects(t.sut.delete(video(VideoStatus.READY)), /database is locked/);
    assert.deepEqual(t.callsTo('StorageRepository.removeVideo'), []);
  });
});
