/**
 * Large (issue 14, podcasts): a SHOW of two READY audio episodes made through the api (real tus
 * upload, real transcode of generated audio), its RSS feed fetched over HTTP and read with a parser
 * we did not write (fast-xml-parser, and podcast-partytime as podcast apps read it), validated by xmllint against the RSS 2.0 RELAX NG schema in
 * fixtures/, conditional requests (304), the private/unlisted rules, and the progressive enclosure:
 * byte ranges from the origin and ffprobe on the file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed } from 'podcast-partytime';
import { generateAudioFile, writeTextAsAudio } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';
import { scratchDir } from './support-files';

const run = promisify(execFile);
const RNG = resolve(__dirname, '../../../../apps/api/test/fixtures/rss-2.0.rng');
const CHAPTERED = ['0:00 Intro', '0:12 The middle part', '0:24 Goodbye'].join('\n');
const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nHello listeners\n';

const PLAYLIST_FIELDS = `id kind visibility show { author language category subcategory explicit locked feedUrl podcastGuid }
  items { edges { node { position number videoId } } }`;
const CREATE = `mutation($input: CreatePlaylistInput!) { createPlaylist(input: $input) { playlist { ${PLAYLIST_FIELDS} } userErrors { field code message } } }`;
const UPDATE = `mutation($input: UpdatePlaylistInput!) { updatePlaylist(input: $input) { playlist { ${PLAYLIST_FIELDS} } userErrors { field code message } } }`;
const ADD = `mutation($p: ID!, $v: ID!) { addToPlaylist(playlistId: $p, videoId: $v) { userErrors { code } } }`;
const UPDATE_VIDEO = `mutation($input: UpdateVideoInput!) { updateVideo(input: $input) { userErrors { code } } }`;

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

for (const db of databaseMatrix()) {
  describe(`podcast show feed over HTTP (${db})`, () => {
    let api: TestApi;
    let scratch: Awaited<ReturnType<typeof scratchDir>>;
    let creator: ApiClient;
    let creatorId: string;
    let ep1: string;
    let ep2: string;
    let showId: string;
    const local = (url: string) => url.replace(api.config.publicApiUrl, api.url);
    const feedPath = () => `/feeds/shows/${showId}.xml`;

    before(async () => {
      scratch = await scratchDir('podcast');
      let long: string;
      let short: string;
      [api, long, short] = await Promise.all([
        startApi(db, {}),
        generateAudioFile({
          path: join(scratch.dir, 'ep1.mp3'),
          durationSec: 40,
          codec: 'libmp3lame',
          bitrateK: 64,
          channels: 1,
          quiet: true,
        }),
        generateAudioFile({ path: join(scratch.dir, 'ep2.mp3'), durationSec: 6, codec: 'libmp3lame', bitrateK: 128 }),
      ]);
      creator = new ApiClient(api.url);
      creatorId = (await creator.signUp('Podcaster')).id;
      const up1 = await tusUpload(creator, long, {
        title: 'Episode One & <friends>',
        filename: 'ep1.mp3',
        metadata: { podcast: 'true', description: `The first one.\n${CHAPTERED}`, visibility: 'PUBLIC' },
      });
      const up2 = await tusUpload(creator, short, {
        title: 'Episode Two',
        filename: 'ep2.mp3',
        metadata: { podcast: 'true', visibility: 'PUBLIC' },
      });
      ep1 = up1.videoId!;
      ep2 = up2.videoId!;
      for (const id of [ep1, ep2]) {
        const v = await waitForStatus(creator, id, ['READY', 'FAILED'], 180_000);
        assert.equal(v.status, 'READY', v.failureReason);
      }
      const cap = await fetch(`${api.url}/api/videos/${ep1}/captions/en`, {
        method: 'POST',
        headers: { 'content-type': 'text/vtt', authorization: `Bearer ${creator.token}` },
        body: VTT,
      });
      assert.equal(cap.status, 201, await cap.text());
    });

    after(async () => {
      await api?.close();
      await scratch?.remove();
    });

    it('refuses bad show input with userErrors naming the field, then makes a SHOW', async () => {
      const bad = async (input: Record<string, unknown>) =>
        (await creator.gql(CREATE, { input: { title: 'x', ...input } })).data.createPlaylist;
      assert.deepEqual(
        (await bad({ kind: 'SHOW', show: { language: 'zz-notalang' } })).userErrors.map((e: { code: string }) => e.code),
        ['LANGUAGE_UNKNOWN'],
      );
      assert.deepEqual(
        (await bad({ kind: 'SHOW', show: { category: 'Cooking' } })).userErrors.map((e: { field: string[] }) => e.field.at(-1)),
        ['category'],
      );
      assert.deepEqual(
        (await bad({ kind: 'SHOW', show: { category: 'Technology', subcategory: 'Drama' } })).userErrors[0].code,
        'SUBCATEGORY_UNKNOWN',
      );
      assert.deepEqual((await bad({ kind: 'ALBUM', show: { author: 'A' } })).userErrors[0].code, 'NOT_A_SHOW');

      const r = await creator.gql(CREATE, {
        input: {
          title: 'The Test Show',
          description: 'A show about tests.',
          visibility: 'PUBLIC',
          kind: 'SHOW',
          show: { author: 'Pat Podcaster', language: 'en-us', category: 'Technology', explicit: true, locked: true },
        },
      });
      assert.deepEqual(r.data.createPlaylist.userErrors, []);
      const p = r.data.createPlaylist.playlist;
      showId = p.id;
      assert.equal(p.kind, 'SHOW');
      assert.equal(p.show.language, 'en-US', 'canonical BCP 47');
      assert.equal(p.show.feedUrl, `${api.config.publicApiUrl}/feeds/shows/${showId}.xml`);
      for (const v of [ep1, ep2]) assert.deepEqual((await creator.gql(ADD, { p: showId, v })).data.addToPlaylist.userErrors, []);
      const back = (await creator.gql(`query($id: ID!) { playlist(id: $id) { ${PLAYLIST_FIELDS} } }`, { id: showId })).data.playlist;
      assert.deepEqual(
        back.items.edges.map((e: { node: { number: number } }) => e.node.number),
        [1, 2],
        'episode number = position + 1',
      );
      const SET_NUMBER = `mutation($p: ID!, $v: ID!, $n: Int) { setPlaylistItemNumber(playlistId: $p, videoId: $v, number: $n) {
        playlist { items { edges { node { number } } } } userErrors { code } } }`;
      const zero = await creator.gql(SET_NUMBER, { p: showId, v: ep2, n: 0 });
      assert.deepEqual(zero.data.setPlaylistItemNumber.userErrors, [{ code: 'BAD_NUMBER' }]);
      const seven = (await creator.gql(SET_NUMBER, { p: showId, v: ep2, n: 7 })).data.setPlaylistItemNumber;
      assert.deepEqual(seven.userErrors, []);
      assert.deepEqual(
        seven.playlist.items.edges.map((e: { node: { number: number } }) => e.node.number),
        [1, 7],
        'an explicit number wins over the position',
      );
    });

    it('serves RSS 2.0 with the iTunes and Podcasting 2.0 fields, valid against the RSS 2.0 schema', async () => {
      const res = await fetch(api.url + feedPath());
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^application\/rss\+xml/);
      assert.ok(res.headers.get('etag'));
      assert.ok(res.headers.get('last-modified'));
      const xml = await res.text();
      const file = join(scratch.dir, 'feed.xml');
      await writeFile(file, xml);
      await run('xmllint', ['--noout', '--relaxng', RNG, file]);

      // What a podcast app reads: the Podcast Index's own parser (podcast-partytime).
      const app = parseFeed(xml);
      assert.ok(app, 'podcast-partytime reads the feed');
      assert.equal(app.title, 'The Test Show');
      assert.equal(app.author, 'Pat Podcaster');
      assert.equal(app.explicit, true);
      // podcast:locked is read above: partytime takes it only with an owner e-mail, which the feed
      // does not publish (the creator's address is not made public).
      assert.match(app.guid ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUIDv5 podcast:guid');
      assert.equal(app.items.length, 2);
      const [first, second] = app.items;
      assert.equal(first.guid, `wetube:video:${ep1}`);
      assert.deepEqual([first.itunesEpisode, second.itunesEpisode], [1, 7]);
      assert.deepEqual([first.duration, second.duration], [40, 6]);
      assert.equal(first.enclosure.type, 'audio/mp4');
      assert.ok(first.enclosure.length > 0 && /\/enclosure\.m4a$/.test(first.enclosure.url), JSON.stringify(first.enclosure));
      assert.match(first.podcastChapters?.url ?? '', /\/chapters\.json$/);
      assert.equal(first.podcastTranscripts?.[0]?.type, 'text/vtt');
      assert.equal(second.podcastChapters, undefined);

      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false }).parse(xml);
      const rss = parsed.rss;
      assert.equal(rss['@version'], '2.0');
      assert.equal(rss['@xmlns:itunes'], 'http://www.itunes.com/dtds/podcast-1.0.dtd');
      assert.equal(rss['@xmlns:podcast'], 'https://podcastindex.org/namespace/1.0');
      const ch = rss.channel;
      assert.equal(ch.title, 'The Test Show');
      assert.equal(ch.description, 'A show about tests.');
      assert.equal(ch.language, 'en-US');
      assert.match(ch.link, new RegExp(`/playlist\\?list=${showId}$`));
      assert.equal(ch['itunes:author'], 'Pat Podcaster');
      assert.equal(ch['itunes:category']['@text'], 'Technology');
      assert.equal(ch['itunes:explicit'], 'true');
      assert.equal(ch['podcast:locked'], 'yes');
      const python = await run('python3', [
        '-c',
        `import uuid,sys; print(uuid.uuid5(uuid.UUID('ead4c236-bf58-58c6-a2c6-a6b28d128cb6'), sys.argv[1]))`,
        `${api.config.publicApiUrl}/feeds/shows/${showId}.xml`.replace(/^https?:\/\//, ''),
      ]);
      assert.equal(ch['podcast:guid'], python.stdout.trim(), 'podcast:guid = UUIDv5 of the feed URL without its scheme');
      assert.equal(ch['itunes:image']['@href'], `${api.config.publicApiUrl}/hls/${ep1}/poster.jpg`, "the first episode's cover");

      const items = asArray(ch.item);
      assert.equal(items.length, 2);
      const [one, two] = items;
      assert.equal(one.title, 'Episode One & <friends>', 'escaped and read back');
      assert.match(one.description, /^The first one\./);
      assert.equal(one.guid['@isPermaLink'], 'false');
      assert.equal(one.guid['#text'], `wetube:video:${ep1}`);
      assert.ok(!Number.isNaN(Date.parse(one.pubDate)));
      assert.equal(one['itunes:episode'], '1');
      assert.equal(two['itunes:episode'], '7', 'the explicit episode number');
      assert.equal(one['itunes:duration'], '00:40');
      assert.equal(two['itunes:duration'], '00:06');
      assert.equal(one['itunes:image']['@href'], `${api.config.publicApiUrl}/hls/${ep1}/poster.jpg`);
      assert.equal(one.enclosure['@type'], 'audio/mp4');
      assert.equal(one.enclosure['@url'], `${api.config.publicApiUrl}/hls/${ep1}/enclosure.m4a`);
      const encRes = await fetch(local(one.enclosure['@url']));
      assert.equal(encRes.status, 200);
      assert.equal(Number(one.enclosure['@length']), (await encRes.arrayBuffer()).byteLength, 'length = the bytes served');

      assert.equal(one['podcast:chapters']['@type'], 'application/json+chapters');
      const chapters = await fetch(local(one['podcast:chapters']['@url']));
      assert.equal(chapters.status, 200);
      assert.match(chapters.headers.get('content-type')!, /^application\/json\+chapters/);
      assert.deepEqual(await chapters.json(), {
        version: '1.2.0',
        chapters: [
          { startTime: 0, title: 'Intro' },
          { startTime: 12, title: 'The middle part' },
          { startTime: 24, title: 'Goodbye' },
        ],
      });
      assert.equal(two['podcast:chapters'], undefined, 'no chapters in its description: no tag');

      assert.equal(one['podcast:transcript']['@type'], 'text/vtt');
      assert.equal(one['podcast:transcript']['@language'], 'en');
      const transcript = await fetch(local(one['podcast:transcript']['@url']));
      assert.equal(transcript.status, 200);
      assert.match(await transcript.text(), /Hello listeners/);
      assert.equal(two['podcast:transcript'], undefined);
    });

    it('answers 304 to If-None-Match and If-Modified-Since, and a changed show gets a new ETag', async () => {
      const first = await fetch(api.url + feedPath());
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      const same = await fetch(api.url + feedPath(), { headers: { 'if-none-match': etag } });
      assert.equal(same.status, 304);
      assert.equal(same.headers.get('etag'), etag);
      assert.equal((await fetch(api.url + feedPath(), { headers: { 'if-modified-since': lastModified } })).status, 304);
      assert.equal((await fetch(api.url + feedPath(), { headers: { 'if-none-match': '"other"' } })).status, 200);
      await new Promise((r) => setTimeout(r, 1100)); // Last-Modified has whole seconds
      const upd = await creator.gql(UPDATE, { input: { id: showId, show: { author: 'Pat & Co' } } });
      assert.deepEqual(upd.data.updatePlaylist.userErrors, []);
      const changed = await fetch(api.url + feedPath(), { headers: { 'if-none-match': etag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
      assert.ok(Date.parse(changed.headers.get('last-modified')!) > Date.parse(lastModified));
      assert.match(await changed.text(), /<itunes:author>Pat &amp; Co<\/itunes:author>/);
    });

    it('serves the enclosure with byte ranges (206, Content-Range, If-Range) and it is AAC as long as the source', async () => {
      const url = `${api.url}/hls/${ep1}/enclosure.m4a`;
      const full = Buffer.from(await (await fetch(url)).arrayBuffer());
      const head = await fetch(url, { method: 'HEAD' });
      assert.equal(head.headers.get('accept-ranges'), 'bytes');
      const etag = head.headers.get('etag')!;
      assert.ok(etag && head.headers.get('last-modified'));
      const part = await fetch(url, { headers: { range: 'bytes=100-1099' } });
      assert.equal(part.status, 206);
      assert.equal(part.headers.get('content-range'), `bytes 100-1099/${full.length}`);
      assert.deepEqual(Buffer.from(await part.arrayBuffer()), full.subarray(100, 1100));
      const tail = await fetch(url, { headers: { range: 'bytes=-500', 'if-range': etag } });
      assert.equal(tail.status, 206);
      assert.deepEqual(Buffer.from(await tail.arrayBuffer()), full.subarray(full.length - 500));
      const stale = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': '"stale"' } });
      assert.equal(stale.status, 200, 'a stale If-Range gets the whole file');
      assert.equal(stale.headers.get('content-length'), String(full.length));

      const file = join(scratch.dir, 'enclosure.m4a');
      await writeFile(file, full);
      const { stdout } = await run('ffprobe', ['-v', 'error', '-of', 'json', '-show_streams', '-show_format', file]);
      const probe = JSON.parse(stdout) as { streams: Array<{ codec_name: string; profile: string }>; format: { duration: string } };
      assert.deepEqual([probe.streams[0].codec_name, probe.streams[0].profile], ['aac', 'LC']);
      assert.ok(Math.abs(Number(probe.format.duration) - 40) < 0.5, probe.format.duration);
    });

    it('lists only READY items: a failed upload in the show is left out', async () => {
      const broken = await tusUpload(creator, await writeTextAsAudio(join(scratch.dir, 'notes.mp3')), {
        title: 'Broken',
        filename: 'notes.mp3',
      });
      assert.ok(broken.videoId, JSON.stringify(broken.error));
      assert.equal((await waitForStatus(creator, broken.videoId!, ['READY', 'FAILED'])).status, 'FAILED');
      assert.deepEqual((await creator.gql(ADD, { p: showId, v: broken.videoId })).data.addToPlaylist.userErrors, []);
      const items = asArray(new XMLParser().parse(await (await fetch(api.url + feedPath())).text()).rss.channel.item);
      assert.deepEqual(
        items.map((i: { title: string }) => i.title),
        ['Episode One & <friends>', 'Episode Two'],
      );
    });

    it('lists no PRIVATE episode (its enclosure only to its owner); an UNLISTED show only by its URL; a PRIVATE show is 404', async () => {
      assert.deepEqual((await creator.gql(UPDATE_VIDEO, { input: { id: ep2, visibility: 'PRIVATE' } })).data.updateVideo.userErrors, []);
      const xml = await (await fetch(api.url + feedPath())).text();
      assert.ok(xml.includes(ep1));
      assert.ok(!xml.includes(ep2), 'the private episode is gone from the feed');
      assert.equal((await fetch(`${api.url}/hls/${ep2}/enclosure.m4a`)).status, 404);
      const owned = await fetch(`${api.url}/hls/${ep2}/enclosure.m4a`, { headers: { authorization: `Bearer ${creator.token}` } });
      assert.equal(owned.status, 200);

      assert.deepEqual((await creator.gql(UPDATE, { input: { id: showId, visibility: 'UNLISTED' } })).data.updatePlaylist.userErrors, []);
      assert.equal((await fetch(api.url + feedPath())).status, 200, 'unlisted: by its URL');
      const listed = await new ApiClient(api.url).gql(`query($u: ID!) { playlistsOf(userId: $u) { id } }`, { u: creatorId });
      assert.deepEqual(listed.data.playlistsOf, [], 'unlisted: not listed on the channel');

      assert.deepEqual((await creator.gql(UPDATE, { input: { id: showId, visibility: 'PRIVATE' } })).data.updatePlaylist.userErrors, []);
      assert.equal((await fetch(api.url + feedPath())).status, 404);
      assert.equal((await fetch(`${api.url}/feeds/shows/${ep1}.xml`)).status, 404, 'not a playlist');
      assert.deepEqual(
        (await creator.gql(UPDATE, { input: { id: showId, visibility: 'PUBLIC', kind: 'ALBUM' } })).data.updatePlaylist.userErrors,
        [],
      );
      assert.equal((await fetch(api.url + feedPath())).status, 404, 'an album has no feed');
    });
  });
}
