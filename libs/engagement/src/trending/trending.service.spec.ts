import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VideoStatus, Visibility } from '@wetube/catalog';
import { databaseMatrix, engagementTestDb, type EngagementTestDb } from '../engagement.test-db';

const HOUR = 3600_000;

for (const kind of databaseMatrix()) {
  describe(`trending: public videos by their views in the last 48 h (${kind})`, () => {
    let t: EngagementTestDb;
    let owner: string;
    const now = new Date();
    const ago = (h: number) => new Date(now.getTime() - h * HOUR);
    /** `n` views by `n` different viewers, `hoursAgo` before now. */
    const views = async (videoId: string, n: number, hoursAgo: number) => {
      for (let i = 0; i < n; i++) {
        const outcome = await t.views.recordWatch(
          t.progress({ videoId, viewerKey: `v-${videoId.slice(0, 8)}-${hoursAgo}-${i}`, watchedMs: 60_000, at: ago(hoursAgo) }),
        );
        assert.equal(outcome, 'COUNTED');
      }
    };

    before(async () => {
      t = await engagementTestDb(kind);
      owner = await t.user('Owner');
    });
    after(async () => t?.close());

    it('ranks by views in the window, newest first among equals; old views, private, unlisted and unfinished videos never appear', async () => {
      const a = await t.video({ ownerId: owner, title: 'A', createdAt: ago(100) });
      const b = await t.video({ ownerId: owner, title: 'B', createdAt: ago(90) });
      const c = await t.video({ ownerId: owner, title: 'C', createdAt: ago(80) });
      const old = await t.video({ ownerId: owner, title: 'Old', createdAt: ago(200) });
      const hidden = await t.video({ ownerId: owner, title: 'Private', visibility: Visibility.PRIVATE });
      const unlisted = await t.video({ ownerId: owner, title: 'Unlisted', visibility: Visibility.UNLISTED });
      const failed = await t.video({ ownerId: owner, title: 'Failed', status: VideoStatus.FAILED });
      await views(a.id, 3, 1);
      await views(b.id, 1, 47);
      await views(c.id, 3, 30);
      await views(old.id, 9, 49); // outside the window
      await views(hidden.id, 9, 1);
      await views(unlisted.id, 9, 1);
      await views(failed.id, 9, 1);
      const list = await t.trending.trending(10, now);
      assert.deepEqual(
        list.map((v) => v.title),
        ['C', 'A', 'B'],
        'three views each: C (newer) before A; then B; the rest never',
      );
      assert.deepEqual(
        (await t.trending.trending(2, now)).map((v) => v.title),
        ['C', 'A'],
        'first',
      );
      assert.equal((await t.counts(old.id)).viewCount, 9, 'old views still count in the total');
      // The window slides: two days on, only the newest views remain.
      assert.deepEqual(
        (await t.trending.trending(10, new Date(now.getTime() + 46 * HOUR))).map((v) => v.title),
        ['A'],
      );
    });

    it('a video made private leaves the list at once, even a cached one', async () => {
      const v = await t.video({ ownerId: owner, title: 'Going private' });
      await views(v.id, 20, 0);
      assert.equal((await t.trending.trending(5))[0]?.title, 'Going private');
      await t.videos.updateMetadata(v.id, { visibility: Visibility.PRIVATE });
      assert.ok(!(await t.trending.trending(5)).some((x) => x.id === v.id), 'not in the cached ranking either');
      assert.ok(!(await t.trending.trending(5, new Date())).some((x) => x.id === v.id));
    });
  });
}
