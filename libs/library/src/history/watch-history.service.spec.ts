import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VideoStatus, Visibility } from '@wetube/catalog';
import type { AuthUser } from '@wetube/identity';
import { databaseMatrix, libraryTestDb, LibraryTestDb } from '../library.test-db';
import { finishedTail, isFinished, resumeAt } from './watch-progress.rules';

describe('watch progress rules', () => {
  it('a video is finished within its last 5 % (1 s to 10 s); resume only when started and not finished', () => {
    assert.equal(finishedTail(20), 1);
    assert.equal(finishedTail(100), 5);
    assert.equal(finishedTail(3600), 10);
    assert.equal(isFinished(18.9, 20), false);
    assert.equal(isFinished(19, 20), true);
    assert.equal(isFinished(3589, 3600), false);
    assert.equal(isFinished(3590, 3600), true);
    assert.equal(resumeAt(42, false), 42);
    assert.equal(resumeAt(42, true), null);
    assert.equal(resumeAt(2.5, false), null);
  });
});

for (const db of databaseMatrix()) {
  describe(`WatchHistoryService (${db})`, () => {
    let t: LibraryTestDb;
    let viewer: AuthUser;
    let creator: AuthUser;
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));

    before(async () => {
      t = await libraryTestDb(db);
      viewer = await t.user('Viewer');
      creator = await t.user('Creator');
    });
    after(async () => t?.close());

    it('keeps one entry per video: the newest position wins, and near the end it is finished', async () => {
      const v = await t.video(creator.id, { durationMs: 100_000 });
      const first = await t.history.record(viewer, v.id, 12.34, at(1));
      assert.ok(first.ok && first.recorded);
      assert.equal(first.record!.positionSec, 12.3);
      const again = await t.history.record(viewer, v.id, 40, at(2));
      assert.ok(again.ok && again.record!.finished === false);
      let p = (await t.history.progressOf(viewer.id, [v.id])).get(v.id)!;
      assert.equal(p.positionSec, 40);
      assert.equal(p.watchedAt.getTime(), at(2).getTime());
      const end = await t.history.record(viewer, v.id, 96, at(3));
      assert.ok(end.ok && end.record!.finished);
      p = (await t.history.progressOf(viewer.id, [v.id])).get(v.id)!;
      assert.equal(p.finished, true);
      // Watching again from the start makes it unfinished again.
      await t.history.record(viewer, v.id, 5, at(4));
      assert.equal((await t.history.progressOf(viewer.id, [v.id])).get(v.id)!.finished, false);
      const [n] = await t.db.query(`SELECT COUNT(*) AS n FROM watch_history WHERE user_id = ? AND video_id = ?`, [viewer.id, v.id]);
      assert.equal(Number(n.n), 1);
    });

    it('refuses positions that are not numbers, negative or past the end, and videos the viewer may not watch', async () => {
      const v = await t.video(creator.id, { durationMs: 30_000 });
      for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, 33]) {
        const r = await t.history.record(viewer, v.id, bad);
        assert.ok(!r.ok, `position ${bad}`);
        assert.equal(r.error.code, 'BAD_POSITION');
        assert.deepEqual(r.error.field, ['input', 'positionSeconds']);
      }
      const slack = await t.history.record(viewer, v.id, 31.5);
      assert.ok(slack.ok && slack.record!.positionSec === 30, 'a little past the end is the end');
      const secret = await t.video(creator.id, { visibility: Visibility.PRIVATE });
      const denied = await t.history.record(viewer, secret.id, 1);
      assert.ok(!denied.ok && denied.error.code === 'NOT_FOUND');
      const ownSecret = await t.history.record(creator, secret.id, 10);
      assert.ok(ownSecret.ok && ownSecret.recorded, 'the owner may watch their own private video');
      const processing = await t.video(creator.id, { status: VideoStatus.PROCESSING, durationMs: null });
      const notReady = await t.history.record(creator, processing.id, 1);
      assert.ok(!notReady.ok && notReady.error.code === 'VIDEO_NOT_READY');
      const missing = await t.history.record(viewer, '00000000-0000-4000-8000-00000000dead', 1);
      assert.ok(!missing.ok && missing.error.code === 'NOT_FOUND');
    });

    it('records nothing while paused, keeps what is there, and records again once resumed', async () => {
      const u = await t.user();
      const v = await t.video(creator.id);
      await t.history.record(u, v.id, 10, at(1));
      assert.equal(await t.history.setPaused(u, true), true);
      assert.equal(await t.history.isPaused(u), true);
      const r = await t.history.record(u, v.id, 20, at(2));
      assert.ok(r.ok && r.recorded === false && r.record === null);
      const w = await t.video(creator.id);
      await t.history.record(u, w.id, 20, at(3));
      const listed = await t.history.list(u, 10, null);
      assert.deepEqual(
        listed.entries.map((e) => [e.video.id, e.record.positionSec]),
        [[v.id, 10]],
      );
      await t.history.setPaused(u, false);
      await t.history.record(u, w.id, 20, at(4));
      assert.equal((await t.history.list(u, 10, null)).entries.length, 2);
    });

    it('lists newest first in pages; Continue watching has started, unfinished videos only', async () => {
      const u = await t.user();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const v = await t.video(creator.id, { durationMs: 100_000 });
        ids.push(v.id);
        await t.history.record(u, v.id, [30, 99, 1, 50, 20][i], at(10 + i));
      }
      const p1 = await t.history.list(u, 2, null);
      assert.deepEqual(
        p1.entries.map((e) => e.video.id),
        [ids[4], ids[3]],
      );
      assert.equal(p1.hasNextPage, true);
      const last = p1.entries.at(-1)!.record;
      const p2 = await t.history.list(u, 10, { watchedAt: last.watchedAt, videoId: last.videoId });
      assert.deepEqual(
        p2.entries.map((e) => e.video.id),
        [ids[2], ids[1], ids[0]],
      );
      assert.equal(p2.hasNextPage, false);
      assert.equal(await t.history.count(u), 5);
      // 99 of 100 s is finished, 1 s is not started.
      assert.deepEqual(
        (await t.history.continueWatching(u, 10)).map((e) => e.video.id),
        [ids[4], ids[3], ids[0]],
      );
    });

    it('hides videos that became private or unplayable (and shows them again), and forgets deleted ones', async () => {
      const u = await t.user();
      const v = await t.video(creator.id);
      const w = await t.video(creator.id);
      await t.history.record(u, v.id, 10, at(1));
      await t.history.record(u, w.id, 10, at(2));
      await t.setVideo(v.id, { visibility: Visibility.PRIVATE });
      assert.deepEqual(
        (await t.history.list(u, 10, null)).entries.map((e) => e.video.id),
        [w.id],
      );
      assert.deepEqual(
        (await t.history.continueWatching(u, 10)).map((e) => e.video.id),
        [w.id],
      );
      assert.equal(await t.history.count(u), 1);
      await t.setVideo(v.id, { visibility: Visibility.UNLISTED });
      assert.equal((await t.history.list(u, 10, null)).entries.length, 2, 'unlisted: the viewer had the link');
      await t.setVideo(w.id, { status: VideoStatus.FAILED });
      assert.equal((await t.history.list(u, 10, null)).entries.length, 1);
      await t.ds.query(t.db.dialect.placeholders(`DELETE FROM videos WHERE id = ?`), [v.id]);
      assert.equal((await t.history.progressOf(u.id, [v.id])).size, 0, 'a deleted video leaves the history');
    });

    it('removes one entry and clears the whole history of one account only', async () => {
      const u = await t.user();
      const other = await t.user();
      const v = await t.video(creator.id);
      const w = await t.video(creator.id);
      await t.history.record(u, v.id, 10);
      await t.history.record(u, w.id, 10);
      await t.history.record(other, v.id, 10);
      assert.equal(await t.history.remove(u, v.id), true);
      assert.equal(await t.history.remove(u, v.id), false);
      assert.deepEqual(
        (await t.history.list(u, 10, null)).entries.map((e) => e.video.id),
        [w.id],
      );
      assert.equal(await t.history.clear(u), 1);
      assert.equal((await t.history.list(u, 10, null)).entries.length, 0);
      assert.equal((await t.history.list(other, 10, null)).entries.length, 1, "someone else's history is untouched");
    });
  });
}
