import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VideoStatus, Visibility } from '@wetube/catalog';
import type { AuthUser } from '@wetube/identity';
import { databaseMatrix, engagementTestDb, type EngagementTestDb } from '../engagement.test-db';
import { VideoRating } from './video-rating';

const { LIKE, DISLIKE, NONE } = VideoRating;

for (const kind of databaseMatrix()) {
  describe(`likes and dislikes: one per account, changeable, counts exact (${kind})`, () => {
    let t: EngagementTestDb;
    let owner: AuthUser;
    const account = async (name: string): Promise<AuthUser> => ({ id: await t.user(name), roles: [] });
    const rate = async (who: AuthUser, videoId: string, rating: VideoRating) => {
      const r = await t.ratings.rate(who, videoId, rating);
      assert.ok(r.ok, JSON.stringify(r));
      return r;
    };

    before(async () => {
      t = await engagementTestDb(kind);
      owner = await account('Owner');
    });
    after(async () => t?.close());

    it('likes, switches to a dislike, removes it; a repeat changes nothing', async () => {
      const v = await t.video({ ownerId: owner.id });
      const fan = await account('Fan');
      let r = await rate(fan, v.id, LIKE);
      assert.deepEqual(r.counts, { likeCount: 1, dislikeCount: 0 });
      assert.equal(r.video.likeCount, 1, 'the video read after the change carries the counts');
      assert.equal(r.rating, LIKE);
      r = await rate(fan, v.id, LIKE);
      assert.deepEqual(r.counts, { likeCount: 1, dislikeCount: 0 }, 'liking twice is one like');
      r = await rate(fan, v.id, DISLIKE);
      assert.deepEqual(r.counts, { likeCount: 0, dislikeCount: 1 });
      assert.deepEqual(await t.ratings.ratingsOf(fan.id, [v.id]), [DISLIKE]);
      r = await rate(fan, v.id, NONE);
      assert.deepEqual(r.counts, { likeCount: 0, dislikeCount: 0 });
      assert.deepEqual(await t.ratings.ratingsOf(fan.id, [v.id]), [NONE]);
      r = await rate(fan, v.id, NONE);
      assert.deepEqual(r.counts, { likeCount: 0, dislikeCount: 0 }, 'removing no rating is a no-op');
      assert.deepEqual(await t.counts(v.id), { viewCount: 0, likeCount: 0, dislikeCount: 0 });
    });

    it('who may watch may rate: public and unlisted by anyone, private by its owner only, nothing unfinished', async () => {
      const stranger = await account('Stranger');
      const priv = await t.video({ ownerId: owner.id, visibility: Visibility.PRIVATE });
      const unlisted = await t.video({ ownerId: owner.id, visibility: Visibility.UNLISTED });
      const processing = await t.video({ ownerId: owner.id, status: VideoStatus.PROCESSING });
      const refused = await t.ratings.rate(stranger, priv.id, LIKE);
      assert.equal(refused.ok, false);
      assert.equal(!refused.ok && refused.error.code, 'NOT_FOUND', 'a private video of another is as missing as one that does not exist');
      assert.deepEqual(await t.counts(priv.id), { viewCount: 0, likeCount: 0, dislikeCount: 0 });
      assert.equal((await rate(owner, priv.id, LIKE)).counts.likeCount, 1, 'the owner may');
      assert.equal((await rate(stranger, unlisted.id, DISLIKE)).counts.dislikeCount, 1, 'unlisted by link');
      const missing = await t.ratings.rate(stranger, '00000000-0000-4000-8000-00000000dead', LIKE);
      assert.equal(!missing.ok && missing.error.code, 'NOT_FOUND');
      const notReady = await t.ratings.rate(owner, processing.id, LIKE);
      assert.equal(!notReady.ok && notReady.error.code, 'NOT_READY');
      const bad = await t.ratings.rate(owner, unlisted.id, 'LOVE' as VideoRating);
      assert.equal(!bad.ok && bad.error.code, 'INVALID_RATING');
    });

    it('counts stay exact under concurrent changes by many accounts and by one', async () => {
      const v = await t.video({ ownerId: owner.id });
      const fans = await Promise.all(Array.from({ length: 12 }, (_, i) => account(`Fan ${i}`)));
      await Promise.all(fans.map((f) => rate(f, v.id, LIKE)));
      assert.deepEqual(await t.counts(v.id), { viewCount: 0, likeCount: 12, dislikeCount: 0 });
      // Every fan changes their mind at once: a third dislike, a third remove, a third like again.
      await Promise.all(fans.map((f, i) => rate(f, v.id, [DISLIKE, NONE, LIKE][i % 3])));
      assert.deepEqual(await t.counts(v.id), { viewCount: 0, likeCount: 4, dislikeCount: 4 });
      // One account clicking fast: every change at once, in no order.
      const clicker = fans[0];
      await Promise.all([LIKE, DISLIKE, NONE, LIKE, DISLIKE, LIKE, NONE, DISLIKE].map((r) => rate(clicker, v.id, r)));
      const rows = await t.ratingRows.countRows(v.id);
      const stored = await t.counts(v.id);
      assert.deepEqual({ likeCount: stored.likeCount, dislikeCount: stored.dislikeCount }, rows, 'the counters equal the rows');
      const [mine] = await t.ratings.ratingsOf(clicker.id, [v.id]);
      // Fans 1..11: likes from 2, 5, 8, 11; dislikes from 3, 6, 9; plus whatever the clicker's last change was.
      assert.deepEqual(rows, { likeCount: 4 + (mine === LIKE ? 1 : 0), dislikeCount: 3 + (mine === DISLIKE ? 1 : 0) });
    });

    it("reads one account's ratings of many videos at once", async () => {
      const reader = await account('Reader');
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => t.video({ ownerId: owner.id })));
      await rate(reader, a.id, LIKE);
      await rate(reader, c.id, DISLIKE);
      assert.deepEqual(await t.ratings.ratingsOf(reader.id, [c.id, b.id, a.id]), [DISLIKE, NONE, LIKE]);
      assert.deepEqual(await t.ratings.ratingsOf(owner.id, [a.id]), [NONE], "another account's view");
    });

    it('a flood of rating changes by one account is held back', async () => {
      const v = await t.video({ ownerId: owner.id });
      const bot = await account('Bot');
      const results = [];
      for (let i = 0; i < 35; i++) results.push(await t.ratings.rate(bot, v.id, i % 2 ? LIKE : DISLIKE));
      const limited = results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED');
      assert.equal(limited.length, 5, 'past 30 changes in the window');
      assert.deepEqual(await t.ratingRows.countRows(v.id), {
        likeCount: (await t.counts(v.id)).likeCount,
        dislikeCount: (await t.counts(v.id)).dislikeCount,
      });
    });
  });
}
