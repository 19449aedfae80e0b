import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VideosService, Visibility } from '@wetube/catalog';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';

const RECORD = `mutation($v: ID!, $p: Float!) { recordWatchProgress(videoId: $v, positionSeconds: $p) {
  recorded progress { positionSec finished resumeAtSec } userErrors { field code message } } }`;
const HISTORY = `query($first: Int, $after: String) { watchHistory(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { video { id title } progress { positionSec finished } } } } }`;
const CONTINUE = `{ continueWatching(first: 10) { video { id } progress { positionSec resumeAtSec } } }`;
const VIDEO = `query($id: ID!) { video(id: $id) { id viewerProgress { positionSec finished resumeAtSec } viewerPlaylistIds } }`;
const PLAYLIST_FIELDS = `id title visibility itemCount isWatchLater viewerIsOwner owner { id displayName }`;
const PAYLOAD = `playlist { ${PLAYLIST_FIELDS} } userErrors { field code message }`;
const CREATE = `mutation($input: CreatePlaylistInput!) { createPlaylist(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: UpdatePlaylistInput!) { updatePlaylist(input: $input) { ${PAYLOAD} } }`;
const DELETE = `mutation($id: ID!) { deletePlaylist(id: $id) { deletedPlaylistId userErrors { code } } }`;
const ADD = `mutation($p: ID!, $v: ID!) { addToPlaylist(playlistId: $p, videoId: $v) { ${PAYLOAD} } }`;
const REMOVE = `mutation($p: ID!, $v: ID!) { removeFromPlaylist(playlistId: $p, videoId: $v) { ${PAYLOAD} } }`;
const MOVE = `mutation($p: ID!, $v: ID!, $pos: Int!) { movePlaylistItem(playlistId: $p, videoId: $v, position: $pos) { ${PAYLOAD} } }`;
const PLAYLIST = `query($id: ID!, $first: Int, $after: String) { playlist(id: $id) { ${PLAYLIST_FIELDS} thumbnailUrl
  items(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { position available videoId video { id title } } } } } }`;

for (const db of databaseMatrix()) {
  describe(`library over GraphQL on ${db} (history, playlists; the real api over HTTP)`, () => {
    let api: TestApi;
    let alice: ApiClient; // creator of the videos
    let bob: ApiClient; // a viewer
    let eve: ApiClient; // someone else
    let anon: ApiClient;
    let aliceId: string;
    let bobId: string;

    async function seedReady(title: string, durationMs = 100_000, visibility = Visibility.PUBLIC): Promise<string> {
      const videos = api.app.get(VideosService);
      const v = await videos.createFromUpload({
        ownerId: aliceId,
        uploadId: `lib${Math.random().toString(36).slice(2)}`,
        title,
        sourceName: 'x.mp4',
        sourceBytes: 1,
      });
      await videos.markReady(v.id, { durationMs, width: 640, height: 360, renditions: [] });
      if (visibility !== Visibility.PUBLIC) await videos.updateMetadata(v.id, { visibility });
      return v.id;
    }
    const setVisibility = (id: string, visibility: Visibility) =>
      alice.gql(`mutation($input: UpdateVideoInput!) { updateVideo(input: $input) { userErrors { code } } }`, {
        input: { id, visibility },
      });

    before(async () => {
      api = await startApi(db);
      alice = new ApiClient(api.url);
      bob = new ApiClient(api.url);
      eve = new ApiClient(api.url);
      anon = new ApiClient(api.url);
      aliceId = (await alice.signUp('Alice Creator', 'creator')).id;
      bobId = (await bob.signUp('Bob Viewer')).id;
      await eve.signUp('Eve Other');
    });
    after(async () => api?.close());

    it('records where a viewer stopped, offers to resume it, and lists it in history and Continue watching', async () => {
      const v = await seedReady('Lighthouse keeper');
      const w = await seedReady('Harbour tour');
      const r = await bob.gql(RECORD, { v, p: 42.5 });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.deepEqual(r.data.recordWatchProgress, {
        recorded: true,
        progress: { positionSec: 42.5, finished: false, resumeAtSec: 42.5 },
        userErrors: [],
      });
      await bob.gql(RECORD, { v: w, p: 99.5 });
      const seen = await bob.gql(VIDEO, { id: v });
      assert.deepEqual(seen.data.video.viewerProgress, { positionSec: 42.5, finished: false, resumeAtSec: 42.5 });
      assert.equal((await eve.gql(VIDEO, { id: v })).data.video.viewerProgress, null, "nobody sees someone else's progress");
      assert.equal((await anon.gql(VIDEO, { id: v })).data.video.viewerProgress, null);
      const done = await bob.gql(VIDEO, { id: w });
      assert.deepEqual(done.data.video.viewerProgress, { positionSec: 99.5, finished: true, resumeAtSec: null });
      const h = await bob.gql(HISTORY, { first: 1 });
      assert.equal(h.data.watchHistory.totalCount, 2);
      assert.equal(h.data.watchHistory.edges[0].node.video.id, w);
      const h2 = await bob.gql(HISTORY, { first: 5, after: h.data.watchHistory.pageInfo.endCursor });
      assert.deepEqual(
        h2.data.watchHistory.edges.map((e: any) => e.node.video.id),
        [v],
      );
      const cw = await bob.gql(CONTINUE);
      assert.deepEqual(cw.data.continueWatching, [{ video: { id: v }, progress: { positionSec: 42.5, resumeAtSec: 42.5 } }]);
      // The videos list answers the progress bars of the cards too.
      const list = await bob.gql(`{ videos(first: 50) { edges { node { id viewerProgress { positionSec } } } } }`);
      assert.equal(list.data.videos.edges.find((e: any) => e.node.id === v).node.viewerProgress.positionSec, 42.5);
    });

    it('signed-in only, validated positions and videos, rate limited per account', async () => {
      const v = await seedReady('Short clip', 30_000);
      const a = await anon.gql(RECORD, { v, p: 1 });
      assert.equal(a.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
      for (const [p, code] of [
        [-5, 'BAD_POSITION'],
        [400, 'BAD_POSITION'],
      ] as const) {
        const r = await eve.gql(RECORD, { v, p });
        assert.equal(r.data.recordWatchProgress.recorded, false);
        assert.equal(r.data.recordWatchProgress.userErrors[0].code, code);
      }
      const priv = await seedReady('Secret draft', 30_000, Visibility.PRIVATE);
      const denied = await eve.gql(RECORD, { v: priv, p: 3 });
      assert.equal(denied.data.recordWatchProgress.userErrors[0].code, 'NOT_FOUND');
      assert.equal((await eve.gql(RECORD, { v: 'not-a-video', p: 3 })).data.recordWatchProgress.userErrors[0].code, 'NOT_FOUND');
      for (const [q, vars] of [
        [HISTORY, { first: 0 }],
        [HISTORY, { first: 101 }],
        [HISTORY, { after: 'garbage' }],
      ] as const) {
        const r = await eve.gql(q, vars);
        assert.equal(r.errors?.[0].extensions?.code, 'BAD_USER_INPUT', JSON.stringify(r));
      }
      const limited = new ApiClient(api.url);
      await limited.signUp('Hammer');
      const codes: string[] = [];
      for (let i = 0; i < 32; i++) {
        const r = await limited.gql(RECORD, { v, p: i % 30 });
        codes.push(r.data.recordWatchProgress.userErrors[0]?.code ?? 'OK');
      }
      assert.equal(codes.filter((c) => c === 'OK').length, 30);
      assert.deepEqual(codes.slice(30), ['RATE_LIMITED', 'RATE_LIMITED']);
      assert.equal((await eve.gql(RECORD, { v, p: 5 })).data.recordWatchProgress.recorded, true, 'the limit is per account');
    });

    it('pauses, removes one, clears; a video made private leaves the history without leaking', async () => {
      const u = new ApiClient(api.url);
      await u.signUp('Pauser');
      const v = await seedReady('Pause me');
      const w = await seedReady('Private later');
      await u.gql(RECORD, { v, p: 10 });
      await u.gql(RECORD, { v: w, p: 10 });
      await setVisibility(w, Visibility.PRIVATE);
      const h = await u.gql(HISTORY);
      assert.deepEqual(
        h.data.watchHistory.edges.map((e: any) => e.node.video.id),
        [v],
      );
      assert.equal(h.data.watchHistory.totalCount, 1);
      assert.deepEqual(
        (await u.gql(CONTINUE)).data.continueWatching.map((e: any) => e.video.id),
        [v],
      );
      const paused = await u.gql(`mutation { setHistoryPaused(paused: true) { paused } }`);
      assert.equal(paused.data.setHistoryPaused.paused, true);
      assert.equal((await u.gql(`{ historySettings { paused } }`)).data.historySettings.paused, true);
      const r = await u.gql(RECORD, { v, p: 50 });
      assert.deepEqual(r.data.recordWatchProgress, { recorded: false, progress: null, userErrors: [] });
      assert.equal((await u.gql(VIDEO, { id: v })).data.video.viewerProgress.positionSec, 10);
      await u.gql(`mutation { setHistoryPaused(paused: false) { paused } }`);
      const rm = `mutation($v: ID!) { removeFromHistory(videoId: $v) { removed } }`;
      assert.equal((await u.gql(rm, { v })).data.removeFromHistory.removed, true);
      assert.equal((await u.gql(rm, { v })).data.removeFromHistory.removed, false);
      await setVisibility(w, Visibility.PUBLIC);
      await u.gql(RECORD, { v, p: 10 });
      assert.equal((await u.gql(`mutation { clearWatchHistory { removedCount } }`)).data.clearWatchHistory.removedCount, 2);
      assert.equal((await u.gql(HISTORY)).data.watchHistory.totalCount, 0);
      for (const m of [
        `mutation { clearWatchHistory { removedCount } }`,
        `mutation { setHistoryPaused(paused: true) { paused } }`,
        `{ watchHistory { totalCount } }`,
      ]) {
        assert.equal((await anon.gql(m)).errors?.[0].extensions?.code, 'UNAUTHENTICATED', m);
      }
    });

    it('playlists: create, add, move, remove, and everyone else refused; private ones never visible to others', async () => {
      const [a, b, c] = [await seedReady('Song A'), await seedReady('Song B'), await seedReady('Song C')];
      const mine = await seedReady('Alice private take', 100_000, Visibility.PRIVATE);
      const created = await alice.gql(CREATE, { input: { title: 'Mixtape', visibility: 'PUBLIC', videoId: a } });
      assert.deepEqual(created.data.createPlaylist.userErrors, []);
      const pub = created.data.createPlaylist.playlist;
      assert.equal(pub.itemCount, 1);
      assert.equal(pub.owner.id, aliceId);
      for (const v of [b, c, mine]) assert.deepEqual((await alice.gql(ADD, { p: pub.id, v })).data.addToPlaylist.userErrors, []);
      assert.deepEqual((await alice.gql(MOVE, { p: pub.id, v: c, pos: 0 })).data.movePlaylistItem.userErrors, []);
      const asAlice = await alice.gql(PLAYLIST, { id: pub.id });
      assert.deepEqual(
        asAlice.data.playlist.items.edges.map((e: any) => [e.node.position, e.node.video?.id]),
        [
          [0, c],
          [1, a],
          [2, b],
          [3, mine],
        ],
      );
      assert.equal(asAlice.data.playlist.viewerIsOwner, true);
      const asEve = await eve.gql(PLAYLIST, { id: pub.id });
      assert.equal(asEve.data.playlist.viewerIsOwner, false);
      const last = asEve.data.playlist.items.edges[3].node;
      assert.deepEqual(last, { position: 3, available: false, videoId: null, video: null }, "Alice's private video is not shown to others");
      assert.equal(asAlice.data.playlist.items.edges[3].node.videoId, mine, 'the owner gets the ids');
      assert.ok(!JSON.stringify(asEve.data).includes('Alice private take'));
      const page = await anon.gql(PLAYLIST, { id: pub.id, first: 2 });
      const page2 = await anon.gql(PLAYLIST, { id: pub.id, first: 2, after: page.data.playlist.items.pageInfo.endCursor });
      assert.deepEqual(
        page2.data.playlist.items.edges.map((e: any) => e.node.position),
        [2, 3],
      );

      const priv = (await alice.gql(CREATE, { input: { title: 'Diary', visibility: 'PRIVATE', videoId: a } })).data.createPlaylist.playlist;
      assert.equal((await eve.gql(PLAYLIST, { id: priv.id })).data.playlist, null);
      assert.equal((await anon.gql(PLAYLIST, { id: priv.id })).data.playlist, null);
      const listed = await eve.gql(`query($u: ID!) { playlistsOf(userId: $u) { id visibility } }`, { u: aliceId });
      assert.deepEqual(
        listed.data.playlistsOf.map((p: any) => p.id),
        [pub.id],
      );

      // Every mutation on someone else's playlist is refused, and nothing changes.
      for (const [p, code] of [
        [pub.id, 'FORBIDDEN'],
        [priv.id, 'NOT_FOUND'],
      ]) {
        const refused = [
          (await eve.gql(ADD, { p, v: b })).data.addToPlaylist,
          (await eve.gql(REMOVE, { p, v: a })).data.removeFromPlaylist,
          (await eve.gql(MOVE, { p, v: a, pos: 0 })).data.movePlaylistItem,
          (await eve.gql(UPDATE, { input: { id: p, title: 'Pwned' } })).data.updatePlaylist,
          (await eve.gql(DELETE, { id: p })).data.deletePlaylist,
        ];
        for (const r of refused) assert.equal(r.userErrors[0]?.code, code, JSON.stringify(r));
        assert.equal(refused[0].playlist, null);
      }
      for (const m of [ADD, REMOVE]) assert.equal((await anon.gql(m, { p: pub.id, v: a })).errors?.[0].extensions?.code, 'UNAUTHENTICATED');
      assert.equal((await alice.gql(PLAYLIST, { id: pub.id })).data.playlist.itemCount, 4);
      assert.equal((await alice.gql(PLAYLIST, { id: priv.id })).data.playlist.title, 'Diary');

      // Eve cannot put Alice's private video in her own playlist either.
      const evePl = (await eve.gql(CREATE, { input: { title: 'Eve list' } })).data.createPlaylist.playlist;
      assert.equal((await eve.gql(ADD, { p: evePl.id, v: mine })).data.addToPlaylist.userErrors[0].code, 'NOT_FOUND');

      const rm = await alice.gql(REMOVE, { p: pub.id, v: a });
      assert.equal(rm.data.removeFromPlaylist.playlist.itemCount, 3);
      const bad = await alice.gql(CREATE, { input: { title: '' } });
      assert.equal(bad.data.createPlaylist.userErrors[0].code, 'TITLE_REQUIRED');
      assert.deepEqual((await alice.gql(DELETE, { id: pub.id })).data.deletePlaylist, { deletedPlaylistId: pub.id, userErrors: [] });
      assert.equal((await alice.gql(PLAYLIST, { id: pub.id })).data.playlist, null);
    });

    it('Watch later exists for everyone, cannot be deleted or renamed, and shows on the video', async () => {
      const v = await seedReady('Later please');
      const wl = (await bob.gql(`{ watchLater { ${PLAYLIST_FIELDS} } }`)).data.watchLater;
      assert.equal(wl.isWatchLater, true);
      assert.equal(wl.visibility, 'PRIVATE');
      assert.equal((await bob.gql(`{ watchLater { id } }`)).data.watchLater.id, wl.id);
      assert.equal((await bob.gql(`{ myPlaylists { id } }`)).data.myPlaylists[0].id, wl.id);
      assert.deepEqual((await bob.gql(ADD, { p: wl.id, v })).data.addToPlaylist.userErrors, []);
      assert.deepEqual((await bob.gql(VIDEO, { id: v })).data.video.viewerPlaylistIds, [wl.id]);
      assert.deepEqual((await eve.gql(VIDEO, { id: v })).data.video.viewerPlaylistIds, []);
      assert.equal((await bob.gql(DELETE, { id: wl.id })).data.deletePlaylist.userErrors[0].code, 'BUILT_IN_PLAYLIST');
      assert.equal(
        (await bob.gql(UPDATE, { input: { id: wl.id, title: 'x' } })).data.updatePlaylist.userErrors[0].code,
        'BUILT_IN_PLAYLIST',
      );
      assert.equal((await eve.gql(PLAYLIST, { id: wl.id })).data.playlist, null);
      assert.equal((await eve.gql(ADD, { p: wl.id, v })).data.addToPlaylist.userErrors[0].code, 'NOT_FOUND');
      assert.deepEqual((await eve.gql(`query($u: ID!) { playlistsOf(userId: $u) { id } }`, { u: bobId })).data.playlistsOf, []);
    });
  });
}
