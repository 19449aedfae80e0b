import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseHls, types as hlsTypes } from 'hls-parser';
import { INTERSTITIAL_CLASS } from '@wetube/ads';
import { StorageRepository } from '@wetube/content';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { startApi, TestApi } from './api.harness';
import { tusUpload, waitForStatus } from './upload.helper';

const ADMIN_EMAIL = 'admin@hls-origin-ads.test';
const CLC = 1_000_000n;
const MINT = `mutation($input: MintInput!) { mint(input: $input) { entryId userErrors { code message } } }`;
const NEW_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } userErrors { code message } } }`;
const NEW_LINE_ITEM = `mutation($input: CreateLineItemInput!) { createLineItem(input: $input) { lineItem { id } userErrors { field code message } } }`;
const NEW_CREATIVE = `mutation($input: CreateCreativeInput!) { createCreative(input: $input) { creative { id } userErrors { field code message } } }`;

/** Segment-level lines of a media playlist: what the swarm and the signed manifest depend on. */
const segmentLines = (text: string) =>
  text.split('\n').filter((l) => l && !l.startsWith('#EXT-X-PROGRAM-DATE-TIME') && !l.startsWith('#EXT-X-DATERANGE'));

describe('HLS origin: media playlists with ad breaks (HLS Interstitials)', () => {
  let api: TestApi;
  let storage: StorageRepository;
  let contentId: string;
  let adVideoId: string;
  let creator: ApiClient;
  let adco: ApiClient;
  const get = (id: string, path: string, headers: Record<string, string> = {}) => fetch(`${api.url}/hls/${id}/${path}`, { headers });
  const onDisk = (id: string, path: string) => readFile(storage.videoFile(id, path)!);

  before(async () => {
    api = await startApi('sqlite', { ADMIN_EMAILS: ADMIN_EMAIL });
    storage = api.app.get(StorageRepository, { strict: false });
    const admin = new ApiClient(api.url);
    const reg = await admin.rest('POST', '/api/auth/register', {
      email: ADMIN_EMAIL,
      password: 'correct horse battery',
      displayName: 'Admin',
    });
    assert.equal(reg.status, 201);
    admin.token = reg.body.token;
    creator = new ApiClient(api.url);
    await creator.signUp('Creator');
    adco = new ApiClient(api.url);
    const { email } = await adco.signUp('Adco', 'advertiser');
    assert.deepEqual(
      (await admin.gql(MINT, { input: { toEmail: email, amount: String(10n * CLC), idempotencyKey: 'hls-ads-mint' } })).data.mint
        .userErrors,
      [],
    );
    const [content, ad] = await Promise.all([
      generateClip({ path: join(api.dataDir, 'content.mp4'), durationSec: 4, width: 320, height: 180 }),
      generateClip({ path: join(api.dataDir, 'ad.mp4'), durationSec: 2, width: 320, height: 180 }),
    ]);
    contentId = (await tusUpload(creator, content)).videoId!;
    adVideoId = (await tusUpload(adco, ad)).videoId!;
    assert.equal((await waitForStatus(creator, contentId, ['READY', 'FAILED'])).status, 'READY');
    assert.equal((await waitForStatus(adco, adVideoId, ['READY', 'FAILED'])).status, 'READY');
    const campaignId = (await adco.gql(NEW_CAMPAIGN, { input: { name: 'Spring' } })).data.createCampaign.campaign.id;
    const li = (
      await adco.gql(NEW_LINE_ITEM, {
        input: {
          campaignId,
          name: 'Launch',
          flightStart: new Date(Date.now() - 60_000).toISOString(),
          flightEnd: new Date(Date.now() + 86400_000).toISOString(),
          budget: String(CLC),
          cpmBid: String(CLC),
          pacing: 'ASAP',
        },
      })
    ).data.createLineItem;
    assert.deepEqual(li.userErrors, []);
    const cr = (
      await adco.gql(NEW_CREATIVE, { input: { lineItemId: li.lineItem.id, videoId: adVideoId, clickThroughUrl: 'https://adco.example/' } })
    ).data.createCreative;
    assert.deepEqual(cr.userErrors, []);
  });
  after(async () => api?.close());

  it('serves every media playlist with one interstitial DATERANGE per break and its segment lines as on disk', async () => {
    for (const rendition of ['180p', 'audio']) {
      const path = `${rendition}/playlist.m3u8`;
      const r = await get(contentId, path);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get('content-type'), 'application/vnd.apple.mpegurl');
      const text = await r.text();
      assert.equal(Number(r.headers.get('content-length')), Buffer.byteLength(text));
      const p = parseHls(text);
      assert.ok(p instanceof hlsTypes.MediaPlaylist, path);
      const ranges = p.segments.flatMap((s) => (s.dateRange ? [s.dateRange] : []));
      assert.equal(ranges.length, 1, `${path}: defaultBreaks(4 s) is the pre-roll only`);
      assert.equal(ranges[0].classId, INTERSTITIAL_CLASS);
      assert.equal((ranges[0] as { cue?: string }).cue, 'PRE');
      assert.match(ranges[0].attributes['X-ASSET-LIST'], new RegExp(`^https?://[^/]+/ads/asset-list/${contentId}/0$`));
      assert.ok(p.segments[0].programDateTime, 'EXT-X-PROGRAM-DATE-TIME on the first segment');
      const disk = (await onDisk(contentId, path)).toString('utf8');
      assert.deepEqual(segmentLines(text), segmentLines(disk), `${path}: every other line as on disk`);
      const again = await get(contentId, path);
      assert.equal(await again.text(), text, 'the same for every request (fixed per video)');
      const etag = again.headers.get('etag')!;
      assert.match(etag, /-ads"$/, 'an ETag of its own (not the file on disk)');
      // Plain node:http: fetch() adds Cache-Control: no-cache to conditional requests.
      const status = await new Promise<number>((resolve, reject) =>
        request(`${api.url}/hls/${contentId}/${path}`, { headers: { 'if-none-match': etag } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        })
          .on('error', reject)
          .end(),
      );
      assert.equal(status, 304);
    }
  });

  it('loaded with ?session=…, the same text for every session: its asset lists take the session from the URL (EXT-X-DEFINE QUERYPARAM)', async () => {
    const plain = await (await get(contentId, '180p/playlist.m3u8')).text();
    const a = await get(contentId, '180p/playlist.m3u8?session=11111111-aaaa');
    const b = await get(contentId, '180p/playlist.m3u8?session=22222222-bbbb');
    const [ta, tb] = [await a.text(), await b.text()];
    assert.equal(ta, tb, 'no session id in the text');
    assert.notEqual(a.headers.get('etag'), (await get(contentId, '180p/playlist.m3u8')).headers.get('etag'), 'its own ETag');
    assert.match(ta, /^#EXTM3U\n#EXT-X-DEFINE:QUERYPARAM="session"\n/);
    assert.doesNotMatch(plain, /EXT-X-DEFINE/, 'without the parameter: no variable (a player without a session would fail on it)');
    const p = parseHls(ta);
    assert.ok(p instanceof hlsTypes.MediaPlaylist);
    const range = p.segments.flatMap((s) => (s.dateRange ? [s.dateRange] : []))[0];
    assert.match(range.attributes['X-ASSET-LIST'], new RegExp(`/ads/asset-list/${contentId}/0\\?session=\\{\\$session\\}$`));
    assert.deepEqual(
      segmentLines(ta).filter((l) => !l.startsWith('#EXT-X-VERSION') && !l.startsWith('#EXT-X-DEFINE')),
      segmentLines(plain).filter((l) => !l.startsWith('#EXT-X-VERSION')),
    );
  });

  it('keeps master playlist, init segments, segments and manifest.json byte-identical to the disk', async () => {
    for (const path of ['master.m3u8', '180p/init.mp4', '180p/seg_00000.m4s', 'audio/seg_00001.m4s', 'manifest.json']) {
      const served = Buffer.from(await (await get(contentId, path)).arrayBuffer());
      assert.deepEqual(served, await onDisk(contentId, path), path);
    }
    // The manifest hashes the media playlists as written by the transcoder (no breaks): the served
    // ones differ by design; no client checks playlists against it (only swarm files).
    const manifest: any = await (await get(contentId, 'manifest.json')).json();
    const entry = manifest.files.find((f: any) => f.path === '180p/playlist.m3u8');
    assert.equal(
      entry.sha256,
      createHash('sha256')
        .update(await onDisk(contentId, '180p/playlist.m3u8'))
        .digest('hex'),
    );
  });

  it("serves a creative's own playlists without ad breaks", async () => {
    for (const path of ['180p/playlist.m3u8', 'audio/playlist.m3u8']) {
      const r = await get(adVideoId, path);
      assert.equal(r.status, 200);
      const served = Buffer.from(await r.arrayBuffer());
      assert.doesNotMatch(served.toString('utf8'), /EXT-X-DATERANGE/);
      assert.deepEqual(served, await onDisk(adVideoId, path), path);
    }
  });

  it("places mid-rolls at the creator's chosen points (snapped onto the segment grid) and back to the default", async () => {
    const UPDATE = `mutation($input: UpdateVideoInput!) { updateVideo(input: $input) { video { midrolls midrollsAreDefault } userErrors { field code message } } }`;
    const update = async (client: ApiClient, input: Record<string, unknown>) =>
      (await client.gql(UPDATE, { input: { id: contentId, ...input } })).data.updateVideo;
    const served = async () => {
      const p = parseHls(await (await get(contentId, '180p/playlist.m3u8')).text()) as InstanceType<typeof hlsTypes.MediaPlaylist>;
      return p.segments.flatMap((s) => (s.dateRange ? [s.dateRange] : []));
    };
    const before = await served();

    // Bad points are refused with a message naming them, and nothing changes.
    for (const [midrolls, code] of [
      [[0], 'MIDROLL_INVALID'],
      [[-3], 'MIDROLL_INVALID'],
      [[4], 'MIDROLL_AFTER_END'],
      [Array.from({ length: 51 }, (_, i) => i + 1), 'TOO_MANY_MIDROLLS'],
    ] as const) {
      const r = await update(creator, { midrolls });
      assert.equal(r.video, null, JSON.stringify(midrolls));
      assert.deepEqual(r.userErrors[0].field, ['input', 'midrolls']);
      assert.equal(r.userErrors[0].code, code);
    }
    const fractional = await creator.gql(UPDATE, { input: { id: contentId, midrolls: [1.5] } });
    assert.match(fractional.errors![0].message, /Int cannot represent non-integer value: 1\.5/);
    assert.equal((await update(creator, { midrolls: [2], defaultMidrolls: true })).userErrors[0].code, 'MIDROLLS_CONFLICT');
    assert.equal((await update(adco, { midrolls: [2] })).video, null, "another account cannot set a creator's mid-rolls");
    assert.deepEqual(await served(), before);

    const set = await update(creator, { midrolls: [3] });
    assert.deepEqual(
      set,
      { video: { midrolls: [2], midrollsAreDefault: false }, userErrors: [] },
      '3 s snaps down to the segment starting at 2 s',
    );
    const ranges = await served();
    assert.equal(ranges.length, 2);
    assert.equal((ranges[1] as { cue?: string }).cue, 'ONCE');
    assert.equal(ranges[1].start!.getTime() - ranges[0].start!.getTime(), 2000, 'the mid-roll starts 2 s after the pre-roll');
    assert.match(ranges[1].attributes['X-ASSET-LIST'], new RegExp(`/ads/asset-list/${contentId}/1$`));

    assert.deepEqual(await update(creator, { defaultMidrolls: true }), {
      video: { midrolls: [], midrollsAreDefault: true },
      userErrors: [],
    });
    assert.equal((await served()).length, 1, 'the default for a 4 s video: the pre-roll only');
  });
});
