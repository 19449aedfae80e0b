import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { VideosService, Visibility } from '@wetube/catalog';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';

const RATE = `mutation($videoId: ID!, $rating: VideoRating!) { rateVideo(videoId: $videoId, rating: $rating) {
  rating video { id likeCount dislikeCount viewerRating } userErrors { field code message } } }`;
const VIDEO = `query($id: ID!) { video(id: $id) { id viewCount likeCount dislikeCount viewerRating } }`;
const START = `mutation($input: StartPlaybackInput!) { playbackSession(input: $input) { session { sessionId } userErrors { code message } } }`;
const BEAT = `mutation($input: PlaybackHeartbeatInput!) { playbackHeartbeat(input: $input) { ok userErrors { code message } } }`;
const TRENDING = `query($first: Int) { trending(first: $first) { id title viewCount owner { displayName } } }`;
const SEARCH = `query($q: String!, $orderBy: SearchOrder) { search(query: $q, orderBy: $orderBy) { edges { node { title viewCount } } } }`;

/** Length of the seeded videos: under a minute, so half of it (1.5 s) of real playback is a view. */
const SHORT_MS = 3_000;

for (const db of databaseMatrix()) {
  describe(`views, likes and trending over GraphQL on ${db} (the real api over HTTP)`, () => {
    let api: TestApi;
    let alice: ApiClient;
    let bob: ApiClient;
    let anon: ApiClient;
    let aliceId: string;

    async function seedReady(title: string, visibility = Visibility.PUBLIC): Promise<string> {
      const videos = api.app.get(VideosService);
      const v = await videos.createFromUpload({
        ownerId: aliceId,
        uploadId: `seed${randomBytes(6).toString('hex')}`,
        title,
        sourceName: 'x.mp4',
        sourceBytes: 1,
      });
      await videos.markReady(v.id, { durationMs: SHORT_MS, width: 640, height: 360, renditions: [] });
      if (visibility !== Visibility.PUBLIC) await videos.updateMetadata(v.id, { visibility });
      return v.id;
    }

    async function startSession(client: ApiClient, videoId: string): Promise<string> {
      const r = await client.gql(START, { input: { videoId, sessionPublicKey: randomBytes(32).toString('base64url') } });
      assert.deepEqual(r.data?.playbackSession.userErrors, [], JSON.stringify(r));
      return r.data.playbackSession.session.sessionId;
    }

    async function heartbeat(client: ApiClient, sessionId: string, watchedSeconds: number, ended = false): Promise<void> {
      const r = await client.gql(BEAT, { input: { sessionId, watchedSeconds, ended } });
      assert.equal(r.data?.playbackHeartbeat.ok, true, JSON.stringify(r));
    }

    /** A whole watch as the page does it: a session, real time passing, heartbeats with the played seconds. */
    async function watch(client: ApiClient, videoId: string): Promise<void> {
      const session = await startSession(client, videoId);
      await sleep(SHORT_MS / 2 + 200);
      await heartbeat(client, session, SHORT_MS / 1000, true);
    }

    const views = async (id: string, client = alice) => (await client.gql(VIDEO, { id })).data.video.viewCount;

    before(async () => {
      api = await startApi(db);
      alice = new ApiClient(api.url);
      bob = new ApiClient(api.url);
      anon = new ApiClient(api.url);
      aliceId = (await alice.signUp('Alice Lantern')).id;
      await bob.signUp('Bob');
    });
    after(async () => api?.close());

    it('rateVideo: signed out is refused; a private video of another is not found; counts and viewerRating follow', async () => {
      const id = await seedReady('Lantern festival');
      const priv = await seedReady('Lantern secrets', Visibility.PRIVATE);
      const signedOut = await anon.gql(RATE, { videoId: id, rating: 'LIKE' });
      assert.equal(signedOut.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', JSON.stringify(signedOut));
      const hidden = await bob.gql(RATE, { videoId: priv, rating: 'LIKE' });
      assert.equal(hidden.data.rateVideo.video, null);
      assert.deepEqual(
        hidden.data.rateVideo.userErrors.map((e: any) => e.code),
        ['NOT_FOUND'],
      );
      assert.equal((await alice.gql(VIDEO, { id: priv })).data.video.likeCount, 0, 'nothing counted on the private video');
      const unknown = await bob.gql(RATE, { videoId: '00000000-0000-4000-8000-000000000000', rating: 'LIKE' });
      assert.deepEqual(
        unknown.data.rateVideo.userErrors.map((e: any) => e.code),
        ['NOT_FOUND'],
      );
      const bad = await bob.gql(RATE, { videoId: id, rating: 'LOVE' });
      assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'an unknown rating is refused by the schema');

      const liked = await bob.gql(RATE, { videoId: id, rating: 'LIKE' });
      assert.deepEqual(liked.data.rateVideo.userErrors, []);
      assert.deepEqual(liked.data.rateVideo.video, { id, likeCount: 1, dislikeCount: 0, viewerRating: 'LIKE' });
      assert.equal(liked.data.rateVideo.rating, 'LIKE');
      const disliked = await bob.gql(RATE, { videoId: id, rating: 'DISLIKE' });
      assert.deepEqual(disliked.data.rateVideo.video, { id, likeCount: 0, dislikeCount: 1, viewerRating: 'DISLIKE' });
      assert.equal((await alice.gql(RATE, { videoId: id, rating: 'LIKE' })).data.rateVideo.video.likeCount, 1);
      assert.deepEqual((await anon.gql(VIDEO, { id })).data.video, {
        id,
        viewCount: 0,
        likeCount: 1,
        dislikeCount: 1,
        viewerRating: 'NONE',
      });
      assert.equal((await bob.gql(VIDEO, { id })).data.video.viewerRating, 'DISLIKE');
      const removed = await bob.gql(RATE, { videoId: id, rating: 'NONE' });
      assert.deepEqual(removed.data.rateVideo.video, { id, likeCount: 1, dislikeCount: 0, viewerRating: 'NONE' });
      const own = await alice.gql(RATE, { videoId: priv, rating: 'LIKE' });
      assert.deepEqual(own.data.rateVideo.userErrors, [], 'the owner may rate their own private video');
    });

    it('a view counts from the heartbeats after real playback, once per viewer; a claimed watch time cannot pump it', async () => {
      const id = await seedReady('Lantern walk');
      // A heartbeat at once claiming ten minutes: clamped to the wall clock since the session started.
      const eager = await startSession(bob, id);
      await heartbeat(bob, eager, 600);
      assert.equal(await views(id), 0, 'no view before real playback');
      await sleep(SHORT_MS / 2 + 200);
      await heartbeat(bob, eager, 600);
      assert.equal(await views(id), 1, 'half of the short video played: one view');
      await heartbeat(bob, eager, 601, true);
      await watch(bob, id); // a reload: a new session of the same account
      assert.equal(await views(id), 1, 'not again on reload');
      await watch(anon, id);
      assert.equal(await views(id), 2, 'an anonymous viewer counts too');
      await watch(new ApiClient(api.url), id);
      assert.equal(await views(id), 2, 'another anonymous session from the same address is the same viewer');
      const unknown = await bob.gql(BEAT, { input: { sessionId: eager, watchedSeconds: 5, ended: false } });
      assert.equal(unknown.data.playbackHeartbeat.ok, true, 'heartbeats after the view still answer');
      const theirs = await anon.gql(BEAT, { input: { sessionId: eager, watchedSeconds: 5, ended: false } });
      assert.deepEqual(
        theirs.data.playbackHeartbeat.userErrors.map((e: any) => e.code),
        ['NOT_FOUND'],
        "another viewer's session cannot be used",
      );
    });

    it('trending lists public videos by recent views; private ones never, not even their counts; search sorts by views', async () => {
      const quiet = await seedReady('Lantern quiet corner');
      const popular = await seedReady('Lantern popular square');
      const priv = await seedReady('Lantern private room', Visibility.PRIVATE);
      const unlisted = await seedReady('Lantern unlisted alley', Visibility.UNLISTED);
      await Promise.all([
        watch(alice, popular),
        watch(bob, popular),
        watch(anon, popular),
        watch(alice, quiet),
        watch(alice, priv),
        watch(bob, unlisted),
      ]);
      assert.equal(await views(popular), 3);
      assert.equal(await views(priv), 1, 'the owner sees their private video count');
      assert.equal((await bob.gql(VIDEO, { id: priv })).data.video, null, 'others see neither the video nor its count');
      const r = await anon.gql(TRENDING, { first: 10 });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      const ids = r.data.trending.map((v: any) => v.id);
      assert.equal(ids[0], popular, JSON.stringify(r.data.trending));
      assert.ok(ids.indexOf(quiet) > 0);
      assert.ok(!ids.includes(priv) && !ids.includes(unlisted), 'private and unlisted videos are never trending');
      assert.equal(r.data.trending[0].viewCount, 3);
      assert.equal(r.data.trending[0].owner.displayName, 'Alice Lantern');
      const tooMany = await anon.gql(TRENDING, { first: 51 });
      assert.equal(tooMany.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      const search = await anon.gql(SEARCH, { q: 'lantern', orderBy: 'VIEWS' });
      assert.equal(search.errors, undefined, JSON.stringify(search.errors));
      const titles = search.data.search.edges.map((e: any) => e.node.title);
      assert.equal(titles[0], 'Lantern popular square', JSON.stringify(search.data.search.edges));
      const counts = search.data.search.edges.map((e: any) => e.node.viewCount);
      assert.deepEqual(
        counts,
        [...counts].sort((a: number, b: number) => b - a),
        'most viewed first',
      );
      assert.ok(!titles.includes('Lantern private room') && !titles.includes('Lantern unlisted alley'));
    });
  });
}
