import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, types } from 'hls-parser';
import { verifyManifest } from '@wetube/content';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';

// Captions end to end over HTTP: a real transcoded clip, a caption uploaded by REST, the master
// playlist and the subtitle rendition read from the origin, the signed manifest checked, authz.

const SRT = [
  '1',
  '00:00:00,500 --> 00:00:01,500',
  'Hello <i>captions</i>',
  '',
  '2',
  '00:00:01,800 --> 00:00:02,600',
  '<script>alert(1)</script> & co',
  '',
].join('\r\n');

for (const db of databaseMatrix()) {
  describe(`captions of a published video (${db})`, () => {
    let api: TestApi;
    let owner: ApiClient;
    let other: ApiClient;
    let id: string;
    let publicKey: Buffer;
    let manifestBefore: any;

    const hls = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}/hls/${id}/${path}`, { headers });
    const text = async (path: string) => {
      const r = await hls(path);
      assert.equal(r.status, 200, path);
      return r.text();
    };
    const post = (client: ApiClient | null, language: string, body: string | Uint8Array, query = '') =>
      fetch(`${api.url}/api/videos/${id}/captions/${language}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-subrip', ...(client?.token ? { authorization: `Bearer ${client.token}` } : {}) },
        body,
      });
    const captionsQuery = `query($id: ID!) { video(id: $id) { captions { language label url playlistUrl cueCount sourceFormat } } }`;

    before(async () => {
      api = await startApi(db);
      owner = new ApiClient(api.url);
      await owner.signUp('Caption Owner');
      other = new ApiClient(api.url);
      await other.signUp('Someone Else');
      const clip = await generateClip({ path: join(api.dataDir, 'c.mp4'), durationSec: 5, width: 480, height: 270 });
      id = (await tusUpload(owner, clip)).videoId!;
      const v = await waitForStatus(owner, id, ['READY', 'FAILED']);
      assert.equal(v.status, 'READY', v.failureReason);
      const wellKnown: any = await (await fetch(`${api.url}/.well-known/wetube-origin.json`)).json();
      publicKey = Buffer.from(wellKnown.publicKey, 'base64url');
      manifestBefore = await (await hls('manifest.json')).json();
    });
    after(async () => api?.close());

    it('uploads an SRT by REST as the owner: 201 with the WebVTT URL, listed on Video.captions', async () => {
      const r = await post(owner, 'en', SRT, '?label=English');
      const body: any = await r.json();
      assert.equal(r.status, 201, JSON.stringify(body));
      assert.equal(body.language, 'en');
      assert.equal(body.label, 'English');
      assert.match(body.url, new RegExp(`/hls/${id}/captions/en\\.[0-9a-f]{12}/captions\\.vtt$`));
      const listed = await other.gql(captionsQuery, { id });
      assert.deepEqual(listed.data.video.captions, [
        { language: 'en', label: 'English', url: body.url, playlistUrl: body.playlistUrl, cueCount: 2, sourceFormat: 'srt' },
      ]);
      const vtt = await (await fetch(body.url.replace(api.config.publicApiUrl, api.url))).text();
      assert.equal(
        vtt,
        'WEBVTT\n\n1\n00:00:00.500 --> 00:00:01.500\nHello <i>captions</i>\n\n2\n00:00:01.800 --> 00:00:02.600\n&lt;script&gt;alert(1)&lt;/script&gt; &amp; co\n\n',
      );
    });

    it('the master playlist names the subtitle rendition and every variant points to its group', async () => {
      const r = await hls('master.m3u8');
      assert.equal(r.headers.get('cache-control'), 'public, no-cache');
      const master = parse(await r.text()) as types.MasterPlaylist;
      assert.ok(master.variants.length >= 1);
      for (const v of master.variants) {
        assert.deepEqual(
          v.subtitles.map((s) => [s.type, s.groupId, s.language, s.name, s.isDefault, s.autoselect]),
          [['SUBTITLES', 'subs', 'en', 'English', false, true]],
        );
        assert.equal(v.audio.length, 1, 'audio group kept');
      }
    });

    it('the subtitle playlist has one WebVTT segment per video segment, same durations, cues on the video timeline', async () => {
      const master = parse(await text('master.m3u8')) as types.MasterPlaylist;
      const subsUri = master.variants[0].subtitles[0].uri!;
      const subs = parse(await text(subsUri)) as types.MediaPlaylist;
      const video = parse(await text(master.variants[0].uri)) as types.MediaPlaylist;
      assert.deepEqual(
        subs.segments.map((s) => s.duration),
        video.segments.map((s) => s.duration),
      );
      assert.equal(subs.endlist, true);
      const base = subsUri.replace(/playlist\.m3u8$/, '');
      const first = await hls(base + subs.segments[0].uri);
      assert.match(first.headers.get('content-type') ?? '', /^text\/vtt/);
      const seg = await first.text();
      assert.match(seg, /^WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:\d+,LOCAL:00:00:00\.000\n/);
      assert.match(seg, /00:00:00\.500 --> 00:00:01\.500\nHello <i>captions<\/i>/);
      assert.ok(!seg.includes('<script>'), 'HTML-looking text is escaped');
      const last = await text(base + subs.segments[subs.segments.length - 1].uri);
      assert.ok(!last.includes('Hello'), 'a cue is only in the segments of its time');
    });

    it('the signed manifest lists the caption files and the new master with their CIDs; the media entries are unchanged', async () => {
      const manifest: any = await (await hls('manifest.json')).json();
      assert.equal(verifyManifest(manifest, publicKey), true, 'signed by the origin key');
      const paths: string[] = manifest.files.map((f: any) => f.path);
      const captionPaths = paths.filter((p) => p.startsWith('captions/'));
      assert.ok(captionPaths.some((p) => p.endsWith('/playlist.m3u8')));
      assert.ok(captionPaths.some((p) => p.endsWith('/captions.vtt')));
      assert.ok(captionPaths.some((p) => /\/seg_00000\.vtt$/.test(p)));
      for (const path of [...captionPaths, 'master.m3u8']) {
        const entry = manifest.files.find((f: any) => f.path === path);
        const bytes = Buffer.from(await (await hls(path)).arrayBuffer());
        assert.equal(entry.sha256, createHash('sha256').update(bytes).digest('hex'), path);
        assert.equal(entry.bytes, bytes.length, path);
        assert.match(entry.cid, /^b[a-z2-7]+$/, path);
      }
      const media = (m: any) => m.files.filter((f: any) => !f.path.startsWith('captions/') && f.path !== 'master.m3u8');
      assert.deepEqual(media(manifest), media(manifestBefore));
      assert.notEqual(
        manifest.files.find((f: any) => f.path === 'master.m3u8').cid,
        manifestBefore.files.find((f: any) => f.path === 'master.m3u8').cid,
      );
      const files = await owner.gql(`query($id: ID!) { video(id: $id) { contentFiles { path cid } } }`, { id });
      assert.ok(files.data.video.contentFiles.some((f: any) => f.path.startsWith('captions/')));
    });

    it('replacing a language re-publishes under new URLs; a second language is added beside it', async () => {
      const before: any = (await owner.gql(captionsQuery, { id })).data.video.captions[0];
      const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHallo\n';
      const de = await post(owner, 'de', vtt);
      assert.equal(de.status, 201);
      assert.equal(((await de.json()) as any).label, 'Deutsch');
      const en = await post(owner, 'en', SRT.replace('Hello', 'Hi'), '?label=English');
      assert.equal(en.status, 201);
      const after: any[] = (await owner.gql(captionsQuery, { id })).data.video.captions;
      assert.deepEqual(
        after.map((c) => c.language),
        ['de', 'en'],
      );
      assert.notEqual(after[1].url, before.url);
      assert.equal((await fetch(before.url.replace(api.config.publicApiUrl, api.url))).status, 404, 'the old track is gone');
      const master = parse(await text('master.m3u8')) as types.MasterPlaylist;
      assert.deepEqual(
        master.variants[0].subtitles.map((s) => s.language),
        ['de', 'en'],
      );
    });

    it('refuses bad files with a clear 400 naming the problem, and too large ones with 413', async () => {
      const cases: [string, string | Uint8Array, string][] = [
        ['en', 'this is not a subtitle file', 'CAPTION_NOT_SUBTITLES'],
        ['en', '1\n00:00:01 --> 00:00:02,000\nx\n', 'CAPTION_MALFORMED_TIMESTAMP'],
        ['english', SRT, 'CAPTION_BAD_LANGUAGE'],
        ['en', new Uint8Array([0, 1, 2, 3, 0xff]), 'CAPTION_NOT_TEXT'],
      ];
      for (const [lang, body, code] of cases) {
        const r = await post(owner, lang, body);
        const answer: any = await r.json();
        assert.equal(r.status, 400, `${code}: ${JSON.stringify(answer)}`);
        assert.equal(answer.code, code);
        assert.ok(answer.message.length > 10);
      }
      const big = await post(owner, 'en', new Uint8Array(1_000_001).fill(0x41));
      assert.equal(big.status, 413);
      assert.equal(((await big.json()) as any).code, 'CAPTION_TOO_LARGE');
      const gql = await owner.gql(
        `mutation($i: UploadCaptionInput!) { uploadCaption(input: $i) { caption { language } userErrors { field code message } } }`,
        {
          i: { videoId: id, language: 'fr', text: '00:00:05,000 --> 00:00:04,000\nx' },
        },
      );
      assert.deepEqual(gql.data.uploadCaption.caption, null);
      assert.equal(gql.data.uploadCaption.userErrors[0].code, 'CAPTION_BAD_CUE');
    });

    it('only the owner changes captions (REST and GraphQL); anonymous requests are 401', async () => {
      assert.equal((await post(other, 'fr', SRT)).status, 403);
      assert.equal((await post(null, 'fr', SRT)).status, 401);
      const up = await other.gql(
        `mutation($i: UploadCaptionInput!) { uploadCaption(input: $i) { caption { language } userErrors { code } } }`,
        {
          i: { videoId: id, language: 'fr', text: SRT },
        },
      );
      assert.deepEqual(up.data.uploadCaption, { caption: null, userErrors: [{ code: 'FORBIDDEN' }] });
      const del = await other.gql(`mutation { deleteCaption(videoId: "${id}", language: "en") { deletedLanguage userErrors { code } } }`);
      assert.deepEqual(del.data.deleteCaption, { deletedLanguage: null, userErrors: [{ code: 'FORBIDDEN' }] });
      const rest = await fetch(`${api.url}/api/videos/${id}/captions/en`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${other.token}` },
      });
      assert.equal(rest.status, 403);
      const still: any[] = (await owner.gql(captionsQuery, { id })).data.video.captions;
      assert.deepEqual(
        still.map((c) => c.language),
        ['de', 'en'],
      );
    });

    it('the owner uploads by GraphQL too', async () => {
      const r = await owner.gql(
        `mutation($i: UploadCaptionInput!) { uploadCaption(input: $i) { caption { language label cueCount } userErrors { code } } }`,
        {
          i: { videoId: id, language: 'fr-ca', label: 'Français (Canada)', text: SRT },
        },
      );
      assert.deepEqual(r.data.uploadCaption, { caption: { language: 'fr-CA', label: 'Français (Canada)', cueCount: 2 }, userErrors: [] });
    });

    it('a private video’s captions are the owner’s only', async () => {
      await owner.gql(`mutation { updateVideo(input: {id: "${id}", visibility: PRIVATE}) { video { id } } }`);
      await new Promise((r) => setTimeout(r, 2100)); // the origin's access cache lives 2 s
      assert.equal((await other.gql(captionsQuery, { id })).data.video, null);
      const track: any = (await owner.gql(captionsQuery, { id })).data.video.captions[0];
      const path = track.url.replace(api.config.publicApiUrl, api.url);
      assert.equal((await fetch(path, { headers: { authorization: `Bearer ${other.token}` } })).status, 404);
      assert.equal((await fetch(path, { headers: { authorization: `Bearer ${owner.token}` } })).status, 200);
      const del = await other.gql(`mutation { deleteCaption(videoId: "${id}", language: "en") { userErrors { code } } }`);
      assert.deepEqual(del.data.deleteCaption.userErrors, [{ code: 'NOT_FOUND' }]);
      await owner.gql(`mutation { updateVideo(input: {id: "${id}", visibility: PUBLIC}) { video { id } } }`);
      await new Promise((r) => setTimeout(r, 2100));
    });

    it('deleting every track leaves the master playlist and manifest without subtitles', async () => {
      for (const language of ['de', 'en', 'fr-CA']) {
        const r = await owner.gql(
          `mutation($v: ID!, $l: String!) { deleteCaption(videoId: $v, language: $l) { deletedLanguage userErrors { code } } }`,
          {
            v: id,
            l: language,
          },
        );
        assert.deepEqual(r.data.deleteCaption, { deletedLanguage: language, userErrors: [] });
      }
      const again = await owner.gql(`mutation { deleteCaption(videoId: "${id}", language: "de") { userErrors { code } } }`);
      assert.deepEqual(again.data.deleteCaption.userErrors, [{ code: 'CAPTION_NOT_FOUND' }]);
      const master = await text('master.m3u8');
      assert.ok(!master.includes('SUBTITLES'), master);
      const manifest: any = await (await hls('manifest.json')).json();
      assert.equal(verifyManifest(manifest, publicKey), true);
      assert.deepEqual(
        manifest.files.filter((f: any) => f.path.startsWith('captions/')),
        [],
      );
      assert.equal(
        manifest.files.find((f: any) => f.path === 'master.m3u8').sha256,
        manifestBefore.files.find((f: any) => f.path === 'master.m3u8').sha256,
        'the master playlist is the transcoder’s again',
      );
      assert.deepEqual((await owner.gql(captionsQuery, { id })).data.video.captions, []);
    });
  });
}
