import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { VideosService, Visibility } from '@wetube/catalog';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';

const THREADS = `query($id: ID!, $first: Int = 10, $after: String, $orderBy: CommentOrder) {
  video(id: $id) {
    id commentCount
    comments(first: $first, after: $after, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id body edited deleted hidden replyCount viewerCanEdit viewerCanDelete viewerCanHide authorIsVideoOwner
        author { id displayName handle avatarUrl }
        replies(first: 5) { totalCount edges { node { id body parentId author { displayName handle } } } }
      } }
    }
  }
}`;
const ADD = `mutation($videoId: ID!, $body: String!) { addComment(videoId: $videoId, body: $body) {
  comment { id body parentId viewerIsAuthor author { displayName } } userErrors { field message code } } }`;
const REPLY = `mutation($id: ID!, $body: String!) { replyToComment(commentId: $id, body: $body) {
  comment { id body parentId } userErrors { field message code } } }`;
const EDIT = `mutation($id: ID!, $body: String!) { editComment(id: $id, body: $body) {
  comment { id body edited editedAt } userErrors { field message code } } }`;
const DELETE = `mutation($id: ID!) { deleteComment(id: $id) { deletedCommentId userErrors { field message code } } }`;
const LIKE = `mutation($id: ID!, $liked: Boolean!) { setCommentLiked(id: $id, liked: $liked) {
  comment { id likeCount viewerHasLiked } userErrors { field message code } } }`;
const HIDE = `mutation($id: ID!, $hidden: Boolean!) { setCommentHidden(id: $id, hidden: $hidden) {
  comment { id hidden } userErrors { field message code } } }`;

for (const db of databaseMatrix()) {
  describe(`comments over GraphQL on ${db} (the real api over HTTP)`, () => {
    let api: TestApi;
    let owner: ApiClient;
    let alice: ApiClient;
    let bob: ApiClient;
    let anon: ApiClient;
    let ownerId: string;

    async function seedVideo(title: string, visibility = Visibility.PUBLIC): Promise<string> {
      const videos = api.app.get(VideosService);
      const v = await videos.createFromUpload({
        ownerId,
        uploadId: `seed${Math.random().toString(36).slice(2)}`,
        title,
        sourceName: 'x.mp4',
        sourceBytes: 1,
      });
      await videos.markReady(v.id, { durationMs: 60_000, width: 640, height: 360, renditions: [] });
      if (visibility !== Visibility.PUBLIC) await videos.updateMetadata(v.id, { visibility });
      return v.id;
    }

    async function add(client: ApiClient, videoId: string, body: string): Promise<string> {
      const r = await client.gql(ADD, { videoId, body });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.deepEqual(r.data.addComment.userErrors, []);
      return r.data.addComment.comment.id;
    }

    before(async () => {
      api = await startApi(db);
      owner = new ApiClient(api.url);
      alice = new ApiClient(api.url);
      bob = new ApiClient(api.url);
      anon = new ApiClient(api.url);
      ownerId = (await owner.signUp('Olga Owner')).id;
      await alice.signUp('Alice Viewer');
      await bob.signUp('Bob Viewer');
    });
    after(async () => api?.close());

    it('signed in viewers comment and reply (one level deep); anyone reads them with authors and counts', async () => {
      const videoId = await seedVideo('Comment me');
      const add1 = await alice.gql(ADD, { videoId, body: '  <b>Great</b> video!\nSecond line ' });
      assert.deepEqual(add1.data.addComment.userErrors, []);
      const c = add1.data.addComment.comment;
      assert.equal(c.body, '<b>Great</b> video!\nSecond line', 'trimmed, stored as plain text');
      assert.equal(c.author.displayName, 'Alice Viewer');
      assert.equal(c.viewerIsAuthor, true);
      const r1 = await bob.gql(REPLY, { id: c.id, body: 'Agreed' });
      assert.deepEqual(r1.data.replyToComment.userErrors, []);
      const r2 = await owner.gql(REPLY, { id: r1.data.replyToComment.comment.id, body: 'Thanks both' });
      assert.equal(r2.data.replyToComment.comment.parentId, c.id, 'a reply to a reply joins the top-level thread');
      await add(bob, videoId, 'Second thread');

      const read = await anon.gql(THREADS, { id: videoId, orderBy: 'TOP' });
      assert.equal(read.errors, undefined, JSON.stringify(read.errors));
      const v = read.data.video;
      assert.equal(v.commentCount, 4);
      assert.equal(v.comments.totalCount, 2);
      const [first, second] = v.comments.edges.map((e: any) => e.node);
      assert.equal(first.id, c.id, 'TOP: most replies first');
      assert.equal(first.replyCount, 2);
      assert.deepEqual(
        first.replies.edges.map((e: any) => [e.node.body, e.node.author.displayName]),
        [
          ['Agreed', 'Bob Viewer'],
          ['Thanks both', 'Olga Owner'],
        ],
      );
      assert.equal(second.body, 'Second thread');
      const aliceChannel = (await alice.gql('{ myChannel { handle } }')).data.myChannel;
      assert.deepEqual(first.author, { id: first.author.id, displayName: 'Alice Viewer', handle: aliceChannel.handle, avatarUrl: null });
      assert.equal(first.replies.edges[0].node.author.handle, (await bob.gql('{ myChannel { handle } }')).data.myChannel.handle);
      assert.equal(first.viewerCanEdit, false);
      assert.equal(first.viewerCanDelete, false);
      const newest = await anon.gql(THREADS, { id: videoId, first: 1 });
      assert.equal(newest.data.video.comments.edges[0].node.body, 'Second thread');
      assert.equal(newest.data.video.comments.pageInfo.hasNextPage, true);
      const next = await anon.gql(THREADS, { id: videoId, first: 1, after: newest.data.video.comments.pageInfo.endCursor });
      assert.equal(next.data.video.comments.edges[0].node.id, c.id);
      assert.equal(next.data.video.comments.pageInfo.hasNextPage, false);
      const ownerView = await owner.gql(THREADS, { id: videoId });
      const ownerNodes = ownerView.data.video.comments.edges.map((e: any) => e.node);
      assert.ok(
        ownerNodes.every((n: any) => n.viewerCanDelete && n.viewerCanHide && !n.viewerCanEdit),
        'the owner moderates',
      );
    });

    it("the author's handle and avatar come from their channel, for many authors in one request", async () => {
      const videoId = await seedVideo('Faces');
      const carol = new ApiClient(api.url);
      await carol.signUp('Carol Faces');
      const renamed = await carol.gql(
        `mutation { updateChannel(input: { handle: "@Carol.Faces" }) { channel { handle } userErrors { code } } }`,
      );
      assert.deepEqual(renamed.data.updateChannel, { channel: { handle: 'carol.faces' }, userErrors: [] });
      const picture = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#20a060' } })
        .png()
        .toBuffer();
      const up = await fetch(`${api.url}/api/channels/me/avatar`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${carol.token}` },
        body: picture,
      });
      assert.equal(up.status, 200, await up.clone().text());
      const { avatarSmallUrl } = (await carol.gql('{ myChannel { avatarSmallUrl } }')).data.myChannel;
      assert.ok(avatarSmallUrl, 'the upload gave the channel a small avatar');
      await add(carol, videoId, 'With a face');
      await add(bob, videoId, 'Without one');
      await add(carol, videoId, 'Again');
      const r = await anon.gql(THREADS, { id: videoId });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      const authors = r.data.video.comments.edges.map((e: any) => [e.node.body, e.node.author.handle, e.node.author.avatarUrl]);
      const bobHandle = (await bob.gql('{ myChannel { handle } }')).data.myChannel.handle;
      assert.deepEqual(authors, [
        ['Again', 'carol.faces', avatarSmallUrl],
        ['Without one', bobHandle, null],
        ['With a face', 'carol.faces', avatarSmallUrl],
      ]);
      const img = await fetch(`${api.url}${new URL(avatarSmallUrl).pathname}`);
      assert.equal(img.status, 200, 'the avatar URL serves the picture');
    });

    it('signed out: every mutation is refused with UNAUTHENTICATED', async () => {
      const videoId = await seedVideo('Signed out');
      const id = await add(alice, videoId, 'hello');
      for (const [q, vars] of [
        [ADD, { videoId, body: 'anon' }],
        [REPLY, { id, body: 'anon' }],
        [EDIT, { id, body: 'anon' }],
        [DELETE, { id }],
        [HIDE, { id, hidden: true }],
        [LIKE, { id, liked: true }],
      ] as const) {
        const r = await anon.gql(q, vars);
        assert.equal(r.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', q);
      }
      assert.equal((await anon.gql(THREADS, { id: videoId })).data.video.commentCount, 1);
    });

    it("someone else's comment: edit, delete and hide are refused; the video's owner deletes and hides", async () => {
      const videoId = await seedVideo('Authz');
      const id = await add(alice, videoId, "alice's words");
      const edit = await bob.gql(EDIT, { id, body: 'bob was here' });
      assert.equal(edit.data.editComment.comment, null);
      assert.equal(edit.data.editComment.userErrors[0].code, 'FORBIDDEN');
      assert.equal((await owner.gql(EDIT, { id, body: 'owner was here' })).data.editComment.userErrors[0].code, 'FORBIDDEN');
      assert.equal((await bob.gql(DELETE, { id })).data.deleteComment.userErrors[0].code, 'FORBIDDEN');
      assert.equal((await bob.gql(HIDE, { id, hidden: true })).data.setCommentHidden.userErrors[0].code, 'FORBIDDEN');
      assert.equal((await alice.gql(HIDE, { id, hidden: true })).data.setCommentHidden.userErrors[0].code, 'FORBIDDEN');

      const liked = await bob.gql(LIKE, { id, liked: true });
      assert.deepEqual(liked.data.setCommentLiked, { comment: { id, likeCount: 1, viewerHasLiked: true }, userErrors: [] });
      assert.equal((await bob.gql(LIKE, { id, liked: true })).data.setCommentLiked.comment.likeCount, 1, 'one like per account');

      const mine = await alice.gql(EDIT, { id, body: "alice's better words" });
      assert.deepEqual(mine.data.editComment.userErrors, []);
      assert.equal(mine.data.editComment.comment.edited, true);
      assert.ok(mine.data.editComment.comment.editedAt);

      const hide = await owner.gql(HIDE, { id, hidden: true });
      assert.deepEqual(hide.data.setCommentHidden.userErrors, []);
      assert.equal(hide.data.setCommentHidden.comment.hidden, true);
      const forBob = await bob.gql(THREADS, { id: videoId });
      assert.deepEqual(forBob.data.video.comments.edges, [], 'hidden from others');
      assert.equal(forBob.data.video.commentCount, 0);
      const forAlice = await alice.gql(THREADS, { id: videoId });
      assert.equal(forAlice.data.video.comments.edges[0].node.hidden, true, 'its author still sees it');
      assert.equal((await bob.gql(DELETE, { id })).data.deleteComment.userErrors[0].code, 'NOT_FOUND');
      await owner.gql(HIDE, { id, hidden: false });
      assert.equal((await bob.gql(THREADS, { id: videoId })).data.video.commentCount, 1);

      const del = await owner.gql(DELETE, { id });
      assert.deepEqual(del.data.deleteComment, { deletedCommentId: id, userErrors: [] });
      assert.equal((await anon.gql(THREADS, { id: videoId })).data.video.comments.totalCount, 0);
    });

    it('a deleted comment with replies shows [deleted] and keeps them', async () => {
      const videoId = await seedVideo('Deleted');
      const id = await add(alice, videoId, 'I will regret this');
      await bob.gql(REPLY, { id, body: 'you will' });
      assert.deepEqual((await alice.gql(DELETE, { id })).data.deleteComment.userErrors, []);
      const r = await anon.gql(THREADS, { id: videoId });
      const node = r.data.video.comments.edges[0].node;
      assert.equal(node.deleted, true);
      assert.equal(node.body, '[deleted]');
      assert.equal(node.author, null);
      assert.deepEqual(
        node.replies.edges.map((e: any) => e.node.body),
        ['you will'],
      );
      assert.equal(r.data.video.commentCount, 1);
    });

    it("a private video's comments never leak; unlisted ones are open by link", async () => {
      const videoId = await seedVideo('Secret', Visibility.PRIVATE);
      const id = await add(owner, videoId, 'private note');
      assert.equal((await anon.gql(THREADS, { id: videoId })).data.video, null);
      assert.equal((await alice.gql(THREADS, { id: videoId })).data.video, null);
      const a = await alice.gql(ADD, { videoId, body: 'let me in' });
      assert.deepEqual(
        a.data.addComment.userErrors.map((e: any) => [e.field, e.code]),
        [[['videoId'], 'NOT_FOUND']],
      );
      for (const [q, vars, field] of [
        [REPLY, { id, body: 'x' }, 'replyToComment'],
        [EDIT, { id, body: 'x' }, 'editComment'],
        [DELETE, { id }, 'deleteComment'],
        [HIDE, { id, hidden: true }, 'setCommentHidden'],
        [LIKE, { id, liked: true }, 'setCommentLiked'],
      ] as const) {
        const r = await alice.gql(q, vars);
        assert.equal(r.data[field].userErrors[0].code, 'NOT_FOUND', field);
        assert.doesNotMatch(JSON.stringify(r), /private note/);
      }
      const mine = await owner.gql(THREADS, { id: videoId });
      assert.equal(mine.data.video.comments.edges[0].node.body, 'private note');
      const list = await owner.gql(`{ myVideos(first: 50) { edges { node { id commentCount } } } }`);
      assert.ok(list.data.myVideos.edges.some((e: any) => e.node.id === videoId && e.node.commentCount === 1));
      // A public video made private takes its comments with it.
      const pub = await seedVideo('Soon private');
      const cid = await add(alice, pub, 'public words');
      await owner.gql(`mutation($input: UpdateVideoInput!) { updateVideo(input: $input) { userErrors { code } } }`, {
        input: { id: pub, visibility: 'PRIVATE' },
      });
      assert.equal((await bob.gql(THREADS, { id: pub })).data.video, null);
      assert.equal((await bob.gql(REPLY, { id: cid, body: 'hello?' })).data.replyToComment.userErrors[0].code, 'NOT_FOUND');
      const unlisted = await seedVideo('By link', Visibility.UNLISTED);
      await add(alice, unlisted, 'found by link');
      assert.equal((await anon.gql(THREADS, { id: unlisted })).data.video.comments.edges[0].node.body, 'found by link');
    });

    it("deleting a video takes its comments with it; `comment(id)` follows the video's visibility", async () => {
      const videoId = await seedVideo('Short-lived');
      const id = await add(alice, videoId, 'soon gone');
      await bob.gql(REPLY, { id, body: 'me too' });
      const one = `query($id: ID!) { comment(id: $id) { id body replyCount replies { edges { node { body } } } } }`;
      const before = await anon.gql(one, { id });
      assert.equal(before.data.comment.body, 'soon gone');
      assert.deepEqual(
        before.data.comment.replies.edges.map((e: any) => e.node.body),
        ['me too'],
      );
      const del = await owner.gql(`mutation($id: ID!) { deleteVideo(id: $id) { deletedVideoId userErrors { code } } }`, { id: videoId });
      assert.equal(del.data.deleteVideo.deletedVideoId, videoId);
      const afterDelete = await anon.gql(one, { id });
      assert.equal(afterDelete.errors, undefined, JSON.stringify(afterDelete.errors));
      assert.equal(afterDelete.data.comment, null);
      assert.equal((await alice.gql(EDIT, { id, body: 'x' })).data.editComment.userErrors[0].code, 'NOT_FOUND');
      const priv = await seedVideo('Private thread', Visibility.PRIVATE);
      const pid = await add(owner, priv, 'owner only');
      assert.equal((await bob.gql(one, { id: pid })).data.comment, null);
      assert.equal((await owner.gql(one, { id: pid })).data.comment.body, 'owner only');
    });

    it('bad input gets a clear error, never a server error', async () => {
      const videoId = await seedVideo('Bad input');
      const empty = await alice.gql(ADD, { videoId, body: '   ' });
      assert.deepEqual(
        empty.data.addComment.userErrors.map((e: any) => [e.field, e.code]),
        [[['body'], 'BODY_EMPTY']],
      );
      const long = await alice.gql(ADD, { videoId, body: 'a'.repeat(10_001) });
      assert.equal(long.data.addComment.userErrors[0].code, 'BODY_TOO_LONG');
      assert.match(long.data.addComment.userErrors[0].message, /at most 10,000 characters/);
      const first = await anon.gql(THREADS, { id: videoId, first: 0 });
      assert.equal(first.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      const cursor = await anon.gql(THREADS, { id: videoId, after: 'not-a-cursor' });
      assert.equal(cursor.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.match(cursor.errors![0].message, /"after"/);
      const unknown = await alice.gql(EDIT, { id: 'no-such-comment', body: 'x' });
      assert.equal(unknown.data.editComment.userErrors[0].code, 'NOT_FOUND');
    });

    it('a per-account rate limit: the 11th comment within a minute is RATE_LIMITED, others can still comment', async () => {
      const videoId = await seedVideo('Spam');
      const spammer = new ApiClient(api.url);
      await spammer.signUp('Spammer');
      for (let i = 0; i < 10; i++) await add(spammer, videoId, `spam ${i}`);
      const r = await spammer.gql(ADD, { videoId, body: 'one more' });
      assert.equal(r.data.addComment.comment, null);
      assert.equal(r.data.addComment.userErrors[0].code, 'RATE_LIMITED');
      assert.match(r.data.addComment.userErrors[0].message, /try again in \d+ s/);
      await add(bob, videoId, 'not a spammer');
    });
  });
}
