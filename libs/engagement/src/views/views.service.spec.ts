import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { databaseMatrix, engagementTestDb, type EngagementTestDb } from '../engagement.test-db';
import { VIEW_WINDOW_MS } from './views.service';

const HOUR = 3600_000;

for (const kind of databaseMatrix()) {
  describe(`views: counted from real playback, once per viewer per 24 h (${kind})`, () => {
    let t: EngagementTestDb;
    let owner: string;

    before(async () => {
      t = await engagementTestDb(kind);
      owner = await t.user('Owner');
    });
    after(async () => t?.close());

    it('counts a view only once the session has watched 30 s of a long video', async () => {
      const v = await t.video({ ownerId: owner, durationMs: 10 * 60_000 });
      const session = randomUUID();
      for (const watchedMs of [0, 10_000, 29_999])
        assert.equal(
          await t.views.recordWatch(t.progress({ sessionId: session, videoId: v.id, viewerKey: 'acct-a', watchedMs })),
          'NOT_WATCHED',
        );
      assert.equal((await t.counts(v.id)).viewCount, 0, 'heartbeats below the threshold count nothing');
      assert.equal(
        await t.views.recordWatch(t.progress({ sessionId: session, videoId: v.id, viewerKey: 'acct-a', watchedMs: 30_000 })),
        'COUNTED',
      );
      assert.equal((await t.counts(v.id)).viewCount, 1);
      // The rest of the session's heartbeats (every ~30 s) add nothing.
      assert.equal(
        await t.views.recordWatch(t.progress({ sessionId: session, videoId: v.id, viewerKey: 'acct-a', watchedMs: 60_000 })),
        'IN_WINDOW',
      );
      assert.equal((await t.counts(v.id)).viewCount, 1);
    });

    it('a video under a minute counts after half its length; an unknown length needs the full 30 s', async () => {
      const short = await t.video({ ownerId: owner, durationMs: 20_000 });
      assert.equal(await t.views.recordWatch(t.progress({ videoId: short.id, viewerKey: 'k', watchedMs: 9_999 })), 'NOT_WATCHED');
      assert.equal(await t.views.recordWatch(t.progress({ videoId: short.id, viewerKey: 'k', watchedMs: 10_000 })), 'COUNTED');
      const unknown = await t.video({ ownerId: owner, durationMs: null });
      assert.equal(await t.views.recordWatch(t.progress({ videoId: unknown.id, viewerKey: 'k', watchedMs: 29_000 })), 'NOT_WATCHED');
      assert.equal(await t.views.recordWatch(t.progress({ videoId: unknown.id, viewerKey: 'k', watchedMs: 30_000 })), 'COUNTED');
    });

    it('a reload or a second session within 24 h does not count again; after the window it does', async () => {
      const v = await t.video({ ownerId: owner });
      const t0 = new Date(Date.now() - 3 * 24 * HOUR);
      const watch = (at: Date, viewerKey = 'acct-reload') =>
        t.views.recordWatch(t.progress({ videoId: v.id, viewerKey, watchedMs: 45_000, at }));
      assert.equal(await watch(t0), 'COUNTED');
      assert.equal(await watch(new Date(t0.getTime() + 60_000)), 'IN_WINDOW', 'a reload a minute later');
      assert.equal(await watch(new Date(t0.getTime() + 12 * HOUR)), 'IN_WINDOW', 'another session the same day');
      assert.equal(await watch(new Date(t0.getTime() + VIEW_WINDOW_MS - 1)), 'IN_WINDOW', 'a millisecond before the window ends');
      assert.equal((await t.counts(v.id)).viewCount, 1);
      assert.equal(await watch(new Date(t0.getTime() + VIEW_WINDOW_MS)), 'COUNTED', 'the window is over');
      assert.equal(await watch(new Date(t0.getTime() + VIEW_WINDOW_MS + HOUR)), 'IN_WINDOW', 'and a new one started with it');
      assert.equal(await watch(new Date(t0.getTime() + 12 * HOUR), 'acct-other'), 'COUNTED', 'another viewer has a window of their own');
      assert.equal((await t.counts(v.id)).viewCount, 3);
      assert.equal(await t.viewRows.countBetween(v.id, new Date(0), new Date(Date.now() + HOUR)), 3, 'one view row per counted view');
    });

    it('anonymous viewers are counted by their session viewer key', async () => {
      const v = await t.video({ ownerId: owner });
      const anon = (viewerKey: string) => t.views.recordWatch(t.progress({ videoId: v.id, viewerKey, viewerId: null, watchedMs: 31_000 }));
      assert.equal(await anon('ip:aaaa'), 'COUNTED');
      assert.equal(await anon('ip:aaaa'), 'IN_WINDOW', 'the same address in a new session');
      assert.equal(await anon('ip:bbbb'), 'COUNTED');
      assert.equal((await t.counts(v.id)).viewCount, 2);
    });

    it('concurrent sessions of one viewer count once; of many viewers, once each', async () => {
      const v = await t.video({ ownerId: owner });
      const same = await Promise.all(
        Array.from({ length: 12 }, () => t.views.recordWatch(t.progress({ videoId: v.id, viewerKey: 'acct-race', watchedMs: 40_000 }))),
      );
      assert.equal(same.filter((o) => o === 'COUNTED').length, 1, JSON.stringify(same));
      const many = await Promise.all(
        Array.from({ length: 12 }, (_, i) => t.views.recordWatch(t.progress({ videoId: v.id, viewerKey: `acct-${i}`, watchedMs: 40_000 }))),
      );
      assert.ok(
        many.every((o) => o === 'COUNTED'),
        JSON.stringify(many),
      );
      assert.equal((await t.counts(v.id)).viewCount, 13);
      assert.equal(await t.viewRows.countBetween(v.id, new Date(0), new Date(Date.now() + HOUR)), 13);
    });

    it('a deleted video counts nothing; other videos keep their counts', async () => {
      const v = await t.video({ ownerId: owner });
      const other = await t.video({ ownerId: owner });
      assert.equal(await t.views.recordWatch(t.progress({ videoId: other.id, viewerKey: 'k2', watchedMs: 40_000 })), 'COUNTED');
      await t.videos.delete(v.id);
      assert.equal(await t.views.recordWatch(t.progress({ videoId: v.id, viewerKey: 'k2', watchedMs: 40_000 })), 'NO_VIDEO');
      assert.equal((await t.counts(other.id)).viewCount, 1);
    });

    it('forgets ended windows (hourly clean-up); open ones still hold, and a view after an ended one counts once', async () => {
      const v = await t.video({ ownerId: owner });
      const watch = (viewerKey: string, at: Date) => t.views.recordWatch(t.progress({ videoId: v.id, viewerKey, watchedMs: 40_000, at }));
      assert.equal(await watch('acct-prune-old', new Date(Date.now() - 2 * 24 * HOUR)), 'COUNTED');
      assert.equal(await watch('acct-prune-new', new Date(Date.now() - HOUR)), 'COUNTED');
      assert.ok((await t.views.pruneEndedWindows()) >= 1);
      assert.equal(await watch('acct-prune-new', new Date()), 'IN_WINDOW', 'an open window survives the clean-up');
      assert.equal(await watch('acct-prune-old', new Date()), 'COUNTED');
      assert.equal(await watch('acct-prune-old', new Date()), 'IN_WINDOW');
      assert.equal((await t.counts(v.id)).viewCount, 3);
    });

    it('a catalog update of the video never writes back a stale count', async () => {
      const v = await t.video({ ownerId: owner });
      const stale = await t.videos.findById(v.id);
      assert.equal(await t.views.recordWatch(t.progress({ videoId: v.id, viewerKey: 'k3', watchedMs: 40_000 })), 'COUNTED');
      await t.videos.updateMetadata(v.id, { title: 'Renamed' });
      await t.videos.markReady(v.id, { durationMs: stale!.durationMs!, width: 1, height: 1, renditions: [] });
      assert.equal((await t.counts(v.id)).viewCount, 1);
    });
  });
}
