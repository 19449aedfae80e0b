import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AdChargingService, AdDecisionService } from '@wetube/ads';
import { AccountKind, LedgerService } from '@wetube/ledger';
import { Database } from '@wetube/platform';
import { PaymentSessionsService, PlanRevenueSettlement } from '@wetube/payments';
import { ApiClient } from './api.client';
import { databaseMatrix, TestApi } from './api.harness';
import { generateAudioFile } from '@wetube/testing';
import { AdsWorld, bookLineItem, CLC, MINT, pathOf, startAdsWorld } from './ads.support';
import { tusUpload, waitForStatus } from './upload.helper';
import { startSession } from './payments.support';

const ADMIN_EMAIL = 'admin@ad-server.test';
const PRICE = 1000n; // CPM 1 CLC → 1000 minor units per impression
const BUY = `mutation($input: BuyPlanInput!) { buyPlan(input: $input) { entitlement { planId } userErrors { code message } } }`;
const CANCEL = `mutation($id: ID!) { cancelLineItem(id: $id) { lineItem { id status } userErrors { code } } }`;

// dist/apps/api/test → the repo root is four levels up; the IAB schema lives in ../shared.
const XSD = resolve(__dirname, '../../../../../shared/iab/vast_4.2.xsd');
const noXmllint = spawnSync('xmllint', ['--version']).error ? 'xmllint is not installed (Debian package libxml2-utils)' : false;

function xsdCheck(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wetube-vast-'));
  try {
    const file = join(dir, 'vast.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const db of databaseMatrix()) {
  describe(`ad server: asset lists, VAST, reservations, beacons and charging (${db})`, () => {
    let api: TestApi;
    let ledger: LedgerService;
    let sql: Database;
    let decisions: AdDecisionService;
    let charging: AdChargingService;
    let adminClient: ApiClient;
    let adco: ApiClient;
    let creator: ApiClient;
    let creatorId: string;
    let viewer: ApiClient;
    let planViewer: ApiClient;
    let contentId: string;
    let adVideoId: string;
    let campaignId: string;
    let lineItemId: string;
    let supply: bigint;
    let emptyVast = '';
    /** The pre-roll reserved for a session without a bandwidth budget (the pool is empty then). */
    let unfundedImpressionId = '';

    let world: AdsWorld;
    const newLineItem = async (name: string, budget: bigint, extra: Record<string, unknown> = {}, clickThroughUrl?: string) =>
      (await bookLineItem(world, name, budget, extra, clickThroughUrl)).lineItemId;
    const assetList = (videoId: string, breakIndex: number, session?: string, headers: Record<string, string> = {}) =>
      fetch(`${api.url}/ads/asset-list/${videoId}/${breakIndex}${session ? `?session=${session}` : ''}`, {
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120', ...headers },
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    const beacon = (url: string) => fetch(`${api.url}${pathOf(url)}`).then((r) => r.status);
    const lineItemRow = async (id: string) => {
      const [r] = await sql.query(
        `SELECT CAST(spent AS TEXT) AS spent, CAST(reserved AS TEXT) AS reserved, CAST(budget AS TEXT) AS budget, hold_id FROM ad_line_items WHERE id = ?`,
        [id],
      );
      return {
        spent: BigInt(String(r.spent)),
        reserved: BigInt(String(r.reserved)),
        budget: BigInt(String(r.budget)),
        holdId: String(r.hold_id),
      };
    };
    const escrow = async (id: string) => ledger.balanceOf((await ledger.getHold((await lineItemRow(id)).holdId))!.accountId);
    const creatorRevenue = async () => ledger.balanceOf((await ledger.openAccount(AccountKind.CREATOR_REVENUE, creatorId)).id);
    const system = async (kind: AccountKind.PLATFORM_FEES | AccountKind.BANDWIDTH_POOL) => (await ledger.systemAccount(kind)).balance;
    const status = async (impressionId: string) =>
      String((await sql.query(`SELECT status FROM ad_impressions WHERE id = ?`, [impressionId]))[0].status);

    before(async () => {
      world = await startAdsWorld(db, ADMIN_EMAIL);
      ({ api, ledger, decisions, admin: adminClient, adco, creator, creatorId, viewer, contentId, adVideoId, campaignId } = world);
      sql = api.app.get(Database, { strict: false });
      charging = api.app.get(AdChargingService, { strict: false });
      planViewer = new ApiClient(api.url);
      const { email: planEmail } = await planViewer.signUp('PlanViewer');
      assert.deepEqual(
        (await adminClient.gql(MINT, { input: { toEmail: planEmail, amount: String(20n * CLC), idempotencyKey: 'as-mint-plan' } })).data
          .mint.userErrors,
        [],
      );
      lineItemId = await newLineItem('Launch', 1n * CLC);
      supply = await ledger.totalSupply();
    });
    after(async () => api?.close());

    it('the asset list of a session without a plan carries the ad (the creative on the origin, its duration) and reserves its price', async () => {
      const s = await startSession(viewer, contentId);
      assert.equal(s.adFree, false);
      const r = await assetList(contentId, 0, s.sessionId);
      assert.equal(r.status, 200);
      assert.equal(r.body.ASSETS.length, 1);
      assert.match(r.body.ASSETS[0].URI, new RegExp(`/hls/${adVideoId}/master\\.m3u8$`));
      assert.ok(Math.abs(r.body.ASSETS[0].DURATION - 3) < 0.5, `duration ${r.body.ASSETS[0].DURATION}`);
      const [impressionId] = r.body['X-WETUBE'].impressionIds;
      unfundedImpressionId = impressionId;
      assert.deepEqual(Object.keys(r.body['X-WETUBE'].beacons[0]).sort(), [
        'click',
        'complete',
        'firstQuartile',
        'impression',
        'midpoint',
        'start',
        'thirdQuartile',
      ]);
      assert.equal(await status(impressionId), 'RESERVED');
      assert.deepEqual(await lineItemRow(lineItemId).then((l) => [l.spent, l.reserved]), [0n, PRICE]);
      assert.equal(await escrow(lineItemId), 1n * CLC, 'a reservation moves no coin');

      const bad = await fetch(`${api.url}/ads/asset-list/${contentId}/x`);
      assert.equal(bad.status, 400);
    });

    it('an ad-free session gets an empty asset list (and an empty VAST)', async () => {
      assert.deepEqual((await planViewer.gql(BUY, { input: { planId: 'week', idempotencyKey: 'as-buy' } })).data.buyPlan.userErrors, []);
      const s = await startSession(planViewer, contentId);
      assert.equal(s.adFree, true);
      const r = await assetList(contentId, 0, s.sessionId);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.ASSETS, []);
      assert.equal(r.body['X-WETUBE'].adFree, true);
      const v = await fetch(`${api.url}/ads/vast?video=${contentId}&session=${s.sessionId}&position=PREROLL`);
      assert.match(v.headers.get('content-type') ?? '', /^application\/xml/);
      emptyVast = await v.text();
      assert.match(emptyVast, /<VAST xmlns="http:\/\/www\.iab\.com\/VAST" version="4\.2"\/>/);
    });

    it("the impression beacon charges the escrow exactly once, split among creator, the session's bandwidth budget and platform; replays, forgeries and expired beacons change nothing", async () => {
      // The pool funds this session's bandwidth budget; its ads' bandwidth share then grows that budget.
      assert.deepEqual(
        (await adminClient.gql(MINT, { input: { amount: String(CLC), idempotencyKey: 'as-mint-pool' } })).data.mint.userErrors,
        [],
      );
      supply += CLC;
      const s = await startSession(viewer, contentId);
      const session = (await api.app.get(PaymentSessionsService, { strict: false }).get(s.sessionId))!;
      assert.equal(session.funding, 'POOL');
      const sessionHold = async () => {
        const h = (await ledger.getHold(session.holdId!))!;
        return { amount: h.amount, left: await ledger.balanceOf(h.accountId) };
      };
      const r = await assetList(contentId, 1, s.sessionId);
      assert.equal(r.body.ASSETS.length, 1, 'a mid-roll of the same viewer (no frequency cap set)');
      const id = r.body['X-WETUBE'].impressionIds[0] as string;
      const b = r.body['X-WETUBE'].beacons[0] as Record<string, string>;
      const before = {
        escrow: await escrow(lineItemId),
        creator: await creatorRevenue(),
        platform: await system(AccountKind.PLATFORM_FEES),
        pool: await system(AccountKind.BANDWIDTH_POOL),
        row: await lineItemRow(lineItemId),
        session: await sessionHold(),
      };

      const forged = new URL(b.impression);
      forged.searchParams.set('sig', 'A'.repeat(43));
      assert.equal(await beacon(forged.toString()), 204, 'a forged beacon answers 204');
      const otherEvent = b.impression.replace('/impression?', '/complete?');
      assert.equal(await beacon(otherEvent), 204);
      assert.equal(await status(id), 'RESERVED', 'neither a forged signature nor another event’s signature charges');
      assert.equal(await escrow(lineItemId), before.escrow);

      const fired = await Promise.all([beacon(b.impression), beacon(b.impression), beacon(b.impression)]);
      assert.deepEqual(fired, [204, 204, 204]);
      assert.equal(await beacon(b.impression), 204, 'a replay');
      assert.equal(await status(id), 'CHARGED');
      const creatorShare = (PRICE * 55n) / 100n;
      const poolShare = (PRICE * 15n) / 100n;
      const platformShare = PRICE - creatorShare - poolShare;
      assert.equal(await escrow(lineItemId), before.escrow - PRICE, 'the price left the escrow once');
      assert.equal((await creatorRevenue()) - before.creator, creatorShare, "the creator's revenue grew by its share");
      assert.deepEqual(
        await sessionHold(),
        { amount: before.session.amount + poolShare, left: before.session.left + poolShare },
        "the session's bandwidth budget grew by its share",
      );
      assert.equal(await system(AccountKind.BANDWIDTH_POOL), before.pool, 'not the pool');
      assert.equal((await system(AccountKind.PLATFORM_FEES)) - before.platform, platformShare);
      assert.equal(creatorShare + poolShare + platformShare, PRICE, 'shares sum to the price');
      const after = await lineItemRow(lineItemId);
      assert.deepEqual([after.spent - before.row.spent, before.row.reserved - after.reserved], [PRICE, PRICE], 'reserved → spent');
      const entries = await sql.query(`SELECT COUNT(*) AS n FROM ledger_entries WHERE idempotency_key = ?`, [
        `ads:impression:${id}:charge`,
      ]);
      assert.equal(Number(entries[0].n), 1);

      for (const e of ['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete', 'click']) {
        assert.equal(await beacon(b[e]), 204);
        assert.equal(await beacon(b[e]), 204);
      }
      const expired = decisions.beacons.url(id, 'start', Math.floor(Date.now() / 1000) - 10);
      assert.equal(await beacon(expired), 204);
      const events = await sql.query(`SELECT event, COUNT(*) AS n FROM ad_events WHERE impression_id = ? GROUP BY event ORDER BY event`, [
        id,
      ]);
      assert.deepEqual(
        events.map((e) => `${String(e.event)}:${Number(e.n)}`),
        ['click:1', 'complete:1', 'firstQuartile:1', 'impression:1', 'midpoint:1', 'start:1', 'thirdQuartile:1'],
        'each event counted once',
      );
    });

    it('the bandwidth share of an ad in a session without a budget goes to the bandwidth pool', async () => {
      const pool = await system(AccountKind.BANDWIDTH_POOL);
      const url = decisions.beacons.url(unfundedImpressionId, 'impression', Math.floor(Date.now() / 1000) + 60);
      assert.equal(await beacon(url), 204);
      assert.equal(await status(unfundedImpressionId), 'CHARGED');
      assert.equal((await system(AccountKind.BANDWIDTH_POOL)) - pool, (PRICE * 15n) / 100n);
    });

    it('a paused campaign serves none of its line items; resumed, it serves again', async () => {
      const SET = `mutation($id: ID!, $status: CampaignStatus!) { setCampaignStatus(id: $id, status: $status) { campaign { status } userErrors { code } } }`;
      assert.equal((await adco.gql(SET, { id: campaignId, status: 'PAUSED' })).data.setCampaignStatus.campaign.status, 'PAUSED');
      const paused = await assetList(contentId, 0, (await startSession(viewer, contentId)).sessionId);
      assert.deepEqual(paused.body.ASSETS, []);
      assert.equal((await adco.gql(SET, { id: campaignId, status: 'ACTIVE' })).data.setCampaignStatus.campaign.status, 'ACTIVE');
      const resumed = await assetList(contentId, 0, (await startSession(viewer, contentId)).sessionId);
      assert.equal(resumed.body.ASSETS.length, 1);
    });

    it(
      'VAST 4.2 for a session: the ad with the beacons as impression and tracking URLs; validates against the IAB schema',
      { skip: noXmllint },
      async () => {
        const s = await startSession(viewer, contentId);
        const v = await fetch(`${api.url}/ads/vast?video=${contentId}&session=${s.sessionId}&position=PREROLL`);
        assert.equal(v.status, 200);
        assert.match(v.headers.get('content-type') ?? '', /^application\/xml/);
        const xml = await v.text();
        assert.match(xml, /<Impression id="wetube-0">http:[^<]*\/ads\/beacon\/[0-9a-f-]{36}\/impression\?exp=\d+&amp;sig=/);
        assert.match(xml, /\/ads\/beacon\/[0-9a-f-]{36}\/thirdQuartile\?exp=\d+&amp;sig=/);
        assert.match(xml, new RegExp(`/hls/${adVideoId}/master\\.m3u8`));
        const r = xsdCheck(xml);
        assert.ok(r.ok, r.output);
        assert.match(r.output, /validates/);
        const empty = xsdCheck(emptyVast);
        assert.ok(empty.ok, `the ad-free session's empty VAST validates too: ${empty.output}`);
      },
    );

    it('reservations expire: the price goes back to the budget and a late impression beacon charges nothing', async () => {
      const r = await assetList(contentId, 2);
      assert.equal(r.body.ASSETS.length, 1, 'an anonymous request (no session) gets an ad too');
      const id = r.body['X-WETUBE'].impressionIds[0] as string;
      const before = await lineItemRow(lineItemId);
      const expiredNow = await charging.expireReservations(new Date(Date.now() + 2 * 3600_000));
      assert.ok(expiredNow >= 1);
      assert.equal(await status(id), 'EXPIRED');
      const row = await lineItemRow(lineItemId);
      assert.equal(row.reserved, 0n, 'every reservation older than the cut-off went back');
      assert.ok(row.reserved < before.reserved);
      const escrowBefore = await escrow(lineItemId);
      assert.equal(await beacon(r.body['X-WETUBE'].beacons[0].impression), 204);
      assert.equal(await status(id), 'EXPIRED');
      assert.equal(await escrow(lineItemId), escrowBefore, 'nothing charged');
    });

    it('30 concurrent asset-list requests never reserve beyond the budget (5 impressions); their beacons spend exactly the budget', async () => {
      assert.equal((await adco.gql(CANCEL, { id: lineItemId })).data.cancelLineItem.lineItem.status, 'CANCELLED');
      const small = await newLineItem('Five', 5n * PRICE);
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => assetList(contentId, i % 3)));
      assert.ok(results.every((r) => r.status === 200));
      const served = results.flatMap((r) => r.body['X-WETUBE'].impressionIds as string[]);
      assert.equal(served.length, 5, `served ${served.length}`);
      const row = await lineItemRow(small);
      assert.equal(row.reserved, 5n * PRICE);
      assert.ok(row.spent + row.reserved <= row.budget);
      const beacons = results.flatMap((r) => r.body['X-WETUBE'].beacons as Record<string, string>[]);
      assert.deepEqual(await Promise.all(beacons.map((b) => beacon(b.impression))), Array(5).fill(204));
      const done = await lineItemRow(small);
      assert.deepEqual([done.spent, done.reserved], [5n * PRICE, 0n]);
      assert.equal(await escrow(small), 0n, 'the escrow paid out exactly the budget');
      decisions.invalidate();
      assert.deepEqual((await assetList(contentId, 0)).body.ASSETS, [], 'an exhausted line item serves nothing');
    });

    it('frequency caps hold per viewer across sessions: capped at one an hour, a viewer gets the line item once; another viewer still gets it', async () => {
      const CAPPED_URL = 'https://adco.example/capped';
      const capped = await newLineItem('Capped', 1n * CLC, { cpmBid: String(5n * CLC), frequencyCaps: { perHour: 1 } }, CAPPED_URL);
      const served = async (client: ApiClient) => {
        const r = await assetList(contentId, 0, (await startSession(client, contentId)).sessionId);
        return (r.body['X-WETUBE'].clickThroughUrls as string[]).filter((u) => u === CAPPED_URL).length;
      };
      assert.equal(await served(viewer), 1, 'the highest bid wins the first time');
      assert.equal(await served(viewer), 0, 'a new session of the same viewer: capped');
      assert.equal(await served(viewer), 0);
      const other = new ApiClient(api.url);
      await other.signUp('OtherViewer');
      assert.equal(await served(other), 1, 'another viewer is not capped by the first one');
      assert.deepEqual((await adco.gql(CANCEL, { id: capped })).data.cancelLineItem.userErrors, []);
    });

    it('audio ads: an audio upload is an audio creative; it serves in a podcast episode (VAST media file 0 × 0), never in a video, and a video ad never in the episode', async () => {
      const [episodeFile, jingleFile] = await Promise.all([
        generateAudioFile({ path: join(api.dataDir, 'episode.mp3'), durationSec: 5, codec: 'libmp3lame', bitrateK: 96 }),
        generateAudioFile({ path: join(api.dataDir, 'jingle.m4a'), durationSec: 3, codec: 'aac', bitrateK: 128 }),
      ]);
      const episodeId = (await tusUpload(creator, episodeFile, { metadata: { podcast: 'true' } })).videoId!;
      const jingleId = (await tusUpload(adco, jingleFile)).videoId!;
      assert.equal((await waitForStatus(creator, episodeId, ['READY', 'FAILED'])).status, 'READY');
      assert.equal((await waitForStatus(adco, jingleId, ['READY', 'FAILED'])).status, 'READY');
      const AUDIO_URL = 'https://adco.example/listen';
      const VIDEO_URL = 'https://adco.example/watch';
      const audioItem = (
        await bookLineItem(
          world,
          'Jingle',
          1n * CLC,
          { cpmBid: String(8n * CLC), targeting: { mediaKinds: ['AUDIO'] } },
          AUDIO_URL,
          jingleId,
        )
      ).lineItemId;
      const videoItem = await newLineItem('Picture', 1n * CLC, { cpmBid: String(7n * CLC) }, VIDEO_URL);
      const clicks = async (videoId: string) => {
        decisions.invalidate();
        const r = await assetList(videoId, 0, (await startSession(viewer, videoId)).sessionId);
        assert.equal(r.status, 200);
        return r.body['X-WETUBE'].clickThroughUrls as string[];
      };
      const inEpisode = await clicks(episodeId);
      assert.ok(inEpisode.includes(AUDIO_URL), `the jingle plays in the episode: ${inEpisode}`);
      assert.ok(!inEpisode.includes(VIDEO_URL), 'no picture ad for a listener');
      assert.ok(
        inEpisode.every((u) => u === AUDIO_URL),
        `only audio creatives in the episode: ${inEpisode}`,
      );
      const inVideo = await clicks(contentId);
      assert.ok(!inVideo.includes(AUDIO_URL), 'the audio line item (targeting AUDIO, audio creative) is not in a video');
      assert.ok(inVideo.includes(VIDEO_URL), `the video ad still serves in videos: ${inVideo}`);
      if (!noXmllint) {
        decisions.invalidate();
        const s = await startSession(viewer, episodeId);
        const xml = await (await fetch(`${api.url}/ads/vast?video=${episodeId}&session=${s.sessionId}&position=PREROLL`)).text();
        assert.match(xml, new RegExp(`<MediaFile[^>]* width="0" height="0"[^>]*>[^<]*/hls/${jingleId}/master\\.m3u8`));
        const r = xsdCheck(xml);
        assert.ok(r.ok, r.output);
      }
      // A line item may not name a kind that does not exist.
      const bad = await adco.gql(`mutation($input: CreateLineItemInput!) { createLineItem(input: $input) { userErrors { field code } } }`, {
        input: {
          campaignId,
          name: 'x',
          flightStart: new Date().toISOString(),
          flightEnd: new Date(Date.now() + 86_400_000).toISOString(),
          budget: String(CLC),
          cpmBid: String(CLC),
          pacing: 'ASAP',
          targeting: { mediaKinds: ['VIDEO', 'SMELL'] },
        },
      });
      assert.match(JSON.stringify(bad.errors ?? bad.data), /SMELL|MediaKind/);
      for (const id of [audioItem, videoItem]) assert.deepEqual((await adco.gql(CANCEL, { id })).data.cancelLineItem.userErrors, []);
    });

    it('a category-targeted line item serves only in videos of that category', async () => {
      const URL_ = 'https://adco.example/for-music';
      const music = await newLineItem('Music lovers', 1n * CLC, { cpmBid: String(9n * CLC), targeting: { categories: ['music'] } }, URL_);
      const UPDATE = `mutation($input: UpdateVideoInput!) { updateVideo(input: $input) { video { category } userErrors { code } } }`;
      const served = async () => {
        decisions.invalidate();
        const r = await assetList(contentId, 0, (await startSession(viewer, contentId)).sessionId);
        return (r.body['X-WETUBE'].clickThroughUrls as string[]).includes(URL_);
      };
      assert.deepEqual((await creator.gql(UPDATE, { input: { id: contentId, category: 'Gaming' } })).data.updateVideo, {
        video: { category: 'Gaming' },
        userErrors: [],
      });
      assert.equal(await served(), false, 'not in a Gaming video');
      assert.deepEqual((await creator.gql(UPDATE, { input: { id: contentId, category: 'Music' } })).data.updateVideo.video, {
        category: 'Music',
      });
      assert.equal(await served(), true, 'in a Music video');
      assert.deepEqual((await adco.gql(CANCEL, { id: music })).data.cancelLineItem.userErrors, []);
    });

    it('1,000 active line items: a full pod of two among them, honouring country and device targeting (latency in bench/ads)', async (t) => {
      const time = (d: Date) => (db === 'postgres' ? d : d.toISOString().replace('T', ' ').replace('Z', ''));
      const now = new Date();
      const advertiserId = String((await sql.query(`SELECT advertiser_id FROM ad_line_items WHERE id = ?`, [lineItemId]))[0].advertiser_id);
      const ids: string[] = [];
      for (let chunk = 0; chunk < 10; chunk++) {
        const items: unknown[] = [];
        const creatives: unknown[] = [];
        for (let i = 0; i < 100; i++) {
          const n = chunk * 100 + i;
          const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
          ids.push(id);
          // Every line item targets Germany; a tenth also only tablets. CPMs 1–50 CLC.
          const targeting = JSON.stringify(n % 10 === 0 ? { countries: ['DE'], devices: ['tablet'] } : { countries: ['DE'] });
          items.push(
            id,
            campaignId,
            advertiserId,
            `bulk ${n}`,
            'ACTIVE',
            time(new Date(now.getTime() - 60_000)),
            time(new Date(now.getTime() + 86400_000)),
            String(1000n * CLC),
            null,
            String(BigInt(1 + (n % 50)) * CLC),
            n % 2 ? 'EVEN' : 'ASAP',
            targeting,
            '{}',
            'no-hold',
            null,
            time(now),
          );
          creatives.push(
            `c${id.slice(1)}`,
            id,
            advertiserId,
            adVideoId,
            'https://adco.example/bulk',
            'APPROVED',
            time(now),
            null,
            time(now),
          );
        }
        await sql.query(
          `INSERT INTO ad_line_items (id, campaign_id, advertiser_id, name, status, flight_start, flight_end, budget, daily_cap, cpm_bid, pacing, targeting, frequency_caps, hold_id, idempotency_key, created_at) VALUES ${Array(100).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          items,
        );
        await sql.query(
          `INSERT INTO ad_creatives (id, line_item_id, advertiser_id, video_id, click_through_url, approval, approved_at, approved_by, created_at) VALUES ${Array(100).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          creatives,
        );
      }
      decisions.invalidate();
      const req = (country: string | null, device: 'desktop' | 'tablet' = 'desktop') => ({
        sessionId: null,
        videoId: contentId,
        position: 'MIDROLL' as const,
        breakIndex: 1,
        device,
        country,
        now: new Date(),
      });
      assert.deepEqual((await decisions.decideBreak(req(null))).ads, [], 'no country header: every line item targets DE');
      const times: number[] = [];
      const total: number[] = [];
      for (let i = 0; i < 300; i++) {
        const t0 = performance.now();
        const d = await decisions.decideBreak(req('DE', i % 2 ? 'desktop' : 'tablet'));
        total.push(performance.now() - t0);
        times.push(d.timing.decideMs);
        assert.equal(d.ads.length, 2, 'a full pod of two');
        assert.ok(d.ads.every((a) => ids.includes(a.lineItemId)));
        if (i % 2)
          assert.ok(
            d.ads.every((a) => Number(a.lineItemId.slice(-12)) % 10 !== 0),
            'tablet-only line items are not served to desktops',
          );
      }
      const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * q) - 1];
      const p99 = pct(times, 0.99);
      // Informational only (tests do not time things; `npm run bench:ads` measures against a baseline).
      t.diagnostic(
        `decision p50 ${pct(times, 0.5).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms; with the two reservations p50 ${pct(total, 0.5).toFixed(2)} ms, p99 ${pct(total, 0.99).toFixed(2)} ms (${db})`,
      );
      const header = await assetList(contentId, 1, undefined, { 'x-country': 'de' });
      assert.equal(header.body.ASSETS.length, 2, 'the country comes from the X-Country header');
      await sql.query(`UPDATE ad_line_items SET status = 'CANCELLED' WHERE hold_id = 'no-hold'`);
      decisions.invalidate();
    });

    if (db === 'postgres')
      it('on PostgreSQL a reservation does not wait for a WAL flush (its transaction commits asynchronously)', async () => {
        const syncs = async () => Number((await sql.query(`SELECT wal_sync FROM pg_stat_wal`))[0].wal_sync);
        const item = await newLineItem('Many', 1n * CLC);
        const req = {
          sessionId: null,
          videoId: contentId,
          position: 'PREROLL' as const,
          breakIndex: 0,
          device: 'desktop' as const,
          country: null,
          now: new Date(),
        };
        const before = await syncs();
        let reserved = 0;
        for (let i = 0; i < 60; i++) reserved += (await decisions.decideBreak({ ...req, now: new Date() })).ads.length;
        const flushes = (await syncs()) - before;
        assert.ok(reserved >= 60, `${reserved} ads reserved`);
        assert.ok(flushes < 20, `${flushes} WAL flushes for 60 decisions (one each if every reservation waited for its own)`);
        assert.deepEqual((await adco.gql(CANCEL, { id: item })).data.cancelLineItem.userErrors, []);
      });

    it("a period's creator payout takes only the ad revenue earned before the period's end", async () => {
      const settlement = api.app.get(PlanRevenueSettlement, { strict: false });
      const walletOf = async () => ledger.balanceOf((await ledger.openAccount(AccountKind.USER_WALLET, creatorId)).id);
      const earned = await creatorRevenue();
      assert.ok(earned > 0n, 'the impressions above paid the creator');
      const w0 = await walletOf();
      await settlement.settle(new Date(Date.now() - 7200_000), new Date(Date.now() - 3600_000));
      assert.deepEqual([await creatorRevenue(), await walletOf()], [earned, w0], 'a period that ended an hour ago pays none of it');
      await settlement.settle(new Date(Date.now() - 3600_000), new Date(Date.now() + 1000));
      assert.deepEqual([await creatorRevenue(), await walletOf()], [0n, w0 + earned], 'the period that holds it pays all of it');
    });

    it('no coin created or lost; the ledger audit is clean', async () => {
      assert.equal(await ledger.totalSupply(), supply);
      const audit = await ledger.audit();
      assert.deepEqual(
        [audit.unbalancedEntries, audit.balanceMismatches, audit.negativeGuarded, audit.overpaidHolds, audit.sumOfBalances],
        [[], [], [], [], 0n],
      );
    });
  });
}
