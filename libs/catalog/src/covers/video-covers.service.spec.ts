import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Role, type AuthUser } from '@wetube/identity';
import { fake, newTestService } from '@wetube/testing';
import { MediaKind } from '../videos/audio-meta';
import { VideoStatus } from '../videos/video.enums';
import type { VideoEntity } from '../videos/video.entity';
import { VideosService } from '../videos/videos.service';
import { CoverStore } from './cover-store';
import { VideoCoverRefused, VideoCoversService } from './video-covers.service';

// Small: which shape a cover is made in, who may change it, and the order of the writes
// (store, row, then the old file). The database, files and sharp are faked here; the medium
// test (apps/api/test/covers.spec.ts) runs them for real.

const CREATOR: AuthUser = { id: 'u1', roles: [Role.VIEWER] };

function covers(video: Partial<VideoEntity>, opts: { setCoverFails?: boolean } = {}) {
  const row = { id: 'v1', ownerId: 'u1', status: VideoStatus.READY, kind: MediaKind.VIDEO, coverKey: null, ...video } as VideoEntity;
  return newTestService(VideoCoversService, {
    fakes: [
      fake(VideosService, {
        findById: async () => row,
        setCover: async (_id: string, coverKey: string | null) => {
          if (opts.setCoverFails) throw new Error('database down');
          return { ...row, coverKey } as VideoEntity;
        },
      }),
      fake(CoverStore, { save: async () => 'v1-new', remove: async () => undefined }),
    ],
  });
}

describe('VideoCoversService (small)', () => {
  it("a READY item's own kind decides the shape, whatever the uploader says", async () => {
    const audio = covers({ kind: MediaKind.AUDIO });
    await audio.sut.set(CREATOR, 'v1', Buffer.from('x'), 'VIDEO');
    assert.deepEqual(audio.callsTo('CoverStore.save')[0].slice(0, 2), ['v1', 'AUDIO']);
    const video = covers({ kind: MediaKind.VIDEO });
    await video.sut.set(CREATOR, 'v1', Buffer.from('x'), 'AUDIO');
    assert.deepEqual(video.callsTo('CoverStore.save')[0].slice(0, 2), ['v1', 'VIDEO']);
  });

  it('before the transcode told the kind, the uploader says it (a video when they do not)', async () => {
    const told = covers({ status: VideoStatus.PROCESSING });
    await told.sut.set(CREATOR, 'v1', Buffer.from('x'), 'AUDIO');
    assert.equal(told.callsTo('CoverStore.save')[0][1], 'AUDIO');
    const untold = covers({ status: VideoStatus.UPLOADED });
    await untold.sut.set(CREATOR, 'v1', Buffer.from('x'));
    assert.equal(untold.callsTo('CoverStore.save')[0][1], 'VIDEO');
  });

  it('stores, points the row at it, then removes the replaced cover; a failed row update removes the new file', async () => {
    const t = covers({ coverKey: 'v1-old' });
    const updated = await t.sut.set(CREATOR, 'v1', Buffer.from('x'));
    assert.equal(updated.coverKey, 'v1-new');
    assert.deepEqual(
      t.calls.map((c) => c.name + ':' + String(c.args[0])),
      ['VideosService.findById:v1', 'CoverStore.save:v1', 'VideosService.setCover:v1', 'CoverStore.remove:v1-old'],
    );
    const failing = covers({ coverKey: 'v1-old' }, { setCoverFails: true });
    await assert.rejects(failing.sut.set(CREATOR, 'v1', Buffer.from('x')), /database down/);
    assert.deepEqual(
      failing.callsTo('CoverStore.remove').map((args) => args[0]),
      ['v1-new'],
      'the old cover stays, the new file goes',
    );
  });

  it("someone else's item is refused (403) before anything is stored", async () => {
    const t = covers({ ownerId: 'someone-else' });
    await assert.rejects(t.sut.set(CREATOR, 'v1', Buffer.from('x')), (e) => e instanceof VideoCoverRefused && e.status === 403);
    assert.deepEqual(t.callsTo('CoverStore.save'), []);
  });
});
