import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VideoStatus, Visibility } from '@wetube/catalog';
import type { AuthUser } from '@wetube/identity';
import { databaseMatrix, libraryTestDb, LibraryTestDb } from '../library.test-db';
import { ITEMS_MAX, PLAYLISTS_MAX } from './playlist.rules';
import type { PlaylistRecord } from './playlists.repository';
import type { PlaylistResult } from './playlists.service';

function ok(r: PlaylistResult): PlaylistRecord {
  if (!r.ok) assert.fail(`expected success, got ${JSON.stringify(r.errors)}`);
  return r.playlist;
}

function codes(r: PlaylistResult | { ok: boolean; errors?: { code: string }[] }): string[] {
  return r.ok ? [] : (r as { errors: { code: string }[] }).errors.map((e) => e.code);
}

for (const db of databaseMatrix()) {
  describe(`PlaylistsService (${db})`, () => {
    let t: LibraryTestDb;
    let owner: AuthUser;
    let other: AuthUser;
    let creator: AuthUser;

    /** The playlist's video ids in order, and that positions are exactly 0..n-1 and the count matches. */
    async function order(id: string): Promise<string[]> {
      const rows = await t.db.query(`SELECT video_id, position FROM playlist_items WHERE playlist_id = ? ORDER BY position`, [id]);
      assert.deepEqual(
        rows.map((r) => Number(r.position)),
        rows.map((_, i) => i),
        'positions are dense',
      );
      const [p] = await t.db.query(`SELECT item_count FROM playlists WHERE id = ?`, [id]);
      assert.equal(Number(p.item_count), rows.length, 'item_count is exact');
      return rows.map((r) => String(r.video_id));
    }

    async function videos(n: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push((await t.video(creator.id)).id);
      return ids;
    }

    before(async () => {
      t = await libraryTestDb(db);
      owner = await t.user('Owner');
      other = await t.user('Other');
      creator = await t.user('Creator');
    });
    after(async () => t?.close());

    it('creates playlists with checked details (PRIVATE by default)', async () => {
      const p = ok(await t.playlists.create(owner, { title: '  Road   trip ', description: ' songs ' }));
      assert.equal(p.title, 'Road trip');
      assert.equal(p.description, 'songs');
      assert.equal(p.visibility, 'PRIVATE');
      assert.deepEqual(codes(await t.playlists.create(owner, { title: '   ' })), ['TITLE_REQUIRED']);
      assert.deepEqual(codes(await t.playlists.create(owner, { title: 'x'.repeat(151) })), ['TITLE_TOO_LONG']);
      assert.ok((await t.playlists.create(owner, { title: 'é'.repeat(150) })).ok, '150 characters (not bytes) is fine');
      assert.deepEqual(codes(await t.playlists.create(owner, { title: 'a\u0007b' })), ['TITLE_INVALID']);
      assert.deepEqual(codes(await t.playlists.create(owner, { title: 'ok', description: 'd'.repeat(5001) })), ['DESCRIPTION_TOO_LONG']);
      assert.deepEqual(codes(await t.playlists.create(owner, { title: 'ok', visibility: 'SECRET' })), ['VISIBILITY_INVALID']);
      const withVideo = ok(await t.playlists.create(owner, { title: 'One', visibility: 'PUBLIC', videoId: (await videos(1))[0] }));
      assert.equal(withVideo.itemCount, 1);
      assert.deepEqual(codes(await t.playlists.create(owner, { title: 'Bad', videoId: 'nope' })), ['NOT_FOUND']);
      const updated = ok(await t.playlists.update(owner, p.id, { title: 'Road trip 2', visibility: 'UNLISTED' }));
      assert.equal(updated.title, 'Road trip 2');
      assert.equal((await t.playlists.find(p.id, null))!.visibility, 'UNLISTED');
    });

    it('Watch later: one per account even when first used at once, PRIVATE, never renamed or deleted', async () => {
      const u = await t.user();
      const made = await Promise.all(Array.from({ length: 6 }, () => t.playlists.watchLater(u)));
      assert.equal(new Set(made.map((p) => p.id)).size, 1);
      const wl = made[0];
      assert.equal(wl.title, 'Watch later');
      assert.equal(wl.visibility, 'PRIVATE');
      assert.deepEqual(codes(await t.playlists.update(u, wl.id, { title: 'Mine' })), ['BUILT_IN_PLAYLIST']);
      assert.deepEqual(codes(await t.playlists.update(u, wl.id, { visibility: 'PUBLIC' })), ['BUILT_IN_PLAYLIST']);
      assert.deepEqual(codes(await t.playlists.delete(u, wl.id)), ['BUILT_IN_PLAYLIST']);
      ok(await t.playlists.create(u, { title: 'Later made' }));
      const mine = await t.playlists.mine(u);
      assert.deepEqual(
        mine.map((p) => p.title),
        ['Watch later', 'Later made'],
      );
      assert.equal(await t.playlists.find(wl.id, other), null, "nobody else sees someone's Watch later");
      const [v] = await videos(1);
      ok(await t.playlists.add(u, wl.id, v));
      assert.deepEqual(await t.playlists.idsHolding(u, v), [wl.id]);
    });

    it('adds to the end (once), removes and moves keeping positions dense', async () => {
      const p = ok(await t.playlists.create(owner, { title: 'Order' }));
      const [a, b, c, d] = await videos(4);
      for (const v of [a, b, c, d]) ok(await t.playlists.add(owner, p.id, v));
      assert.equal(ok(await t.playlists.add(owner, p.id, b)).itemCount, 4, 'adding again changes nothing');
      assert.deepEqual(await order(p.id), [a, b, c, d]);
      ok(await t.playlists.move(owner, p.id, d, 0));
      assert.deepEqual(await order(p.id), [d, a, b, c]);
      ok(await t.playlists.move(owner, p.id, d, 3));
      assert.deepEqual(await order(p.id), [a, b, c, d]);
      ok(await t.playlists.move(owner, p.id, a, 2));
      assert.deepEqual(await order(p.id), [b, c, a, d]);
      assert.deepEqual(codes(await t.playlists.move(owner, p.id, a, 4)), ['BAD_POSITION']);
      assert.deepEqual(codes(await t.playlists.move(owner, p.id, a, -1)), ['BAD_POSITION']);
      assert.deepEqual(codes(await t.playlists.move(owner, p.id, a, 1.5)), ['BAD_POSITION']);
      const [stranger] = await videos(1);
      assert.deepEqual(codes(await t.playlists.move(owner, p.id, stranger, 0)), ['NOT_IN_PLAYLIST']);
      assert.equal(ok(await t.playlists.remove(owner, p.id, c)).itemCount, 3);
      assert.deepEqual(await order(p.id), [b, a, d]);
      assert.equal(ok(await t.playlists.remove(owner, p.id, c)).itemCount, 3, 'removing again changes nothing');
      const page1 = await t.playlists.items((await t.playlists.find(p.id, owner))!, owner, 2, -1);
      assert.deepEqual(
        page1.items.map((i) => i.item.videoId),
        [b, a],
      );
      assert.equal(page1.hasNextPage, true);
      const page2 = await t.playlists.items((await t.playlists.find(p.id, owner))!, owner, 2, page1.items[1].item.position);
      assert.deepEqual(
        page2.items.map((i) => i.item.videoId),
        [d],
      );
    });

    it('stays dense and exact under concurrent adds, moves and removes', async () => {
      const p = ok(await t.playlists.create(owner, { title: 'Busy' }));
      const ids = await videos(24);
      await Promise.all(ids.map((v) => t.playlists.add(owner, p.id, v)));
      assert.deepEqual(new Set(await order(p.id)), new Set(ids));
      // Moves, removes and more adds at the same time.
      const extra = await videos(4);
      const results = await Promise.all([
        ...ids.slice(0, 8).map((v, i) => t.playlists.move(owner, p.id, v, (i * 7) % 20)),
        ...ids.slice(8, 14).map((v) => t.playlists.remove(owner, p.id, v)),
        ...extra.map((v) => t.playlists.add(owner, p.id, v)),
        ...ids.slice(14, 18).map((v) => t.playlists.move(owner, p.id, v, 0)),
      ]);
      for (const r of results) assert.ok(r.ok || codes(r).join() === 'BAD_POSITION', JSON.stringify(r));
      const final = await order(p.id);
      assert.equal(final.length, 24 - 6 + 4);
      assert.deepEqual(new Set(final), new Set([...ids.slice(0, 8), ...ids.slice(14), ...extra]));
    });

    it(`refuses item ${ITEMS_MAX + 1} and playlist ${PLAYLISTS_MAX + 1}`, async () => {
      const u = await t.user();
      const p = ok(await t.playlists.create(u, { title: 'Full' }));
      // Fill it to the limit directly (5,000 adds one by one would only test the loop).
      const fill = Array.from({ length: ITEMS_MAX }, (_, i) => i);
      for (let i = 0; i < fill.length; i += 500) {
        const chunk = fill.slice(i, i + 500);
        await t.db.query(
          `INSERT INTO playlist_items (playlist_id, video_id, position, added_at) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((n) => [p.id, `gone-${n}`, n, t.db.dialect.time(new Date())]),
        );
      }
      await t.db.query(`UPDATE playlists SET item_count = ? WHERE id = ?`, [ITEMS_MAX, p.id]);
      const [v] = await videos(1);
      assert.deepEqual(codes(await t.playlists.add(u, p.id, v)), ['PLAYLIST_FULL']);
      ok(await t.playlists.remove(u, p.id, 'gone-0'));
      ok(await t.playlists.add(u, p.id, v));
      assert.equal((await t.playlists.find(p.id, u))!.itemCount, ITEMS_MAX);
      for (let i = 1; i < PLAYLISTS_MAX; i++) ok(await t.playlists.create(u, { title: `P${i}` }));
      assert.deepEqual(codes(await t.playlists.create(u, { title: 'One too many' })), ['PLAYLIST_LIMIT']);
      await t.playlists.watchLater(u);
      assert.deepEqual(codes(await t.playlists.create(u, { title: 'Still too many' })), ['PLAYLIST_LIMIT']);
    });

    it("someone else's playlist: NOT_FOUND when private, FORBIDDEN when they can see it; private stays private", async () => {
      const [v, w] = await videos(2);
      const pub = ok(await t.playlists.create(owner, { title: 'Shared', visibility: 'PUBLIC', videoId: v }));
      const priv = ok(await t.playlists.create(owner, { title: 'Diary', visibility: 'PRIVATE', videoId: v }));
      const unl = ok(await t.playlists.create(owner, { title: 'Link only', visibility: 'UNLISTED' }));
      assert.ok(await t.playlists.find(pub.id, null));
      assert.ok(await t.playlists.find(unl.id, other), 'unlisted by id');
      assert.equal(await t.playlists.find(priv.id, other), null);
      assert.equal(await t.playlists.find(priv.id, null), null);
      for (const [p, code] of [
        [pub, 'FORBIDDEN'],
        [unl, 'FORBIDDEN'],
        [priv, 'NOT_FOUND'],
      ] as const) {
        assert.deepEqual(codes(await t.playlists.add(other, p.id, w)), [code], `add to ${p.title}`);
        assert.deepEqual(codes(await t.playlists.remove(other, p.id, v)), [code], `remove from ${p.title}`);
        assert.deepEqual(codes(await t.playlists.move(other, p.id, v, 0)), [code], `move in ${p.title}`);
        assert.deepEqual(codes(await t.playlists.update(other, p.id, { title: 'Mine now' })), [code], `rename ${p.title}`);
        assert.deepEqual(codes(await t.playlists.delete(other, p.id)), [code], `delete ${p.title}`);
      }
      assert.equal((await t.playlists.find(pub.id, owner))!.title, 'Shared');
      assert.deepEqual(await order(pub.id), [v]);
      const lists = async (viewer: AuthUser | null) => (await t.playlists.playlistsOf(owner.id, viewer)).map((p) => p.visibility);
      assert.ok((await lists(other)).every((vis) => vis === 'PUBLIC'));
      assert.ok((await lists(null)).every((vis) => vis === 'PUBLIC'));
      assert.ok((await lists(owner)).includes('PRIVATE'), 'the owner lists all of theirs');
    });

    it("marks items the viewer may not watch unavailable, and never adds someone else's private video", async () => {
      const mine = await t.video(owner.id, { visibility: Visibility.PRIVATE });
      const [pub] = await videos(1);
      const theirs = await t.video(creator.id, { visibility: Visibility.PRIVATE });
      const p = ok(await t.playlists.create(owner, { title: 'Mixed', visibility: 'PUBLIC', videoId: mine.id }));
      ok(await t.playlists.add(owner, p.id, pub));
      assert.deepEqual(codes(await t.playlists.add(owner, p.id, theirs.id)), ['NOT_FOUND']);
      const asOwner = await t.playlists.items(p, owner, 10, -1);
      assert.deepEqual(
        asOwner.items.map((i) => i.video?.id ?? null),
        [mine.id, pub],
      );
      const asOther = await t.playlists.items(p, other, 10, -1);
      assert.deepEqual(
        asOther.items.map((i) => i.video?.id ?? null),
        [null, pub],
        "the owner's private video is unavailable to others",
      );
      await t.setVideo(pub, { status: VideoStatus.FAILED });
      assert.equal((await t.playlists.items(p, null, 10, -1)).items[1].video, null);
      await t.ds.query(t.db.dialect.placeholders(`DELETE FROM videos WHERE id = ?`), [pub]);
      const afterDelete = await t.playlists.items(p, owner, 10, -1);
      assert.deepEqual(
        afterDelete.items.map((i) => [i.item.position, i.video?.id ?? null]),
        [
          [0, mine.id],
          [1, null],
        ],
        'a deleted video stays as unavailable; the order stays dense',
      );
    });
  });
}
