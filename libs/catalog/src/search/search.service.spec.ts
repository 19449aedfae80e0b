import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VideoStatus, Visibility } from '../videos/video.enums';
import { VideoEntity } from '../videos/video.entity';
import { SearchInputError } from './search.service';
import { databaseMatrix, searchTestDb, SearchTestDb } from './search.test-db';
import { SearchDuration, SearchItemType, SearchOrder, SearchUploadDate } from './search.types';

const MIN = 60_000;
const DAY = 86_400_000;

for (const db of databaseMatrix()) {
  describe(`SearchService (${db})`, () => {
    let t: SearchTestDb;
    let owner: string;
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const titles = async (query: string, extra: Record<string, unknown> = {}) =>
      (await t.service.search({ query, first: 50, now, ...extra })).edges.map((e) => e.video.title);

    before(async () => {
      t = await searchTestDb(db);
      owner = await t.user('Marigold Studios');
      await t.video({
        ownerId: owner,
        title: 'Volcano eruption timelapse',
        description: 'lava at night',
        tags: ['geology', 'nature'],
        durationMs: 3 * MIN,
        createdAt: ago(30 * MIN),
      });
      await t.video({
        ownerId: owner,
        title: 'Cooking pasta at home',
        description: 'a volcano of flavour',
        tags: ['food'],
        durationMs: 10 * MIN,
        createdAt: ago(3 * DAY),
      });
      await t.video({
        ownerId: owner,
        title: 'Geology lecture: plate tectonics',
        description: 'volcanoes and earthquakes',
        tags: ['science', 'volcano'],
        durationMs: 45 * MIN,
        createdAt: ago(20 * DAY),
      });
      await t.video({
        ownerId: owner,
        title: 'Ancient history of Rome',
        description: 'empire',
        tags: ['history'],
        durationMs: 25 * MIN,
        createdAt: ago(200 * DAY),
      });
      await t.video({ ownerId: owner, title: 'Volcano secrets PRIVATE', visibility: Visibility.PRIVATE });
      await t.video({ ownerId: owner, title: 'Volcano secrets UNLISTED', visibility: Visibility.UNLISTED });
      await t.video({ ownerId: owner, title: 'Volcano still PROCESSING', status: VideoStatus.PROCESSING });
      await t.video({ ownerId: owner, title: 'Volcano FAILED', status: VideoStatus.FAILED });
    });
    after(async () => t?.close());

    it('ranks a title match above tag and description matches, and never returns private, unlisted or unready videos', async () => {
      const got = await titles('volcano');
      assert.equal(got[0], 'Volcano eruption timelapse');
      assert.deepEqual(new Set(got), new Set(['Volcano eruption timelapse', 'Geology lecture: plate tectonics', 'Cooking pasta at home']));
      assert.equal(got.indexOf('Cooking pasta at home'), 2, 'a description-only match ranks last');
      const page = await t.service.search({ query: 'volcano', now });
      assert.equal(page.totalCount, 3);
      // Paging by relevance across the tiers (title/tags/channel matches, then description-only ones).
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 3; i++) {
        const p: Awaited<ReturnType<typeof t.service.search>> = await t.service.search({ query: 'volcano', first: 1, after: cursor, now });
        assert.equal(p.totalCount, 3);
        seen.push(...p.edges.map((e) => e.video.title));
        assert.equal(p.hasNextPage, i < 2);
        cursor = p.edges.at(-1)!.cursor;
      }
      assert.deepEqual(seen, got);
      const p4 = await t.service.search({ query: 'volcano', first: 1, after: cursor, now });
      assert.deepEqual(p4.edges, []);
      assert.equal(p4.totalCount, 3);
    });

    it('matches the last word as a prefix, tags, channel names and several words together', async () => {
      assert.deepEqual(await titles('volca'), await titles('volcano'));
      assert.deepEqual(await titles('tecto'), ['Geology lecture: plate tectonics']);
      assert.deepEqual(await titles('geology lava'), ['Volcano eruption timelapse']);
      assert.equal((await titles('marigold')).length, 4, 'the channel (uploader) name matches every listed video of it');
      const marigold = await t.repo.groups(['marigold']);
      assert.equal(await t.repo.dialect.count(marigold, {}, 1001), 4);
      assert.equal(await t.repo.dialect.count(marigold, {}, 2), 2, 'totals are counted up to the cap');
      assert.deepEqual(await titles('history rome'), ['Ancient history of Rome']);
    });

    it('forgives a typo in a word that is not in the index', async () => {
      assert.equal((await titles('volcnao'))[0], 'Volcano eruption timelapse');
      assert.deepEqual(await titles('tectoincs'), ['Geology lecture: plate tectonics']);
      assert.deepEqual(await titles('histroy'), ['Ancient history of Rome']);
      assert.deepEqual(await titles('zzzzqqq'), [], 'nothing near: nothing');
    });

    it("reports the words it matched through typo corrections, and each hit's indexed channel name and handle", async () => {
      const page = await t.service.search({ query: 'histroy rome', now });
      assert.deepEqual(
        page.edges.map((e) => e.video.title),
        ['Ancient history of Rome'],
      );
      assert.deepEqual(page.corrections, [{ word: 'histroy', matches: ['history'] }]);
      assert.equal(page.edges[0].channelName, 'Marigold Studios');
      assert.equal(page.edges[0].channelHandle, null, 'no handle until channels fill it');
      assert.deepEqual((await t.service.search({ query: 'ancient history', now })).corrections, [], 'words found as typed: no corrections');
      const id = page.edges[0].video.id;
      const set = (handle: string | null) =>
        t.ds.query(
          `UPDATE search_documents SET channel_handle = ${db === 'postgres' ? '$1' : '?'} WHERE video_id = ${db === 'postgres' ? '$2' : '?'}`,
          [handle, id],
        );
      await set('marigold');
      try {
        const withHandle = await t.service.search({ query: 'rome', now });
        assert.equal(withHandle.edges[0].channelHandle, 'marigold');
      } finally {
        await set(null);
      }
    });

    it('filters by duration, upload date and type', async () => {
      assert.deepEqual(await titles('volcano', { filter: { duration: SearchDuration.SHORT } }), ['Volcano eruption timelapse']);
      assert.deepEqual(await titles('volcano', { filter: { duration: SearchDuration.MEDIUM } }), ['Cooking pasta at home']);
      assert.deepEqual(await titles('volcano', { filter: { duration: SearchDuration.LONG } }), ['Geology lecture: plate tectonics']);
      assert.deepEqual(await titles('volcano', { filter: { uploadDate: SearchUploadDate.HOUR } }), ['Volcano eruption timelapse']);
      assert.deepEqual(await titles('volcano', { filter: { uploadDate: SearchUploadDate.TODAY } }), ['Volcano eruption timelapse']);
      assert.equal((await titles('volcano', { filter: { uploadDate: SearchUploadDate.WEEK } })).length, 2);
      assert.equal((await titles('volcano', { filter: { uploadDate: SearchUploadDate.MONTH } })).length, 3);
      assert.equal((await titles('marigold', { filter: { uploadDate: SearchUploadDate.YEAR } })).length, 4);
      assert.equal((await titles('volcano', { filter: { type: SearchItemType.VIDEO } })).length, 3);
      assert.deepEqual(await titles('volcano', { filter: { type: SearchItemType.AUDIO } }), [], 'no audio items exist yet');
    });

    it('sorts by views, most viewed first, the newest first among equals; a view does not touch the index', async () => {
      const pg = db === 'postgres';
      const setViews = (title: string, n: number) =>
        t.ds.query(pg ? 'UPDATE videos SET view_count = $1 WHERE title = $2' : 'UPDATE videos SET view_count = ? WHERE title = ?', [
          n,
          title,
        ]);
      const version = async () => (pg ? 0 : Number((await t.ds.query('SELECT version FROM search_state WHERE id = 1'))[0].version));
      const before = await version();
      try {
        await setViews('Geology lecture: plate tectonics', 50);
        await setViews('Cooking pasta at home', 7);
        await setViews('Volcano eruption timelapse', 7);
        await setViews('Volcano secrets PRIVATE', 1000);
        await setViews('Volcano secrets UNLISTED', 1000);
        assert.deepEqual(await titles('volcano', { orderBy: SearchOrder.VIEWS }), [
          'Geology lecture: plate tectonics',
          'Volcano eruption timelapse',
          'Cooking pasta at home',
        ]);
        assert.equal(await version(), before, 'counting views leaves the search index (and its typo vocabulary) alone');
        const p1 = await t.service.search({ query: 'volcano', first: 2, orderBy: SearchOrder.VIEWS, now });
        const p2 = await t.service.search({ query: 'volcano', first: 2, orderBy: SearchOrder.VIEWS, now, after: p1.edges[1].cursor });
        assert.deepEqual(
          p2.edges.map((e) => e.video.title),
          ['Cooking pasta at home'],
        );
      } finally {
        for (const title of ['Geology lecture: plate tectonics', 'Cooking pasta at home', 'Volcano eruption timelapse'])
          await setViews(title, 0);
        for (const title of ['Volcano secrets PRIVATE', 'Volcano secrets UNLISTED']) await setViews(title, 0);
      }
    });

    it('sorts by date, newest first, and pages with cursors bound to the search', async () => {
      assert.deepEqual(await titles('volcano', { orderBy: SearchOrder.DATE }), [
        'Volcano eruption timelapse',
        'Cooking pasta at home',
        'Geology lecture: plate tectonics',
      ]);
      const p1 = await t.service.search({ query: 'marigold', first: 3, orderBy: SearchOrder.DATE });
      assert.equal(p1.edges.length, 3);
      assert.equal(p1.hasNextPage, true);
      const p2 = await t.service.search({ query: 'marigold', first: 3, orderBy: SearchOrder.DATE, after: p1.edges[2].cursor });
      assert.deepEqual(
        p2.edges.map((e) => e.video.title),
        ['Ancient history of Rome'],
      );
      assert.equal(p2.hasNextPage, false);
      assert.equal(p2.totalCount, 4);
      await assert.rejects(
        t.service.search({ query: 'volcano', after: p1.edges[2].cursor }),
        (e: unknown) => e instanceof SearchInputError && e.argumentName === 'after',
      );
    });

    it('takes a video out of the index in the same transaction as an edit that makes it private, and puts it back', async () => {
      const v = await t.video({ ownerId: owner, title: 'Quokka selfies compilation' });
      assert.deepEqual(await titles('quokka'), ['Quokka selfies compilation']);
      const videos = t.ds.getRepository(VideoEntity);
      await t.ds.transaction(async (m) => {
        await m.update(VideoEntity, { id: v.id }, { visibility: Visibility.PRIVATE });
        // Inside the transaction the index already agrees with the row.
        const [c] = await m.query(
          db === 'postgres'
            ? 'SELECT count(*) AS n FROM search_documents WHERE video_id = $1'
            : 'SELECT count(*) AS n FROM search_documents WHERE video_id = ?',
          [v.id],
        );
        assert.equal(Number(c.n), 0);
      });
      assert.deepEqual(await titles('quokka'), []);
      await videos.update({ id: v.id }, { visibility: Visibility.UNLISTED });
      assert.deepEqual(await titles('quokka'), []);
      await videos.update({ id: v.id }, { visibility: Visibility.PUBLIC });
      assert.deepEqual(await titles('quokka'), ['Quokka selfies compilation']);
      await videos.update({ id: v.id }, { status: VideoStatus.PROCESSING });
      assert.deepEqual(await titles('quokka'), [], 'a re-transcode takes it out');
      await videos.update({ id: v.id }, { status: VideoStatus.READY });
      assert.deepEqual(await titles('quokka'), ['Quokka selfies compilation']);
    });

    it('an index write rolls back with its transaction', async () => {
      const v = await t.video({ ownerId: owner, title: 'Narwhal documentary' });
      await assert.rejects(
        t.ds.transaction(async (m) => {
          await m.update(VideoEntity, { id: v.id }, { title: 'Walrus documentary' });
          throw new Error('abort');
        }),
        /abort/,
      );
      assert.deepEqual(await titles('narwhal'), ['Narwhal documentary']);
      assert.deepEqual(await titles('walrus'), []);
    });

    it('follows title, description and tag edits, a channel rename and a delete: no stale hits', async () => {
      const v = await t.video({ ownerId: owner, title: 'Axolotl care basics', tags: ['pets'] });
      const videos = t.ds.getRepository(VideoEntity);
      await videos.update({ id: v.id }, { title: 'Salamander care basics', tags: ['amphibians'], description: 'gills and tanks' });
      assert.deepEqual(await titles('axolotl'), []);
      assert.deepEqual(await titles('salamander'), ['Salamander care basics']);
      assert.deepEqual(await titles('amphibians gills'), ['Salamander care basics']);
      assert.deepEqual(await titles('pets'), []);
      const other = await t.user('Zephyrine Channel');
      await t.video({ ownerId: other, title: 'Kite flying' });
      assert.deepEqual(await titles('zephyrine'), ['Kite flying']);
      await t.ds.query(
        db === 'postgres' ? 'UPDATE users SET display_name = $1 WHERE id = $2' : 'UPDATE users SET display_name = ? WHERE id = ?',
        ['Borealis Kites', other],
      );
      assert.deepEqual(await titles('zephyrine'), []);
      assert.deepEqual(await titles('borealis'), ['Kite flying']);
      await videos.delete({ id: v.id });
      assert.deepEqual(await titles('salamander'), []);
      const [c] = await t.ds.query('SELECT count(*) AS n FROM search_documents');
      const [l] = await t.ds.query("SELECT count(*) AS n FROM videos WHERE status = 'READY' AND visibility = 'PUBLIC'");
      assert.equal(Number(c.n), Number(l.n), 'one index row per listed video');
    });

    it('suggests titles for a prefix, public ones only', async () => {
      assert.deepEqual(await t.service.suggestions('volc'), ['Volcano eruption timelapse']);
      assert.deepEqual(await t.service.suggestions('ancient hist'), ['Ancient history of Rome']);
      assert.deepEqual(await t.service.suggestions('secrets'), []);
      assert.deepEqual(await t.service.suggestions(''), []);
      assert.deepEqual(await t.service.suggestions('   "*'), []);
      await assert.rejects(t.service.suggestions('v', 0), SearchInputError);
    });

    it('answers bad input with results or a SearchInputError naming the problem, never a database error', async () => {
      const bad: [string, RegExp | null][] = [
        ['', /empty/],
        ['   ', /empty/],
        ['x'.repeat(10_240), /10240 characters long; at most 200/],
        ['"', /no letters or digits/],
        ['"volcano', null],
        ['volcano"', null],
        ['NEAR(volcano geology)', null],
        ['NEAR(', null],
        ['volcano*', null],
        ['*', /no letters or digits/],
        ['volcano OR rome', null],
        ['OR', null],
        ['AND NOT volcano', null],
        ['title: volcano', null],
        ['{title}: volcano', null],
        ['^volcano', null],
        ["'; DROP TABLE videos; --", null],
        ["volcano' OR '1'='1", null],
        ['volcano & !rome | lava:*', null],
        ['\u0000volcano\u0007\u001b[31m', null],
        ['🌋 volcano 🔥', null],
        ['🌋🔥', /no letters or digits/],
        ['\\', /no letters or digits/],
        ['a b c d e f g h i j k', /11 words; at most 10/],
        ['supercalifragilisticexpialidocious'.repeat(2), /longer than 40/],
      ];
      for (const [query, error] of bad) {
        if (error) {
          await assert.rejects(
            t.service.search({ query }),
            (e: unknown) => e instanceof SearchInputError && e.argumentName === 'query' && error.test(e.message),
            `query ${JSON.stringify(query.slice(0, 30))}`,
          );
        } else {
          const page = await t.service.search({ query });
          assert.ok(Array.isArray(page.edges), `query ${JSON.stringify(query)}`);
        }
      }
      assert.equal((await titles('"volcano')).length, 3);
      assert.equal((await titles("'; DROP TABLE videos; --")).length, 0);
      assert.equal((await titles('🌋 volcano 🔥')).length, 3);
      assert.equal((await t.ds.query('SELECT count(*) AS n FROM videos')).length, 1, 'the table is still there');
      await assert.rejects(
        t.service.search({ query: 'volcano', first: 0 }),
        (e: unknown) => e instanceof SearchInputError && e.argumentName === 'first',
      );
      await assert.rejects(t.service.search({ query: 'volcano', first: 51 }), SearchInputError);
      await assert.rejects(
        t.service.search({ query: 'volcano', after: 'not-a-cursor' }),
        (e: unknown) => e instanceof SearchInputError && e.argumentName === 'after',
      );
    });
  });
}
