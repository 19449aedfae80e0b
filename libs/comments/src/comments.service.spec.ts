import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VideoEntity, Visibility } from '@wetube/catalog';
import { AuthUser, Role } from '@wetube/identity';
import { RateLimiterFactory } from '@wetube/platform';
import { COMMENT_MAX_CHARS } from './comment-body';
import { commentCursor, commentPosition } from './comment.cursor';
import type { CommentPosition } from './comments.repository';
import { CommentResult, CommentsService, CommentView } from './comments.service';
import { commentsTestDb, CommentsTestDb, databaseMatrix } from './comments.test-db';

/** A few milliseconds, so comments made one after the other have distinct times (NEWEST order). */
const later = () => new Promise((r) => setTimeout(r, 3));

function ok(r: CommentResult): CommentView {
  assert.ok(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.message}`);
  return r.comment;
}
function refused(r: { ok: boolean; error?: { code: string } } & object, code: string): void {
  assert.equal(r.ok, false, `expected ${code}`);
  assert.equal((r as { error: { code: string } }).error.code, code);
}

for (const db of databaseMatrix()) {
  describe(`comments on ${db} (service over the real database)`, () => {
    let t: CommentsTestDb;
    let owner: AuthUser;
    let alice: AuthUser;
    let bob: AuthUser;
    let admin: AuthUser;
    let video: VideoEntity;

    const threads = async (viewer: AuthUser | null, sort: 'NEWEST' | 'TOP' = 'NEWEST', v: VideoEntity = video, first = 50) =>
      t.service.listThreads(v, viewer, sort, first, null);
    const bodies = (p: { items: CommentView[] }) => p.items.map((c) => (c.deletedAt ? '[deleted]' : c.body));

    before(async () => {
      t = await commentsTestDb(db, { perMinute: 1000, perDay: 1000 });
      owner = await t.user('Olga Owner');
      alice = await t.user('Alice');
      bob = await t.user('Bob');
      admin = await t.user('Ada Admin', [Role.ADMIN]);
    });
    after(async () => t?.close());

    it('adds top-level comments as plain, trimmed text, newest first; 1–10,000 characters', async () => {
      video = await t.video(owner);
      const first = ok(await t.service.addComment(video.id, '  First!\r\nSecond line  ', alice));
      assert.equal(first.body, 'First!\nSecond line');
      assert.equal(first.viewerIsAuthor, true);
      assert.equal(first.viewerCanEdit, true);
      await later();
      const html = ok(await t.service.addComment(video.id, '<script>window.__xss=1</script>', bob));
      assert.equal(html.body, '<script>window.__xss=1</script>', 'stored as typed: the web renders text');
      refused(await t.service.addComment(video.id, '   \n\t ', alice), 'BODY_EMPTY');
      await later();
      const long = await t.service.addComment(video.id, 'x'.repeat(COMMENT_MAX_CHARS + 1), alice);
      refused(long, 'BODY_TOO_LONG');
      assert.match((long as { error: { message: string } }).error.message, /10,000 characters; this one has 10,001/);
      ok(await t.service.addComment(video.id, 'é'.repeat(COMMENT_MAX_CHARS), alice));
      refused(await t.service.addComment('no-such-video', 'hi', alice), 'NOT_FOUND');
      const page = await threads(null);
      assert.equal(page.totalCount, 3);
      assert.deepEqual(bodies(page).slice(1), ['<script>window.__xss=1</script>', 'First!\nSecond line']);
      assert.equal(page.items[0].viewerCanEdit, false, 'anonymous may not edit');
      assert.equal((await t.service.countPublic([video.id])).get(video.id), 3);
    });

    it('replies are one level deep: a reply to a reply joins the top-level thread; TOP sorts by replies', async () => {
      video = await t.video(owner);
      const quiet = ok(await t.service.addComment(video.id, 'quiet thread', alice));
      await later();
      const busy = ok(await t.service.addComment(video.id, 'busy thread', bob));
      await later();
      const newest = ok(await t.service.addComment(video.id, 'newest thread', alice));
      const r1 = ok(await t.service.replyToComment(busy.id, 'reply one', alice));
      await later();
      const r2 = ok(await t.service.replyToComment(r1.id, 'reply to the reply', owner));
      assert.equal(r1.parentId, busy.id);
      assert.equal(r2.parentId, busy.id, 'attached to the top-level comment');
      assert.equal(r2.authorIsVideoOwner, true);
      ok(await t.service.replyToComment(quiet.id, 'only reply', bob));
      refused(await t.service.replyToComment('nope', 'x', bob), 'NOT_FOUND');
      assert.deepEqual(bodies(await threads(bob, 'NEWEST')), ['newest thread', 'busy thread', 'quiet thread']);
      const top = await threads(bob, 'TOP');
      assert.deepEqual(bodies(top), ['busy thread', 'quiet thread', 'newest thread']);
      assert.deepEqual(
        top.items.map((c) => c.visibleReplies),
        [2, 1, 0],
      );
      const busyView = top.items[0];
      const replies = await t.service.listReplies(busyView, 10, null);
      assert.deepEqual(bodies(replies), ['reply one', 'reply to the reply'], 'oldest first');
      assert.equal((await t.service.listReplies(replies.items[0], 10, null)).items.length, 0, 'a reply has no replies');
      assert.equal((await t.service.countPublic([video.id])).get(video.id), 6);
      assert.equal(newest.visibleReplies, 0);
    });

    it('likes: one per account, idempotent, taken back; TOP puts the most liked first; not on what one cannot see', async () => {
      video = await t.video(owner);
      const a = ok(await t.service.addComment(video.id, 'many replies', alice));
      await later();
      const b = ok(await t.service.addComment(video.id, 'well liked', bob));
      ok(await t.service.replyToComment(a.id, 'r1', bob));
      ok(await t.service.replyToComment(a.id, 'r2', owner));
      const l1 = ok(await t.service.setLiked(b.id, true, alice));
      assert.equal(l1.likeCount, 1);
      assert.equal(l1.viewerLiked, true);
      assert.equal(ok(await t.service.setLiked(b.id, true, alice)).likeCount, 1, 'liking twice counts once');
      ok(await t.service.setLiked(b.id, true, owner));
      assert.deepEqual(bodies(await threads(null, 'TOP')), ['well liked', 'many replies']);
      const forAlice = await threads(alice, 'TOP');
      assert.deepEqual(
        forAlice.items.map((c) => [c.likeCount, c.viewerLiked]),
        [
          [2, true],
          [0, false],
        ],
      );
      assert.equal((await threads(null, 'TOP')).items[0].viewerLiked, false);
      const un = ok(await t.service.setLiked(b.id, false, alice));
      assert.deepEqual([un.likeCount, un.viewerLiked], [1, false]);
      assert.equal(ok(await t.service.setLiked(b.id, false, alice)).likeCount, 1, 'unliking twice counts once');
      ok(await t.service.setLiked(b.id, false, owner));
      assert.deepEqual(bodies(await threads(null, 'TOP')), ['many replies', 'well liked'], 'then replies decide');
      ok(await t.service.setHidden(a.id, true, owner));
      refused(await t.service.setLiked(a.id, true, bob), 'NOT_FOUND');
      const priv = await t.video(owner, { visibility: Visibility.PRIVATE });
      const p = ok(await t.service.addComment(priv.id, 'private', owner));
      refused(await t.service.setLiked(p.id, true, alice), 'NOT_FOUND');
    });

    it('pages with keyset cursors in both orders, and a cursor of another list is refused', async () => {
      video = await t.video(owner);
      for (let i = 0; i < 5; i++) ok(await t.service.addComment(video.id, `c${i}`, i % 2 ? alice : bob));
      const some = await threads(null);
      // TOP: likes first, then the ties by time. Found by its text: comments added within one
      // millisecond have no time order between them, so a position in NEWEST may not be c1.
      const c1 = some.items.find((c) => c.body === 'c1')!;
      ok(await t.service.setLiked(c1.id, true, owner));
      assert.equal(bodies(await threads(null, 'TOP'))[0], 'c1');
      const all = await threads(null, 'NEWEST');
      for (const sort of ['NEWEST', 'TOP'] as const) {
        const seen: string[] = [];
        let after: CommentPosition | null = null;
        for (let guard = 0; guard < 10; guard++) {
          const page = await t.service.listThreads(video, null, sort, 2, after);
          seen.push(...bodies(page));
          if (!page.hasNextPage) break;
          after = commentPosition(commentCursor(page.items.at(-1)!, sort), sort);
        }
        assert.deepEqual(seen, bodies(await threads(null, sort)), `${sort} pages cover every comment once, in order`);
      }
      const cursor = commentCursor(all.items[0], 'NEWEST');
      assert.throws(() => commentPosition(cursor, 'TOP'), /"after" is not a cursor of this list/);
      assert.throws(() => commentPosition('garbage', 'REPLIES'), /"after" is not a cursor/);
    });

    it('only the author edits (marked edited); others are refused, someone else’s hidden comment is not found', async () => {
      video = await t.video(owner);
      const c = ok(await t.service.addComment(video.id, 'tpyo', alice));
      assert.equal(c.editedAt, null);
      const e = ok(await t.service.editComment(c.id, 'typo fixed', alice));
      assert.equal(e.body, 'typo fixed');
      assert.ok(e.editedAt instanceof Date);
      refused(await t.service.editComment(c.id, 'hijack', bob), 'FORBIDDEN');
      refused(await t.service.editComment(c.id, 'owner edit', owner), 'FORBIDDEN');
      refused(await t.service.editComment(c.id, '  ', alice), 'BODY_EMPTY');
      ok(await t.service.setHidden(c.id, true, owner));
      refused(await t.service.editComment(c.id, 'hijack', bob), 'NOT_FOUND');
      ok(await t.service.editComment(c.id, 'still mine', alice));
      const stored = await t.repo.findById(c.id);
      assert.equal(stored!.body, 'still mine');
    });

    it('delete: the author or the video owner; a thread with replies stays as [deleted] until its last reply goes', async () => {
      video = await t.video(owner);
      const lone = ok(await t.service.addComment(video.id, 'lonely', alice));
      const parent = ok(await t.service.addComment(video.id, 'parent', alice));
      const reply = ok(await t.service.replyToComment(parent.id, 'child', bob));
      refused(await t.service.deleteComment(lone.id, bob), 'FORBIDDEN');
      assert.deepEqual(await t.service.deleteComment(lone.id, alice), { ok: true, deletedCommentId: lone.id });
      assert.equal(await t.repo.findById(lone.id), null, 'without replies it disappears');
      assert.equal((await t.service.deleteComment(parent.id, alice)).ok, true);
      const p = await threads(bob);
      assert.deepEqual(bodies(p), ['[deleted]']);
      assert.equal(p.items[0].body, '', 'the text is erased');
      assert.equal(p.items[0].viewerCanDelete, false);
      assert.equal(p.items[0].visibleReplies, 1);
      assert.equal((await t.service.countPublic([video.id])).get(video.id), 1, 'the placeholder is not counted');
      refused(await t.service.replyToComment(parent.id, 'late', bob), 'NOT_FOUND');
      refused(await t.service.editComment(parent.id, 'back', alice), 'NOT_FOUND');
      // The video's owner deletes someone else's reply: the last one, so the placeholder goes too.
      assert.equal((await t.service.deleteComment(reply.id, owner)).ok, true);
      assert.equal(await t.repo.findById(parent.id), null);
      assert.deepEqual(bodies(await threads(owner)), []);
      const other = ok(await t.service.addComment(video.id, 'admin removes this', bob));
      assert.equal((await t.service.deleteComment(other.id, admin)).ok, true, 'admins moderate too');
    });

    it('hidden: seen by its author and the video owner only; not counted; only the owner hides and unhides', async () => {
      video = await t.video(owner);
      const rude = ok(await t.service.addComment(video.id, 'rude', bob));
      await later();
      const nice = ok(await t.service.addComment(video.id, 'nice', alice));
      const rudeReply = ok(await t.service.replyToComment(nice.id, 'rude reply', bob));
      refused(await t.service.setHidden(rude.id, true, alice), 'FORBIDDEN');
      refused(await t.service.setHidden(rude.id, true, bob), 'FORBIDDEN');
      const h = ok(await t.service.setHidden(rude.id, true, owner));
      assert.ok(h.hiddenAt);
      ok(await t.service.setHidden(rudeReply.id, true, owner));
      assert.deepEqual(bodies(await threads(null)), ['nice']);
      assert.deepEqual(bodies(await threads(alice)), ['nice']);
      assert.deepEqual(bodies(await threads(bob)), ['nice', 'rude'], 'the author still sees it');
      assert.deepEqual(bodies(await threads(owner)), ['nice', 'rude']);
      const niceForAlice = (await threads(alice)).items[0];
      assert.equal(niceForAlice.visibleReplies, 0);
      assert.deepEqual(bodies(await t.service.listReplies(niceForAlice, 10, null)), []);
      const niceForBob = (await threads(bob)).items[0];
      assert.deepEqual(bodies(await t.service.listReplies(niceForBob, 10, null)), ['rude reply']);
      assert.equal((await t.service.countPublic([video.id])).get(video.id), 1);
      refused(await t.service.replyToComment(rude.id, 'me too', alice), 'NOT_FOUND');
      refused(await t.service.deleteComment(rude.id, alice), 'NOT_FOUND');
      ok(await t.service.setHidden(rude.id, false, owner));
      ok(await t.service.setHidden(rudeReply.id, false, owner));
      assert.deepEqual(bodies(await threads(alice)), ['nice', 'rude']);
      assert.equal((await threads(alice)).items[0].visibleReplies, 1);
      assert.equal((await t.service.countPublic([video.id])).get(video.id), 3);
    });

    it('a private video: closed and never listed for others; unlisted is open by link', async () => {
      const priv = await t.video(owner, { visibility: Visibility.PRIVATE });
      const c = ok(await t.service.addComment(priv.id, 'note to self', owner));
      refused(await t.service.addComment(priv.id, 'let me in', alice), 'NOT_FOUND');
      refused(await t.service.replyToComment(c.id, 'let me in', alice), 'NOT_FOUND');
      refused(await t.service.editComment(c.id, 'x', alice), 'NOT_FOUND');
      refused(await t.service.deleteComment(c.id, alice), 'NOT_FOUND');
      refused(await t.service.setHidden(c.id, true, alice), 'NOT_FOUND');
      assert.deepEqual((await threads(alice, 'NEWEST', priv)).items, []);
      assert.deepEqual((await threads(null, 'TOP', priv)).items, []);
      assert.deepEqual(bodies(await threads(owner, 'NEWEST', priv)), ['note to self']);
      const unlisted = await t.video(owner, { visibility: Visibility.UNLISTED });
      ok(await t.service.addComment(unlisted.id, 'found it by link', alice));
      assert.deepEqual(bodies(await threads(null, 'NEWEST', unlisted)), ['found it by link']);
    });
  });

  describe(`comment rate limit on ${db}`, () => {
    let t: CommentsTestDb;
    before(async () => {
      t = await commentsTestDb(db, { perMinute: 3, perDay: 100 });
    });
    after(async () => t?.close());

    it('per account: the minute limit, with RATE_LIMITED naming the wait; other accounts unaffected', async () => {
      const owner = await t.user('Owner');
      const spammer = await t.user('Spammer');
      const v = await t.video(owner);
      for (let i = 0; i < 3; i++) ok(await t.service.addComment(v.id, `spam ${i}`, spammer));
      const r = await t.service.replyToComment((await t.service.listThreads(v, null, 'NEWEST', 1, null)).items[0].id, 'more', spammer);
      refused(r, 'RATE_LIMITED');
      assert.match((r as { error: { message: string } }).error.message, /too fast \(at most 3 comments in a minute\); try again in \d+ s/);
      ok(await t.service.addComment(v.id, 'I am fine', owner));
      refused(await t.service.addComment(v.id, '', spammer), 'BODY_EMPTY');
    });

    it('per account: the day limit', async () => {
      const daily = new CommentsService(t.repo, t.videos, RateLimiterFactory.inMemory(), { perMinute: 100, perDay: 2 });
      const owner = await t.user('Owner 2');
      const chatty = await t.user('Chatty');
      const v = await t.video(owner);
      ok(await daily.addComment(v.id, 'one', chatty));
      ok(await daily.addComment(v.id, 'two', chatty));
      const r = await daily.addComment(v.id, 'three', chatty);
      refused(r, 'RATE_LIMITED');
      assert.match((r as { error: { message: string } }).error.message, /at most 2 comments in a day\); try again in \d+ h/);
    });
  });
}
