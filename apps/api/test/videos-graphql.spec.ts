import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { VideosService, Visibility } from '@wetube/catalog';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';

const FIELDS = 'id title status visibility viewerCanEdit owner { displayName } createdAt';

for (const db of databaseMatrix()) {
  describe(`videos over GraphQL on ${db}`, () => {
    let api: TestApi;
    let alice: ApiClient;
    let bob: ApiClient;
    let aliceId: string;
    let ready: any;

    /** Records a finished video straight in the database (pagination needs many). */
    async function seedReady(ownerId: string, title: string, visibility = Visibility.PUBLIC): Promise<string> {
      const videos = api.app.get(VideosService);
      const v = await videos.createFromUpload({
        ownerId,
        uploadId: `seed${Math.random().toString(36).slice(2)}`,
        title,
        sourceName: 'x.mp4',
        sourceBytes: 1,
      });
      await videos.markReady(v.id, { durationMs: 1000, width: 640, height: 360, renditions: [] });
      if (visibility !== Visibility.PUBLIC) await videos.updateMetadata(v.id, { visibility });
      return v.id;
    }

    before(async () => {
      api = await startApi(db);
      alice = new ApiClient(api.url);
      bob = new ApiClient(api.url);
      aliceId = (await alice.signUp('Alice')).id;
      await bob.signUp('Bob');
      const clip = await generateClip({ path: join(api.dataDir, 'clip.mp4'), durationSec: 4, width: 640, height: 360 });
      const up = await tusUpload(alice, clip, { title: 'Harbour at dusk' });
      assert.ok(up.videoId, 'upload gives a video id');
      ready = await waitForStatus(alice, up.videoId!, ['READY', 'FAILED']);
    });
    after(async () => api?.close());

    it('refuses queries deeper than the configured limit', async () => {
      const shallow = await startApi(db, { GRAPHQL_MAX_DEPTH: '3' });
      try {
        const c = new ApiClient(shallow.url);
        assert.equal((await c.gql('{ videos { edges { node { id } } } }')).errors, undefined);
        const deep = await c.gql('{ videos { edges { node { owner { id } } } } }');
        assert.equal(deep.errors?.[0].extensions?.code, 'QUERY_TOO_DEEP');
        assert.match(deep.errors![0].message, /depth/);
      } finally {
        await shallow.close();
      }
    });

    it('an uploaded clip becomes READY with its ladder, URLs and metadata', async () => {
      assert.equal(ready.status, 'READY', ready.failureReason);
      assert.equal(ready.title, 'Harbour at dusk');
      assert.ok(Math.abs(ready.durationSec - 4) < 0.2, `duration ${ready.durationSec}`);
      assert.deepEqual([ready.width, ready.height], [640, 360]);
      assert.deepEqual(
        ready.renditions.map((r: any) => r.name),
        ['360p'],
      );
      assert.match(ready.renditions[0].codecs, /^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
      assert.ok(ready.masterUrl.endsWith(`/hls/${ready.id}/master.m3u8`));
      const master = await fetch(`${api.url}/hls/${ready.id}/master.m3u8`);
      assert.equal(master.status, 200);
      assert.match(await master.text(), /#EXT-X-STREAM-INF:.*RESOLUTION=640x360/);
    });

    it('lists public READY videos newest first as a Relay connection', async () => {
      // Newest first by creation time (ties by id): a few ms apart, so the expected order is unique.
      for (let i = 0; i < 5; i++) {
        await seedReady(aliceId, `Seeded ${i}`);
        await new Promise((r) => setTimeout(r, 3));
      }
      await seedReady(aliceId, 'Hidden', Visibility.PRIVATE);
      await seedReady(aliceId, 'Link only', Visibility.UNLISTED);
      const q = `query($after: String) { videos(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FIELDS} } } } }`;
      const p1 = (await bob.gql(q)).data.videos;
      assert.equal(p1.totalCount, 6);
      assert.equal(p1.edges.length, 4);
      assert.equal(p1.pageInfo.hasNextPage, true);
      const p2 = (await bob.gql(q, { after: p1.pageInfo.endCursor })).data.videos;
      assert.equal(p2.edges.length, 2);
      assert.equal(p2.pageInfo.hasNextPage, false);
      const titles = [...p1.edges, ...p2.edges].map((e: any) => e.node.title);
      assert.deepEqual(titles, ['Seeded 4', 'Seeded 3', 'Seeded 2', 'Seeded 1', 'Seeded 0', 'Harbour at dusk']);
      assert.ok(p1.edges.every((e: any) => e.node.owner.displayName === 'Alice' && e.node.viewerCanEdit === false));
    });

    it('private videos are the owner’s alone; unlisted ones open by id', async () => {
      const hidden = await seedReady(aliceId, 'Secret', Visibility.PRIVATE);
      const unlisted = await seedReady(aliceId, 'Unlisted', Visibility.UNLISTED);
      assert.equal((await bob.gql(`{ video(id: "${hidden}") { id } }`)).data.video, null);
      assert.equal((await alice.gql(`{ video(id: "${hidden}") { title viewerCanEdit } }`)).data.video.viewerCanEdit, true);
      assert.equal((await bob.gql(`{ video(id: "${unlisted}") { title } }`)).data.video.title, 'Unlisted');
      const mine = (await alice.gql('{ myVideos(first: 50) { totalCount } }')).data.myVideos.totalCount;
      assert.ok(mine >= 3);
      assert.equal((await bob.gql('{ myVideos { totalCount } }')).data.myVideos.totalCount, 0);
    });

    it('only the owner edits or deletes; bad metadata comes back as userErrors', async () => {
      const id = await seedReady(aliceId, 'Editable');
      const m = `mutation($input: UpdateVideoInput!) { updateVideo(input: $input) { video { title description tags visibility } userErrors { field message code } } }`;
      const byBob = (await bob.gql(m, { input: { id, title: 'Mine now' } })).data.updateVideo;
      assert.equal(byBob.video, null);
      assert.equal(byBob.userErrors[0].code, 'FORBIDDEN');
      const ok = (
        await alice.gql(m, {
          input: { id, title: '  New   title ', description: 'About it', tags: ['Boats', '#sea', 'boats'], visibility: 'UNLISTED' },
        })
      ).data.updateVideo;
      assert.deepEqual(ok.video, { title: 'New title', description: 'About it', tags: ['boats', 'sea'], visibility: 'UNLISTED' });
      const bad = (await alice.gql(m, { input: { id, title: ' ', tags: ['x'.repeat(41)] } })).data.updateVideo;
      assert.deepEqual(bad.userErrors.map((e: any) => e.code).sort(), ['TAG_TOO_LONG', 'TITLE_REQUIRED']);
      const badEnum = await alice.gql(m, { input: { id, visibility: 'SECRET' } });
      assert.equal(badEnum.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
      const del = `mutation($id: ID!) { deleteVideo(id: $id) { deletedVideoId userErrors { code } } }`;
      assert.equal((await bob.gql(del, { id })).data.deleteVideo.userErrors[0].code, 'FORBIDDEN');
      assert.equal((await alice.gql(del, { id })).data.deleteVideo.deletedVideoId, id);
      assert.equal((await alice.gql(`{ video(id: "${id}") { id } }`)).data.video, null);
    });

    it('a creator files a video under one of the categories (any case); an unknown one is refused naming the choices; "" clears it', async () => {
      const id = await seedReady(aliceId, 'Filed');
      const m = `mutation($input: UpdateVideoInput!) { updateVideo(input: $input) { video { category } userErrors { field message code } } }`;
      const categories: string[] = (await alice.gql(`{ videoCategories }`)).data.videoCategories;
      assert.ok(categories.includes('Music') && categories.includes('Science & Technology'), JSON.stringify(categories));
      assert.deepEqual((await alice.gql(m, { input: { id, category: ' science &  technology ' } })).data.updateVideo, {
        video: { category: 'Science & Technology' },
        userErrors: [],
      });
      const bad = (await alice.gql(m, { input: { id, category: 'Cooking' } })).data.updateVideo;
      assert.equal(bad.video, null);
      assert.deepEqual([bad.userErrors[0].code, bad.userErrors[0].field], ['CATEGORY_UNKNOWN', ['input', 'category']]);
      assert.match(bad.userErrors[0].message, /"Cooking".*Music/);
      assert.equal(
        (await alice.gql(`{ video(id: "${id}") { category } }`)).data.video.category,
        'Science & Technology',
        'the refused change changed nothing',
      );
      assert.deepEqual(
        (await alice.gql(m, { input: { id, title: 'Still filed' } })).data.updateVideo.video,
        { category: 'Science & Technology' },
        'left out: kept',
      );
      assert.deepEqual((await alice.gql(m, { input: { id, category: '' } })).data.updateVideo.video, { category: null });
    });

    it('deleting a transcoded video removes its files from the origin', async () => {
      const del = await alice.gql(`mutation { deleteVideo(id: "${ready.id}") { deletedVideoId } }`);
      assert.equal(del.data.deleteVideo.deletedVideoId, ready.id);
      assert.equal((await fetch(`${api.url}/hls/${ready.id}/master.m3u8`)).status, 404);
    });

    it('refuses bad arguments, too-deep and too-complex queries with extensions.code', async () => {
      const big = await bob.gql('{ videos(first: 500) { totalCount } }');
      assert.equal(big.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
      const cursor = await bob.gql('{ videos(after: "garbage") { totalCount } }');
      assert.equal(cursor.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
      const fields =
        'id title description tags status progress durationSec posterUrl masterUrl storyboardUrl owner { id displayName } renditions { name width height }';
      const costly = await bob.gql(
        `{ a: videos(first: 100) { edges { node { ${fields} } } } b: videos(first: 100) { edges { node { ${fields} } } } }`,
      );
      assert.equal(costly.errors?.[0].extensions?.code, 'QUERY_TOO_COMPLEX');
      const missing = await bob.gql('{ nope }');
      assert.equal(missing.errors?.[0].extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    });
  });
}
