import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VideoStatus, Visibility } from '@wetube/catalog';
import { ChannelsTestDb, channelsTestDb, codes, databaseMatrix } from './channels.test-db';

for (const kind of databaseMatrix()) {
  describe(`channels and subscriptions on ${kind}`, () => {
    let t: ChannelsTestDb;
    before(async () => {
      t = await channelsTestDb(kind);
    });
    after(async () => t?.close());

    it('makes a channel on first use, with a unique handle from the display name', async () => {
      const a = await t.user('Marta Films');
      const b = await t.user('marta films');
      const ca = await t.channels.ensureFor(a);
      const cb = await t.channels.ensureFor(b);
      assert.equal(ca?.handle, 'martafilms');
      assert.match(cb!.handle, /^martafilms-\d+$/);
      assert.equal(cb?.displayName, 'marta films');
      assert.equal((await t.channels.ensureFor(a))?.handle, 'martafilms', 'the same channel the second time');
      assert.equal(await t.channels.ensureFor('00000000-0000-0000-0000-000000000000'), null);
      const both = await Promise.all([t.user('Racer'), t.user('Racer')]);
      const made = await Promise.all([...both, ...both].map((id) => t.channels.ensureFor(id)));
      assert.equal(new Set(made.map((c) => c!.handle)).size, 2, 'concurrent first uses make one channel per user');
    });

    it('finds a channel by handle in any case, with or without @', async () => {
      const id = await t.user('Case Study');
      await t.channels.ensureFor(id);
      for (const h of ['casestudy', '@CaseStudy', ' CASESTUDY ']) assert.equal((await t.channels.findByHandle(h))?.userId, id, h);
      assert.equal(await t.channels.findByHandle('nobody-here'), null);
      assert.equal(await t.channels.findByHandle('<bad handle>'), null);
    });

    it('edits handle, name, description and links; names every problem; a taken handle in any case is refused', async () => {
      const a = await t.user('Editor One');
      const b = await t.user('Editor Two');
      await t.channels.ensureFor(b);
      const ok = await t.channels.update(a, {
        handle: '@Editor.One',
        displayName: 'Editor Prime',
        description: '  Films about editing.  ',
        links: [{ url: 'https://example.com' }],
      });
      assert.ok(ok.ok, JSON.stringify(ok));
      assert.equal(ok.ok && ok.channel.handle, 'editor.one');
      assert.equal(ok.ok && ok.channel.displayName, 'Editor Prime');
      assert.equal(ok.ok && ok.channel.description, 'Films about editing.');
      assert.deepEqual(ok.ok && ok.channel.links, [{ title: 'example.com', url: 'https://example.com/' }]);

      const taken = await t.channels.update(b, { handle: 'EDITOR.ONE' });
      assert.deepEqual(codes(taken), ['HANDLE_TAKEN']);
      const bad = await t.channels.update(b, {
        handle: 'x',
        displayName: '',
        description: 'd'.repeat(1001),
        links: [{ url: 'javascript:alert(1)' }],
      });
      assert.deepEqual(codes(bad), ['HANDLE_INVALID', 'DESCRIPTION_TOO_LONG', 'LINK_INVALID', 'INVALID_DISPLAY_NAME']);
      assert.deepEqual(codes(await t.channels.update(b, { handle: 'admin' })), ['HANDLE_RESERVED']);
      const unchanged = await t.channels.findByHandle('editor.one');
      assert.equal(unchanged?.userId, a, 'a refused edit writes nothing');
    });

    it("keeps search_documents.channel_handle in step with the owner's handle (insert, rename)", async () => {
      const id = await t.user('Search Me');
      const before = await t.video({ ownerId: id, title: 'Indexed before the channel' });
      await t.channels.ensureFor(id);
      const handleOf = async (videoId: string) =>
        (await t.db.query('SELECT channel_handle FROM search_documents WHERE video_id = ?', [videoId]))[0]?.channel_handle;
      assert.equal(await handleOf(before.id), 'searchme');
      const afterIt = await t.video({ ownerId: id, title: 'Indexed after the channel' });
      assert.equal(await handleOf(afterIt.id), 'searchme');
      await t.channels.update(id, { handle: 'found-me' });
      assert.equal(await handleOf(before.id), 'found-me');
      assert.equal(await handleOf(afterIt.id), 'found-me');
    });

    it('subscribes idempotently, never to oneself, counts, and unsubscribes idempotently', async () => {
      const creator = await t.user('Subbed Creator');
      const fan = await t.user('Fan');
      const fan2 = await t.user('Fan Two');
      const channel = (await t.channels.ensureFor(creator))!;
      assert.deepEqual(codes(await t.subs.subscribe(creator, channel.handle)), ['CANNOT_SUBSCRIBE_TO_SELF']);
      assert.deepEqual(codes(await t.subs.subscribe(fan, 'no-such-channel')), ['CHANNEL_NOT_FOUND']);
      assert.equal((await t.subs.subscribe(fan, `@${channel.handle.toUpperCase()}`)).ok, true);
      assert.equal((await t.subs.subscribe(fan, channel.handle)).ok, true, 'again: fine');
      await t.subs.subscribe(fan2, channel.handle);
      assert.equal((await t.subs.subscriberCounts([channel.userId])).get(channel.userId), 2);
      assert.deepEqual([...(await t.subs.subscribedAmong(fan, [channel.userId, fan2]))], [channel.userId]);
      assert.equal((await t.subs.unsubscribe(fan, channel.handle)).ok, true);
      assert.equal((await t.subs.unsubscribe(fan, channel.handle)).ok, true, 'again: fine');
      assert.equal((await t.subs.subscriberCounts([channel.userId])).get(channel.userId), 1);
    });

    it("lists a channel's videos newest or oldest, paged; private, unlisted and unfinished only for the owner", async () => {
      const owner = await t.user('Lister');
      const viewer = await t.user('Viewer');
      const channel = (await t.channels.ensureFor(owner))!;
      const base = Date.parse('2026-01-01T00:00:00Z');
      for (let i = 0; i < 5; i++) await t.video({ ownerId: owner, title: `public ${i}`, createdAt: new Date(base + i * 60_000) });
      await t.video({ ownerId: owner, title: 'private', visibility: Visibility.PRIVATE, createdAt: new Date(base + 10 * 60_000) });
      await t.video({ ownerId: owner, title: 'unlisted', visibility: Visibility.UNLISTED, createdAt: new Date(base + 11 * 60_000) });
      await t.video({ ownerId: owner, title: 'processing', status: VideoStatus.PROCESSING, createdAt: new Date(base + 12 * 60_000) });

      const p1 = await t.subs.channelVideos(channel, viewer, 'NEWEST', 2, null);
      assert.deepEqual(
        p1.items.map((v) => v.title),
        ['public 4', 'public 3'],
      );
      assert.equal(p1.totalCount, 5);
      assert.equal(p1.hasNextPage, true);
      const last = p1.items.at(-1)!;
      const p2 = await t.subs.channelVideos(channel, viewer, 'NEWEST', 10, { createdAt: last.createdAt, id: last.id });
      assert.deepEqual(
        p2.items.map((v) => v.title),
        ['public 2', 'public 1', 'public 0'],
      );
      assert.equal(p2.hasNextPage, false);
      const oldest = await t.subs.channelVideos(channel, null, 'OLDEST', 2, null);
      assert.deepEqual(
        oldest.items.map((v) => v.title),
        ['public 0', 'public 1'],
      );
      const o2 = await t.subs.channelVideos(channel, null, 'OLDEST', 2, { createdAt: oldest.items[1].createdAt, id: oldest.items[1].id });
      assert.deepEqual(
        o2.items.map((v) => v.title),
        ['public 2', 'public 3'],
      );
      const mine = await t.subs.channelVideos(channel, owner, 'NEWEST', 20, null);
      assert.deepEqual(mine.items.map((v) => v.title).slice(0, 3), ['processing', 'unlisted', 'private']);
      assert.equal(mine.totalCount, 8);
      assert.equal((await t.subs.videoCounts([owner])).get(owner), 5, 'the count everyone sees has public ready videos only');
    });

    it('lists a channel most viewed first, keyset-paged over (views, date, id) with ties, nothing hidden leaking', async () => {
      const owner = await t.user('Popular');
      const viewer = await t.user('Counter');
      const channel = (await t.channels.ensureFor(owner))!;
      const base = Date.parse('2026-03-01T00:00:00Z');
      const same = new Date(base + 5 * 60_000);
      // Ties on the count, and on the count and the date both (the id decides).
      const spec: Array<[number, Date]> = [
        [5, new Date(base)],
        [100, new Date(base + 60_000)],
        [5, same],
        [0, new Date(base + 2 * 60_000)],
        [100, new Date(base + 3 * 60_000)],
        [5, same],
        [20, new Date(base + 4 * 60_000)],
        [5, same],
      ];
      const listed: Array<{ id: string; views: number; createdAt: Date }> = [];
      for (const [i, [views, createdAt]] of spec.entries()) {
        const v = await t.video({ ownerId: owner, title: `v${i}`, createdAt });
        await t.db.query('UPDATE videos SET view_count = ? WHERE id = ?', [views, v.id]);
        listed.push({ id: v.id, views, createdAt });
      }
      for (const [views, visibility, status] of [
        [1000, Visibility.PRIVATE, VideoStatus.READY],
        [900, Visibility.UNLISTED, VideoStatus.READY],
        [800, Visibility.PUBLIC, VideoStatus.PROCESSING],
      ] as const) {
        const v = await t.video({ ownerId: owner, title: `hidden ${views}`, visibility, status, createdAt: new Date(base) });
        await t.db.query('UPDATE videos SET view_count = ? WHERE id = ?', [views, v.id]);
      }
      const expected = [...listed]
        .sort((a, b) => b.views - a.views || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .map((v) => v.id);

      const seen: string[] = [];
      let after: { viewCount: number; createdAt: Date; id: string } | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page = await t.subs.channelVideos(channel, viewer, 'MOST_VIEWED', 3, after);
        seen.push(...page.items.map((v) => v.id));
        assert.equal(page.totalCount, 8);
        if (!page.hasNextPage) break;
        const last = page.items.at(-1)!;
        after = { viewCount: last.viewCount, createdAt: last.createdAt, id: last.id };
      }
      assert.deepEqual(seen, expected, 'every listed video once, most viewed first, newest first among equals, then by id');
      const counts = seen.map((id) => listed.find((v) => v.id === id)!.views);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
      );

      const mine = await t.subs.channelVideos(channel, owner, 'MOST_VIEWED', 3, null);
      assert.deepEqual(
        mine.items.map((v) => v.title),
        ['hidden 1000', 'hidden 900', 'hidden 800'],
        'the owner sees their own private, unlisted and unfinished videos in the same order',
      );
    });

    it('feeds the newest public ready videos of followed channels, keyset-paged, nothing else', async () => {
      const fan = await t.user('Feed Fan');
      const base = Date.parse('2026-02-01T00:00:00Z');
      const followed: string[] = [];
      const expected: string[] = [];
      for (let c = 0; c < 4; c++) {
        const owner = await t.user(`Feed Channel ${c}`);
        const ch = (await t.channels.ensureFor(owner))!;
        if (c < 3) {
          followed.push(owner);
          await t.subs.subscribe(fan, ch.handle);
        }
        for (let i = 0; i < 4; i++) {
          const at = new Date(base + (i * 4 + c) * 60_000);
          const v = await t.video({ ownerId: owner, title: `c${c} v${i}`, createdAt: at });
          if (c < 3) expected.push(v.title);
        }
        await t.video({ ownerId: owner, title: `c${c} private`, visibility: Visibility.PRIVATE, createdAt: new Date(base + 99 * 60_000) });
        await t.video({
          ownerId: owner,
          title: `c${c} unlisted`,
          visibility: Visibility.UNLISTED,
          createdAt: new Date(base + 98 * 60_000),
        });
        await t.video({ ownerId: owner, title: `c${c} failed`, status: VideoStatus.FAILED, createdAt: new Date(base + 97 * 60_000) });
      }
      // Same timestamp on two channels: the id breaks the tie, and paging still sees each once.
      const tieAt = new Date(base + 50 * 60_000);
      expected.push((await t.video({ ownerId: followed[0], title: 'tie a', createdAt: tieAt })).title);
      expected.push((await t.video({ ownerId: followed[1], title: 'tie b', createdAt: tieAt })).title);

      const seen: string[] = [];
      let cursor: { createdAt: Date; id: string } | null = null;
      for (let page = 0; page < 10; page++) {
        const p = await t.subs.feed(fan, 5, cursor);
        seen.push(...p.items.map((v) => v.title));
        const lastItem = p.items.at(-1);
        if (!p.hasNextPage || !lastItem) break;
        cursor = { createdAt: lastItem.createdAt, id: lastItem.id };
      }
      assert.equal(seen.length, expected.length);
      assert.deepEqual(new Set(seen), new Set(expected));
      assert.ok(
        seen.slice(0, 2).every((s) => s.startsWith('tie')),
        'newest first',
      );
      assert.ok(!seen.some((s) => /private|unlisted|failed|c3 /.test(s)));
      const naive = await t.videoKeys.feedPageNaive(fan, expected.length + 5);
      assert.equal(naive.length, expected.length, 'the bench baseline answers the same rows');
      assert.deepEqual((await t.subs.feed(await t.user('Lonely'), 5, null)).items, []);
    });

    it('lists my subscriptions, most recent first, paged', async () => {
      const fan = await t.user('Collector');
      const handles: string[] = [];
      for (let i = 0; i < 3; i++) {
        const ch = (await t.channels.ensureFor(await t.user(`Collected ${i}`)))!;
        handles.push(ch.handle);
        await t.subs.subscribe(fan, ch.handle);
        await new Promise((r) => setTimeout(r, 5));
      }
      const p1 = await t.subs.mySubscriptions(fan, 2, null);
      assert.deepEqual(
        p1.items.map((i) => i.channel.handle),
        [handles[2], handles[1]],
      );
      assert.equal(p1.totalCount, 3);
      assert.equal(p1.hasNextPage, true);
      const p2 = await t.subs.mySubscriptions(fan, 2, p1.items[1].subscription);
      assert.deepEqual(
        p2.items.map((i) => i.channel.handle),
        [handles[0]],
      );
      assert.equal(p2.hasNextPage, false);
    });
  });
}
