import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VideosService, Visibility } from '@wetube/catalog';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';

const SEARCH = `query($q: String!, $first: Int, $after: String, $filter: SearchFilter, $orderBy: SearchOrder) {
  search(query: $q, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title visibility owner { displayName } } }
  }
}`;

for (const db of databaseMatrix()) {
  describe(`search over GraphQL on ${db} (the real api over HTTP)`, () => {
    let api: TestApi;
    let alice: ApiClient;
    let anon: ApiClient;
    let aliceId: string;

    async function seedReady(title: string, durationMs: number, visibility = Visibility.PUBLIC): Promise<string> {
      const videos = api.app.get(VideosService);
      const v = await videos.createFromUpload({
        ownerId: aliceId,
        uploadId: `seed${Math.random().toString(36).slice(2)}`,
        title,
        sourceName: 'x.mp4',
        sourceBytes: 1,
      });
      await videos.markReady(v.id, { durationMs, width: 640, height: 360, renditions: [] });
      if (visibility !== Visibility.PUBLIC) await videos.updateMetadata(v.id, { visibility });
      return v.id;
    }

    before(async () => {
      api = await startApi(db);
      alice = new ApiClient(api.url);
      anon = new ApiClient(api.url);
      aliceId = (await alice.signUp('Alice Lighthouse')).id;
      await seedReady('Harbour lights at dusk', 90_000);
      await seedReady('Harbour seals feeding', 30 * 60_000);
      await seedReady('Harbour secret plans', 90_000, Visibility.PRIVATE);
      await seedReady('Harbour unlisted cut', 90_000, Visibility.UNLISTED);
    });
    after(async () => api?.close());

    it('anyone finds public videos, ranked, with a typo, filtered and paged; private and unlisted never', async () => {
      const r = await anon.gql(SEARCH, { q: 'harbor' });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.deepEqual(
        new Set(r.data.search.edges.map((e: any) => e.node.title)),
        new Set(['Harbour lights at dusk', 'Harbour seals feeding']),
      );
      assert.equal(r.data.search.totalCount, 2);
      assert.equal(r.data.search.edges[0].node.owner.displayName, 'Alice Lighthouse');
      const mine = await alice.gql(SEARCH, { q: 'secret' });
      assert.deepEqual(mine.data.search.edges, [], 'not even the owner finds a private video in search');
      const long = await anon.gql(SEARCH, { q: 'harb', filter: { duration: 'LONG', uploadDate: 'TODAY', type: 'VIDEO' } });
      assert.deepEqual(
        long.data.search.edges.map((e: any) => e.node.title),
        ['Harbour seals feeding'],
      );
      const audio = await anon.gql(SEARCH, { q: 'harbour', filter: { type: 'AUDIO' } });
      assert.equal(audio.data.search.totalCount, 0);
      const p1 = await anon.gql(SEARCH, { q: 'harbour', first: 1, orderBy: 'DATE' });
      assert.equal(p1.data.search.pageInfo.hasNextPage, true);
      const p2 = await anon.gql(SEARCH, { q: 'harbour', first: 1, orderBy: 'DATE', after: p1.data.search.pageInfo.endCursor });
      assert.equal(p2.data.search.edges.length, 1);
      assert.notEqual(p2.data.search.edges[0].node.id, p1.data.search.edges[0].node.id);
      assert.equal(p2.data.search.pageInfo.hasNextPage, false);
      const channel = await anon.gql(SEARCH, { q: 'lighthouse' });
      assert.equal(channel.data.search.totalCount, 2, 'the channel (uploader) name is searched');
    });

    it("says which words it corrected, and names each result's channel as indexed", async () => {
      const q = `query($q: String!) {
        search(query: $q) { corrections { word matchedAs } edges { channelName channelHandle node { title } } }
      }`;
      const typo = await anon.gql(q, { q: 'harbor seals' });
      assert.equal(typo.errors, undefined, JSON.stringify(typo.errors));
      assert.deepEqual(typo.data.search.corrections, [{ word: 'harbor', matchedAs: ['harbour'] }]);
      assert.deepEqual(typo.data.search.edges, [
        { channelName: 'Alice Lighthouse', channelHandle: null, node: { title: 'Harbour seals feeding' } },
      ]);
      const exact = await anon.gql(q, { q: 'harbour' });
      assert.deepEqual(exact.data.search.corrections, []);
      assert.equal(exact.data.search.edges.length, 2);
    });

    it('a video made private over GraphQL leaves the results at once', async () => {
      const id = await seedReady('Puffin colony tour', 60_000);
      assert.equal((await anon.gql(SEARCH, { q: 'puffin' })).data.search.totalCount, 1);
      const m = `mutation($input: UpdateVideoInput!) { updateVideo(input: $input) { userErrors { message } } }`;
      assert.deepEqual((await alice.gql(m, { input: { id, visibility: 'PRIVATE' } })).data.updateVideo.userErrors, []);
      assert.equal((await anon.gql(SEARCH, { q: 'puffin' })).data.search.totalCount, 0);
      const del = await alice.gql(`mutation($id: ID!) { deleteVideo(id: $id) { deletedVideoId } }`, { id });
      assert.equal(del.data.deleteVideo.deletedVideoId, id);
      assert.equal((await anon.gql(SEARCH, { q: 'puffin' })).data.search.totalCount, 0);
    });

    it('suggests titles as one types', async () => {
      const r = await anon.gql('query($p: String!) { searchSuggestions(prefix: $p, first: 5) }', { p: 'harbour se' });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.deepEqual(r.data.searchSuggestions, ['Harbour seals feeding']);
      assert.deepEqual((await anon.gql('query($p: String!) { searchSuggestions(prefix: $p) }', { p: '' })).data.searchSuggestions, []);
    });

    it('bad input gets results or BAD_USER_INPUT naming the problem, never a server error', async () => {
      const refused: [Record<string, unknown>, RegExp][] = [
        [{ q: '' }, /empty/],
        [{ q: 'x'.repeat(10_240) }, /10240 characters long/],
        [{ q: '"' }, /no letters or digits/],
        [{ q: '*' }, /no letters or digits/],
        [{ q: '🌋🔥' }, /no letters or digits/],
        [{ q: 'harbour', first: 0 }, /"first" must be between 1 and 50/],
        [{ q: 'harbour', first: 51 }, /"first" must be between 1 and 50/],
        [{ q: 'harbour', after: 'garbage' }, /"after" is not a cursor/],
      ];
      for (const [vars, message] of refused) {
        const r = await anon.gql(SEARCH, vars);
        assert.equal(r.errors?.[0].extensions?.code, 'BAD_USER_INPUT', `${JSON.stringify(vars).slice(0, 60)}: ${JSON.stringify(r.errors)}`);
        assert.match(r.errors![0].message, message);
      }
      for (const q of [
        'harbour"',
        'NEAR(harbour',
        'harbour*',
        'harbour OR',
        'OR',
        "'; DROP TABLE videos; --",
        'harbour\u0000\u0007',
        '🌋 harbour',
        'harbour & !x | y:*',
        '{title}: harbour',
      ]) {
        const r = await anon.gql(SEARCH, { q });
        assert.equal(r.errors, undefined, `${JSON.stringify(q)}: ${JSON.stringify(r.errors)}`);
        assert.ok(Array.isArray(r.data.search.edges));
      }
      const tooLong = await anon.gql('query($p: String!) { searchSuggestions(prefix: $p) }', { p: 'y'.repeat(10_240) });
      assert.equal(tooLong.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
      const badEnum = await anon.gql('{ search(query: "x", orderBy: POPULARITY) { totalCount } }');
      assert.match(badEnum.errors?.[0].message ?? '', /POPULARITY/);
    });
  });
}
