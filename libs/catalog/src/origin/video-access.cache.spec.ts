import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fake, newTestService } from '@wetube/testing';
import type { VideoEntity } from '../videos/video.entity';
import { VideoStatus, Visibility } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';
import { VideoAccessCache } from './video-access.cache';

// Small tests of the origin's access cache: the database is a fake that counts its look-ups.

const created = new Date('2026-01-01T00:00:00Z');
const ready = new Date('2026-01-01T00:05:00Z');

function cache(rows: Record<string, Partial<VideoEntity>>) {
  return newTestService(VideoAccessCache, {
    fakes: [fake(VideosService, { findById: async (id: string) => (rows[id] ? (rows[id] as VideoEntity) : null) })],
  });
}

describe('VideoAccessCache (small)', () => {
  it("gives a video's access facts, its start the time it became ready (else its creation), and asks the database once", async () => {
    const t = cache({
      v1: {
        ownerId: 'u1',
        status: VideoStatus.READY,
        visibility: Visibility.UNLISTED,
        durationMs: 5000,
        createdAt: created,
        readyAt: ready,
        midrolls: [30],
      },
      v2: {
        ownerId: 'u2',
        status: VideoStatus.PROCESSING,
        visibility: Visibility.PUBLIC,
        createdAt: created,
        readyAt: null,
        midrolls: null,
      },
    });
    const facts = {
      ownerId: 'u1',
      status: VideoStatus.READY,
      visibility: Visibility.UNLISTED,
      durationMs: 5000,
      startMs: ready.getTime(),
      midrolls: [30],
    };
    assert.deepEqual(await t.sut.get('v1'), facts);
    assert.deepEqual(await t.sut.get('v1'), facts);
    assert.deepEqual(t.sut.peek('v1'), facts);
    assert.equal((await t.sut.get('v2'))?.startMs, created.getTime());
    assert.equal((await t.sut.get('v2'))?.durationMs, null);
    assert.deepEqual(t.callsTo('VideosService.findById'), [['v1'], ['v2']]);
  });

  it('a missing video is remembered as missing (null), an unseen one is undefined to peek, and forget() asks again', async () => {
    const t = cache({});
    assert.equal(t.sut.peek('gone'), undefined);
    assert.equal(await t.sut.get('gone'), null);
    assert.equal(await t.sut.get('gone'), null);
    assert.equal(t.sut.peek('gone'), null);
    assert.equal(t.callsTo('VideosService.findById').length, 1);
    t.sut.forget('gone');
    assert.equal(await t.sut.get('gone'), null);
    assert.equal(t.callsTo('VideosService.findById').length, 2);
  });
});
