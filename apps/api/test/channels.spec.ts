import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { VideosService, Visibility } from '@wetube/catalog';
import { Database } from '@wetube/platform';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';

const CHANNEL = `query($h: String!, $first: Int, $after: String, $orderBy: ChannelVideoOrder) {
  channel(handle: $h) {
    id handle displayName description links { title url } avatarUrl avatarSmallUrl bannerUrl createdAt viewerIsOwner
    subscriberCount videoCount viewerIsSubscribed
    videos(first: $first, after: $after, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title visibility viewCount } } }
  }
}`;
const UPDATE = `mutation($input: UpdateChannelInput!) {
  updateChannel(input: $input) { channel { handle displayName description links { title url } } userErrors { field message code } }
}`;
const SUBSCRIBE = `mutation($h: String!) { subscribe(handle: $h) { subscribed channel { handle subscriberCount viewerIsSubscribed } userErrors { code message } } }`;
const UNSUBSCRIBE = `mutation($h: String!) { unsubscribe(handle: $h) { subscribed userErrors { code } } }`;
const FEED = `query($first: Int, $after: String) { subscriptionFeed(first: $first, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id title channel { handle } } } } }`;
const MY_SUBS = `query { mySubscriptions(first: 10) { totalCount edges { node { handle displayName } } } }`;

async function upload(
  api: TestApi,
  client: ApiClient | null,
  kind: string,
  body: Buffer,
  contentType = 'image/png',
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${api.url}/api/channels/me/${kind}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(client?.token ? { authorization: `Bearer ${client.token}` } : {}) },
    body,
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

/** The api's public URLs name PUBLIC_API_URL (localhost:4000 by default): the same path on the test's port. */
const local = (api: TestApi, url: string) => `${api.url}${new URL(url).pathname}`;

for (const db of databaseMatrix()) {
  describe(`channels and subscriptions over GraphQL and REST on ${db} (the real api)`, () => {
    let api: TestApi;
    let alice: ApiClient;
    let bob: ApiClient;
    let anon: ApiClient;
    let aliceId: string;
    let handle: string;
    const titles: Record<string, string> = {};

    async function seed(title: string, visibility = Visibility.PUBLIC): Promise<string> {
      const videos = api.app.get(VideosService);
      const v = await videos.createFromUpload({
        ownerId: aliceId,
        uploadId: `ch${Math.random().toString(36).slice(2)}`,
        title,
        sourceName: 'x.mp4',
        sourceBytes: 1,
      });
      await videos.markReady(v.id, { durationMs: 60_000, width: 640, height: 360, renditions: [] });
      if (visibility !== Visibility.PUBLIC) await videos.updateMetadata(v.id, { visibility });
      titles[v.id] = title;
      return v.id;
    }

    before(async () => {
      api = await startApi(db);
      alice = new ApiClient(api.url);
      bob = new ApiClient(api.url);
      anon = new ApiClient(api.url);
      aliceId = (await alice.signUp('Alice Channel', 'creator')).id;
      await bob.signUp('Bob Viewer');
      await seed('Public one');
      await seed('Public two');
      await seed('Private cut', Visibility.PRIVATE);
      await seed('Unlisted cut', Visibility.UNLISTED);
    });
    after(async () => api?.close());

    it('the creator edits their channel; everyone reads it; bad input gets userErrors', async () => {
      const mine = await alice.gql(`query { myChannel { handle displayName viewerIsOwner } }`);
      assert.equal(mine.errors, undefined, JSON.stringify(mine.errors));
      assert.match(mine.data.myChannel.handle, /^alicechannel/);
      assert.equal(mine.data.myChannel.viewerIsOwner, true);
      const r = await alice.gql(UPDATE, {
        input: {
          handle: '@Alice.Makes',
          displayName: 'Alice Makes',
          description: 'Films.',
          links: [{ title: 'Site', url: 'https://alice.example' }],
        },
      });
      assert.deepEqual(r.data.updateChannel.userErrors, []);
      handle = r.data.updateChannel.channel.handle;
      assert.equal(handle, 'alice.makes');
      const seen = await anon.gql(CHANNEL, { h: '@ALICE.MAKES' });
      assert.equal(seen.errors, undefined, JSON.stringify(seen.errors));
      const c = seen.data.channel;
      assert.equal(c.displayName, 'Alice Makes');
      assert.deepEqual(c.links, [{ title: 'Site', url: 'https://alice.example/' }]);
      assert.equal(c.viewerIsOwner, false);
      assert.equal(c.viewerIsSubscribed, false);
      const bad = await alice.gql(UPDATE, { input: { handle: 'no spaces', links: [{ url: 'javascript:alert(1)' }] } });
      assert.deepEqual(
        bad.data.updateChannel.userErrors.map((e: any) => e.code),
        ['HANDLE_INVALID', 'LINK_INVALID'],
      );
      assert.equal((await anon.gql(CHANNEL, { h: 'nobody-at-all' })).data.channel, null);
    });

    it("nobody edits someone else's channel: bob cannot take alice's handle, and signed out is refused", async () => {
      const r = await bob.gql(UPDATE, { input: { handle: 'Alice.Makes', displayName: 'Hijack' } });
      assert.deepEqual(
        r.data.updateChannel.userErrors.map((e: any) => e.code),
        ['HANDLE_TAKEN'],
      );
      const anonEdit = await anon.gql(UPDATE, { input: { description: 'x' } });
      assert.equal(anonEdit.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      const still = await anon.gql(CHANNEL, { h: handle });
      assert.equal(still.data.channel.displayName, 'Alice Makes');
    });

    it('channel videos and counts: public ready only for others; every one for the owner', async () => {
      const others = await bob.gql(CHANNEL, { h: handle, first: 10 });
      assert.deepEqual(others.data.channel.videos.edges.map((e: any) => e.node.title).sort(), ['Public one', 'Public two']);
      assert.equal(others.data.channel.videos.totalCount, 2);
      assert.equal(others.data.channel.videoCount, 2);
      const owner = await alice.gql(CHANNEL, { h: handle, first: 10 });
      assert.equal(owner.data.channel.videos.totalCount, 4);
      assert.equal(owner.data.channel.videoCount, 2, 'the public count, for the owner too');
      const oldest = await anon.gql(CHANNEL, { h: handle, first: 1, orderBy: 'OLDEST' });
      assert.equal(oldest.data.channel.videos.edges[0].node.title, 'Public one');
      const next = await anon.gql(CHANNEL, {
        h: handle,
        first: 1,
        orderBy: 'OLDEST',
        after: oldest.data.channel.videos.pageInfo.endCursor,
      });
      assert.equal(next.data.channel.videos.edges[0].node.title, 'Public two');
      const badCursor = await anon.gql(CHANNEL, { h: handle, after: 'nonsense' });
      assert.equal(badCursor.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      const badFirst = await anon.gql(CHANNEL, { h: handle, first: 0 });
      assert.equal(badFirst.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    });

    it('most viewed first, paged by its own cursor; private and unlisted never listed to others', async () => {
      const ids = Object.keys(titles);
      const byTitle = (t: string) => ids.find((id) => titles[id] === t)!;
      const sql = api.app.get(Database);
      for (const [t, n] of [
        ['Public one', 3],
        ['Public two', 7],
        ['Private cut', 1000],
        ['Unlisted cut', 900],
      ] as const) {
        await sql.query('UPDATE videos SET view_count = ? WHERE id = ?', [n, byTitle(t)]);
      }
      const p1 = await anon.gql(CHANNEL, { h: handle, first: 1, orderBy: 'MOST_VIEWED' });
      assert.equal(p1.errors, undefined, JSON.stringify(p1.errors));
      assert.deepEqual(
        p1.data.channel.videos.edges.map((e: any) => [e.node.title, e.node.viewCount]),
        [['Public two', 7]],
      );
      assert.equal(p1.data.channel.videos.pageInfo.hasNextPage, true);
      const p2 = await bob.gql(CHANNEL, { h: handle, first: 5, orderBy: 'MOST_VIEWED', after: p1.data.channel.videos.pageInfo.endCursor });
      assert.deepEqual(
        p2.data.channel.videos.edges.map((e: any) => e.node.title),
        ['Public one'],
      );
      assert.equal(p2.data.channel.videos.pageInfo.hasNextPage, false);
      const owner = await alice.gql(CHANNEL, { h: handle, first: 2, orderBy: 'MOST_VIEWED' });
      assert.deepEqual(
        owner.data.channel.videos.edges.map((e: any) => e.node.title),
        ['Private cut', 'Unlisted cut'],
      );
      const newest = await anon.gql(CHANNEL, { h: handle, first: 1 });
      const mixed = await anon.gql(CHANNEL, { h: handle, orderBy: 'MOST_VIEWED', after: newest.data.channel.videos.pageInfo.endCursor });
      assert.equal(mixed.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'a NEWEST cursor is refused by MOST_VIEWED');
      const back = await anon.gql(CHANNEL, { h: handle, after: p1.data.channel.videos.pageInfo.endCursor });
      assert.equal(back.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'and the other way round');
    });

    it("the Playlists tab lists the channel's public playlists only, to everyone, paged", async () => {
      const create = `mutation($input: CreatePlaylistInput!) { createPlaylist(input: $input) { playlist { id } userErrors { code } } }`;
      const made: Record<string, string> = {};
      for (const [title, visibility] of [
        ['Shared one', 'PUBLIC'],
        ['By link only', 'UNLISTED'],
        ['Secret', 'PRIVATE'],
        ['Shared two', 'PUBLIC'],
      ]) {
        const r = await alice.gql(create, { input: { title, visibility } });
        assert.deepEqual(r.data.createPlaylist.userErrors, []);
        made[title] = r.data.createPlaylist.playlist.id;
      }
      // Distinct creation times, so "newest first" has one answer.
      const sql = api.app.get(Database);
      const base = Date.parse('2026-04-01T00:00:00Z');
      for (const [i, title] of ['Shared one', 'By link only', 'Secret', 'Shared two'].entries()) {
        await sql.query('UPDATE playlists SET created_at = ? WHERE id = ?', [sql.dialect.time(new Date(base + i * 60_000)), made[title]]);
      }
      await alice.gql(`{ watchLater { id } }`);
      await bob.gql(create, { input: { title: "Bob's public", visibility: 'PUBLIC' } });
      const LISTS = `query($h: String!, $first: Int, $after: String) { channel(handle: $h) {
        playlists(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { id title visibility itemCount isWatchLater viewerIsOwner } } } } }`;
      for (const [who, client] of [
        ['signed out', anon],
        ['another account', bob],
        ['the owner', alice],
      ] as const) {
        const all = await client.gql(LISTS, { h: handle, first: 10 });
        assert.equal(all.errors, undefined, JSON.stringify(all.errors));
        const nodes = all.data.channel.playlists.edges.map((e: any) => e.node);
        assert.deepEqual(
          nodes.map((n: any) => n.title),
          ['Shared two', 'Shared one'],
          `${who}: public ones, newest first`,
        );
        assert.ok(
          nodes.every((n: any) => n.visibility === 'PUBLIC' && !n.isWatchLater),
          who,
        );
        assert.equal(all.data.channel.playlists.totalCount, 2, who);
        assert.ok(
          nodes.every((n: any) => n.viewerIsOwner === (client === alice)),
          who,
        );
      }
      const p1 = await anon.gql(LISTS, { h: handle, first: 1 });
      assert.equal(p1.data.channel.playlists.edges[0].node.id, made['Shared two']);
      assert.equal(p1.data.channel.playlists.pageInfo.hasNextPage, true);
      const p2 = await anon.gql(LISTS, { h: handle, first: 1, after: p1.data.channel.playlists.pageInfo.endCursor });
      assert.deepEqual(
        p2.data.channel.playlists.edges.map((e: any) => e.node.id),
        [made['Shared one']],
      );
      assert.equal(p2.data.channel.playlists.pageInfo.hasNextPage, false);
      await alice.gql(`mutation($input: UpdatePlaylistInput!) { updatePlaylist(input: $input) { userErrors { code } } }`, {
        input: { id: made['Shared one'], visibility: 'PRIVATE' },
      });
      const after = await bob.gql(LISTS, { h: handle });
      assert.deepEqual(
        after.data.channel.playlists.edges.map((e: any) => e.node.title),
        ['Shared two'],
        'made private, it leaves the tab at once',
      );
      const videoCursor = (await anon.gql(CHANNEL, { h: handle, first: 1 })).data.channel.videos.pageInfo.endCursor;
      const bad = await anon.gql(LISTS, { h: handle, after: videoCursor });
      assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      const badFirst = await anon.gql(LISTS, { h: handle, first: 101 });
      assert.equal(badFirst.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    });

    it('subscribing needs sign-in, is idempotent and not to oneself; the feed has public videos only', async () => {
      const signedOut = await anon.gql(SUBSCRIBE, { h: handle });
      assert.equal(signedOut.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      const self = await alice.gql(SUBSCRIBE, { h: handle });
      assert.deepEqual(
        self.data.subscribe.userErrors.map((e: any) => e.code),
        ['CANNOT_SUBSCRIBE_TO_SELF'],
      );
      const s1 = await bob.gql(SUBSCRIBE, { h: `@${handle}` });
      assert.equal(s1.errors, undefined, JSON.stringify(s1.errors));
      assert.deepEqual(s1.data.subscribe.channel, { handle, subscriberCount: 1, viewerIsSubscribed: true });
      const s2 = await bob.gql(SUBSCRIBE, { h: handle });
      assert.equal(s2.data.subscribe.channel.subscriberCount, 1, 'idempotent');
      const unknown = await bob.gql(SUBSCRIBE, { h: 'nobody-at-all' });
      assert.deepEqual(
        unknown.data.subscribe.userErrors.map((e: any) => e.code),
        ['CHANNEL_NOT_FOUND'],
      );

      const feed = await bob.gql(FEED, { first: 10 });
      assert.equal(feed.errors, undefined, JSON.stringify(feed.errors));
      assert.deepEqual(feed.data.subscriptionFeed.edges.map((e: any) => e.node.title).sort(), ['Public one', 'Public two']);
      assert.ok(feed.data.subscriptionFeed.edges.every((e: any) => e.node.channel.handle === handle));
      const page1 = await bob.gql(FEED, { first: 1 });
      const page2 = await bob.gql(FEED, { first: 1, after: page1.data.subscriptionFeed.pageInfo.endCursor });
      assert.notEqual(page1.data.subscriptionFeed.edges[0].node.id, page2.data.subscriptionFeed.edges[0].node.id);
      assert.equal((await anon.gql(FEED)).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');

      const subs = await bob.gql(MY_SUBS);
      assert.deepEqual(subs.data.mySubscriptions, { totalCount: 1, edges: [{ node: { handle, displayName: 'Alice Makes' } }] });

      const vid = Object.keys(titles).find((id) => titles[id] === 'Public one')!;
      const watch = await bob.gql(
        `query($id: ID!) { video(id: $id) { channel { handle subscriberCount viewerIsSubscribed avatarSmallUrl } } }`,
        { id: vid },
      );
      assert.deepEqual(watch.data.video.channel, { handle, subscriberCount: 1, viewerIsSubscribed: true, avatarSmallUrl: null });

      assert.equal((await bob.gql(UNSUBSCRIBE, { h: handle })).data.unsubscribe.subscribed, false);
      assert.equal((await bob.gql(UNSUBSCRIBE, { h: handle })).data.unsubscribe.userErrors.length, 0, 'idempotent');
      assert.deepEqual((await bob.gql(FEED)).data.subscriptionFeed.edges, []);
    });

    it('avatar and banner uploads: resized WebP without EXIF, cached for good, replaced files removed, bad files refused', async () => {
      const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c03030' } })
        .jpeg()
        .withExif({ IFD0: { Make: 'SecretCam' } })
        .toBuffer();
      assert.equal((await upload(api, null, 'avatar', photo, 'image/jpeg')).status, 401);
      const first = await upload(api, alice, 'avatar', photo, 'image/jpeg');
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const img = await fetch(local(api, first.body.avatarUrl));
      assert.equal(img.status, 200);
      assert.equal(img.headers.get('content-type'), 'image/webp');
      assert.match(img.headers.get('cache-control') ?? '', /immutable/);
      const bytes = Buffer.from(await img.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      assert.deepEqual([meta.width, meta.height, meta.exif], [176, 176, undefined]);
      assert.ok(!bytes.includes(Buffer.from('SecretCam')));
      const second = await upload(api, alice, 'avatar', photo, 'image/jpeg');
      assert.equal(second.status, 200);
      assert.notEqual(second.body.avatarUrl, first.body.avatarUrl);
      assert.equal((await fetch(local(api, first.body.avatarUrl))).status, 404, 'the replaced image is gone');
      const c = await anon.gql(CHANNEL, { h: handle });
      assert.equal(c.data.channel.avatarUrl, second.body.avatarUrl);

      const bannerIn = await sharp({ create: { width: 2560, height: 1440, channels: 3, background: '#3030c0' } })
        .png()
        .toBuffer();
      const banner = await upload(api, alice, 'banner', bannerIn);
      assert.equal(banner.status, 200, JSON.stringify(banner.body));
      const bm = await sharp(Buffer.from(await (await fetch(local(api, banner.body.bannerUrl))).arrayBuffer())).metadata();
      assert.deepEqual([bm.width, bm.height], [2048, 1152]);

      const text = await upload(api, alice, 'avatar', Buffer.from('just text, named avatar.png'), 'image/png');
      assert.equal(text.status, 415);
      assert.match(text.body.message, /not a picture/);
      const big = await upload(api, alice, 'avatar', Buffer.alloc(6_500_000, 1), 'image/png');
      assert.equal(big.status, 413);
      assert.match(big.body.message, /6 MB/);
      assert.equal((await upload(api, alice, 'cover', photo)).status, 404);
      assert.equal((await fetch(`${api.url}/api/channel-images/..%2F..%2Fetc%2Fpasswd`)).status, 404);
    });
  });
}
