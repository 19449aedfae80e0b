/**
 * Medium (issue 14, cover art): an audio item's cover and an album's or show's artwork uploaded
 * over HTTP (real api, real transcode of a generated MP3 with its own cover, real sharp): the
 * uploaded picture replaces the file's own wherever the item is shown (GraphQL posterUrl, a
 * playlist's thumbnail, the podcast feed's item and channel images), bad pictures are refused with
 * a message naming the problem, only the creator may change it, and removing it brings back the
 * file's own picture. Both databases.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import sharp from 'sharp';
import { parseFeed } from 'podcast-partytime';
import { generateAudioFile } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';
import { scratchDir } from './support-files';

const VIDEO = `query($id: ID!) { video(id: $id) { posterUrl coverUploaded kind audio { coverSource } } }`;
const CREATE = `mutation($input: CreatePlaylistInput!) { createPlaylist(input: $input) { playlist { id } userErrors { code message } } }`;
const PLAYLIST = `query($id: ID!) { playlist(id: $id) { thumbnailUrl coverUploaded } }`;

const picture = (width: number, height: number, colour = '#c03030') =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();

async function post(url: string, client: ApiClient | null, body: Buffer, method = 'POST'): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'image/png', ...(client?.token ? { authorization: `Bearer ${client.token}` } : {}) },
    body: method === 'DELETE' ? undefined : body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

for (const db of databaseMatrix()) {
  describe(`uploaded covers and artwork over HTTP (${db})`, () => {
    let api: TestApi;
    let scratch: Awaited<ReturnType<typeof scratchDir>>;
    let creator: ApiClient;
    let other: ApiClient;
    let trackId: string;
    let showId: string;
    const local = (url: string) => url.replace(api.config.publicApiUrl, api.url);
    const coverOf = (id: string) => `${api.url}/api/videos/${id}/cover`;
    const artworkOf = (id: string) => `${api.url}/api/playlists/${id}/cover`;
    const feed = async () => parseFeed(await (await fetch(`${api.url}/feeds/shows/${showId}.xml`)).text())!;

    before(async () => {
      scratch = await scratchDir('covers');
      let track: string;
      [api, track] = await Promise.all([
        startApi(db, {}),
        generateAudioFile({ path: join(scratch.dir, 'song.mp3'), durationSec: 5, codec: 'libmp3lame', bitrateK: 96, coverSize: 300 }),
      ]);
      creator = new ApiClient(api.url);
      await creator.signUp('Cover Artist');
      other = new ApiClient(api.url);
      await other.signUp('Somebody Else');
      const up = await tusUpload(creator, track, { title: 'Song with a cover', filename: 'song.mp3', metadata: { podcast: 'true' } });
      trackId = up.videoId!;
      const v = await waitForStatus(creator, trackId, ['READY', 'FAILED'], 180_000);
      assert.equal(v.status, 'READY', v.failureReason);
    });

    after(async () => {
      await api?.close();
      await scratch?.remove();
    });

    it("an audio item shows the file's own cover until the creator uploads one: a 1400×1400 JPEG, cached for good", async () => {
      const before = (await creator.gql(VIDEO, { id: trackId })).data.video;
      assert.equal(before.kind, 'AUDIO');
      assert.equal(before.audio.coverSource, 'EMBEDDED');
      assert.equal(before.coverUploaded, false);
      assert.match(before.posterUrl, new RegExp(`/hls/${trackId}/poster\\.jpg$`));

      const up = await post(coverOf(trackId), creator, await picture(2000, 1500));
      assert.equal(up.status, 200, JSON.stringify(up.body));
      assert.equal(up.body.coverUploaded, true);
      assert.match(up.body.posterUrl, /\/api\/covers\/[0-9a-f-]{36}-[0-9a-f]{16}\.jpg$/);
      const after = (await new ApiClient(api.url).gql(VIDEO, { id: trackId })).data.video;
      assert.equal(after.posterUrl, up.body.posterUrl, 'everyone is shown the uploaded cover');
      assert.equal(after.coverUploaded, true);
      assert.equal(after.audio.coverSource, 'UPLOADED');
      const img = await fetch(local(up.body.posterUrl));
      assert.equal(img.status, 200);
      assert.equal(img.headers.get('content-type'), 'image/jpeg');
      assert.match(img.headers.get('cache-control') ?? '', /immutable/);
      const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1400, 1400], 'square, cover-cropped');

      const again = await post(coverOf(trackId), creator, await picture(800, 800, '#3030c0'));
      assert.equal(again.status, 200);
      assert.notEqual(again.body.posterUrl, up.body.posterUrl);
      assert.equal((await fetch(local(up.body.posterUrl))).status, 404, 'the replaced cover is gone');
    });

    it('refuses, naming the problem: not signed in, not the creator, no such video, not a picture, too small, too large, a bad for=', async () => {
      const png = await picture(800, 800);
      assert.equal((await post(coverOf(trackId), null, png)).status, 401);
      const notMine = await post(coverOf(trackId), other, png);
      assert.equal(notMine.status, 403);
      assert.match(notMine.body.message, /Only the creator/);
      assert.equal((await post(coverOf('00000000-0000-4000-8000-000000000000'), creator, png)).status, 404);
      const text = await post(coverOf(trackId), creator, Buffer.from('I am a text file named cover.png'));
      assert.equal(text.status, 415);
      assert.match(text.body.message, /not a picture/);
      const small = await post(coverOf(trackId), creator, await picture(300, 300));
      assert.equal(small.status, 400);
      assert.match(small.body.message, /cover is 300×300; it must be at least 500×500/);
      const big = await post(coverOf(trackId), creator, Buffer.alloc(10_500_000, 1));
      assert.equal(big.status, 413);
      assert.match(big.body.message, /10 MB/);
      const shape = await post(`${coverOf(trackId)}?for=SQUARE`, creator, png);
      assert.equal(shape.status, 400);
      assert.match(shape.body.message, /for=AUDIO/);
      assert.equal((await fetch(`${api.url}/api/covers/..%2F..%2Fetc%2Fpasswd`)).status, 404);
      assert.equal((await creator.gql(VIDEO, { id: trackId })).data.video.coverUploaded, true, 'the refusals changed nothing');
    });

    it("a show's artwork must be 1400×1400; the feed's channel image is it, else the first episode's picture; each item's image is its cover", async () => {
      const made = await creator.gql(CREATE, {
        input: { title: 'Covered Show', visibility: 'PUBLIC', kind: 'SHOW', videoId: trackId, show: { author: 'C. Artist' } },
      });
      assert.deepEqual(made.data.createPlaylist.userErrors, []);
      showId = made.data.createPlaylist.playlist.id;
      const poster = (await creator.gql(VIDEO, { id: trackId })).data.video.posterUrl;
      let app = await feed();
      assert.equal(app.items[0].itunesImage, poster, "the episode's image is its uploaded cover");
      assert.equal(app.itunesImage, poster, "no show artwork yet: the first episode's picture");
      assert.equal((await creator.gql(PLAYLIST, { id: showId })).data.playlist.thumbnailUrl, poster);

      const small = await post(artworkOf(showId), creator, await picture(1200, 1200));
      assert.equal(small.status, 400);
      assert.match(small.body.message, /show artwork is 1200×1200; it must be at least 1400×1400 pixels \(podcast apps/);
      assert.equal((await post(artworkOf(showId), other, await picture(1400, 1400))).status, 403);
      const before = await fetch(`${api.url}/feeds/shows/${showId}.xml`);
      const art = await post(artworkOf(showId), creator, await picture(1600, 1600, '#30c030'));
      assert.equal(art.status, 200, JSON.stringify(art.body));
      assert.equal(art.body.coverUploaded, true);
      const changed = await fetch(`${api.url}/feeds/shows/${showId}.xml`, { headers: { 'if-none-match': before.headers.get('etag')! } });
      assert.equal(changed.status, 200, 'new artwork is a new feed for podcast apps polling with the old ETag');
      app = await feed();
      assert.equal(app.itunesImage, art.body.coverUrl);
      assert.equal(app.image?.url, art.body.coverUrl);
      const pl = (await creator.gql(PLAYLIST, { id: showId })).data.playlist;
      assert.deepEqual(pl, { thumbnailUrl: art.body.coverUrl, coverUploaded: true });
      const meta = await sharp(Buffer.from(await (await fetch(local(art.body.coverUrl))).arrayBuffer())).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1400, 1400]);

      const plain = await creator.gql(CREATE, { input: { title: 'Just a playlist', visibility: 'PUBLIC', videoId: trackId } });
      const refused = await post(artworkOf(plain.data.createPlaylist.playlist.id), creator, await picture(1400, 1400));
      assert.equal(refused.status, 409);
      assert.match(refused.body.message, /Only albums and shows have artwork/);

      const cleared = await post(artworkOf(showId), creator, Buffer.alloc(0), 'DELETE');
      assert.deepEqual(cleared.body, { coverUrl: null, coverUploaded: false });
      assert.equal((await fetch(local(art.body.coverUrl))).status, 404);
      assert.equal((await feed()).itunesImage, poster, "back to the first episode's picture");
    });

    it("removing the uploaded cover brings back the file's own; deleting the item removes its cover", async () => {
      const withCover = (await creator.gql(VIDEO, { id: trackId })).data.video.posterUrl;
      assert.equal((await post(coverOf(trackId), other, Buffer.alloc(0), 'DELETE')).status, 403);
      const cleared = await post(coverOf(trackId), creator, Buffer.alloc(0), 'DELETE');
      assert.equal(cleared.status, 200);
      assert.equal(cleared.body.coverUploaded, false);
      assert.match(cleared.body.posterUrl, new RegExp(`/hls/${trackId}/poster\\.jpg$`));
      assert.equal((await creator.gql(VIDEO, { id: trackId })).data.video.audio.coverSource, 'EMBEDDED');
      assert.equal((await fetch(local(withCover))).status, 404);
      const poster = await fetch(local(cleared.body.posterUrl));
      assert.equal(poster.status, 200, 'the embedded cover is still there');

      const again = await post(coverOf(trackId), creator, await picture(600, 600));
      assert.equal(again.status, 200);
      const del = await creator.gql(`mutation($id: ID!) { deleteVideo(id: $id) { deletedVideoId userErrors { code } } }`, { id: trackId });
      assert.equal(del.data?.deleteVideo.deletedVideoId, trackId, JSON.stringify(del));
      assert.equal((await fetch(local(again.body.posterUrl))).status, 404, "the deleted item's cover is gone");
    });
  });
}
