import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StorageRepository } from '@wetube/content';
import { TRANSCODE_QUEUE, type TranscodeQueue, type VideoEntity, VideosService } from '@wetube/catalog';
import { MediaRepository } from '@wetube/media';
import { AppConfig, type JobHandler } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import { TranscodeJobHandler } from './transcode-job.handler';
import { TranscodeWorker } from './transcode.worker';

const config = AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: '/data', JWT_SECRET: 'x'.repeat(32), TRANSCODE_CONCURRENCY: '2' });

function worker(unfinished: string[]) {
  let consumer: JobHandler<{ videoId: string }> | null = null;
  const t = newTestService(TranscodeWorker, {
    fakes: [
      fake(AppConfig, config),
      fake(StorageRepository, {
        root: '/data',
        ensureLayout: async () => undefined,
        sweepDeadTempDirs: async () => ['/data/tmp/old.work'],
      }),
      fake(MediaRepository, { endOrphanEncoders: async () => [{ pid: 4242, ownerPid: 4200 }] as never }),
      fake(VideosService, { findUnfinished: async () => unfinished.map((id) => ({ id }) as VideoEntity) }),
      fake(TranscodeJobHandler, { handle: async () => undefined }),
      fake<TranscodeQueue>(TRANSCODE_QUEUE, {
        kind: 'in-process',
        add: async () => undefined,
        process: async (handler) => void (consumer = handler),
      }),
    ],
  });
  return { ...t, consumer: () => consumer };
}

describe('TranscodeWorker (small: storage, ffmpeg processes, database and queue faked)', () => {
  it("at start clears a killed predecessor's encoders, then its temp folders, re-queues unfinished videos, then consumes", async () => {
    const t = worker(['v1', 'v2']);
    await t.sut.onApplicationBootstrap();
    assert.deepEqual(t.callNames(), [
      'StorageRepository.ensureLayout',
      'MediaRepository.endOrphanEncoders',
      'StorageRepository.sweepDeadTempDirs',
      'VideosService.findUnfinished',
      'TRANSCODE_QUEUE.add',
      'TRANSCODE_QUEUE.add',
      'TRANSCODE_QUEUE.process',
    ]);
    assert.deepEqual(t.callsTo('MediaRepository.endOrphanEncoders'), [['/data/tmp']]);
    assert.deepEqual(t.callsTo('TRANSCODE_QUEUE.add'), [
      ['v1', { videoId: 'v1' }],
      ['v2', { videoId: 'v2' }],
    ]);
    assert.deepEqual(t.callsTo('TRANSCODE_QUEUE.process')[0][1], { concurrency: 2 });
  });

  it("the queue's jobs go to TranscodeJobHandler", async () => {
    const t = worker([]);
    await t.sut.onApplicationBootstrap();
    assert.deepEqual(t.callsTo('TRANSCODE_QUEUE.add'), []);
    const job = { id: 'v9', data: { videoId: 'v9' } } as never;
    await t.consumer()!(job);
    assert.deepEqual(t.callsTo('TranscodeJobHandler.handle'), [[job]]);
  });
});
