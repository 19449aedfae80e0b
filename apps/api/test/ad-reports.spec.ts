import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Database } from '@wetube/platform';
import { ApiClient } from './api.client';
import { databaseMatrix, TestApi } from './api.harness';
import { AdsWorld, bookLineItem, CLC, pathOf, startAdsWorld } from './ads.support';
import { startSession } from './payments.support';

const ADMIN_EMAIL = 'admin@ad-reports.test';
const PRICE = 1000n; // CPM 1 CLC → 1000 minor units per impression
const BURST = 5;
const REPORT = `query($first: Int, $after: String, $filter: AdReportFilterInput) {
  adReport(first: $first, after: $after, filter: $filter) {
    edges { cursor node { lineItemId lineItemName campaignId day impressions starts firstQuartiles midpoints thirdQuartiles completes completionRate spend eCpm } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

for (const db of databaseMatrix()) {
  describe(`ad reports and the ad server's rate limits (${db})`, () => {
    let api: TestApi;
    let sql: Database;
    let adco: ApiClient;
    let other: ApiClient;
    let creatorId: string;
    let viewer: ApiClient;
    let contentId: string;
    let campaignId: string;
    let itemA: string;
    let itemB: string;
    let creativeA: string;

    let world: AdsWorld;
    const newLineItem = (name: string, budget: bigint) => bookLineItem(world, name, budget, {}, 'https://adco.example/spring');
    // Each part of the spec comes from its own client address (the api trusts X-Forwarded-For from loopback).
    const assetList = (videoId: string, breakIndex: number, session: string | undefined, ip: string) =>
      fetch(`${api.url}/ads/asset-list/${videoId}/${breakIndex}${session ? `?session=${session}` : ''}`, {
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120', 'x-forwarded-for': ip },
      }).then(async (r) => ({
        status: r.status,
        retryAfter: r.headers.get('retry-after'),
        body: (await r.json()) as any,
      }));
    const beacon = (url: string) => fetch(`${api.url}${pathOf(url)}`).then((r) => r.status);
    const report = async (client: ApiClient, vars: Record<string, unknown> = {}) => {
      const r = await client.gql(REPORT, vars);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      return r.data.adReport as {
        edges: { cursor: string; node: any }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      };
    };
    const reserved = async (id: string) =>
      BigInt(String((await sql.query(`SELECT CAST(reserved AS TEXT) AS r FROM ad_line_items WHERE id = ?`, [id]))[0].r));

    before(async () => {
      world = await startAdsWorld(db, ADMIN_EMAIL, { AD_REQUESTS_BURST: String(BURST), AD_REQUESTS_PER_SECOND: '0.5' });
      ({ api, adco, creatorId, viewer, contentId, campaignId } = world);
      sql = api.app.get(Database, { strict: false });
      other = new ApiClient(api.url);
      await other.signUp('Other', 'advertiser');
      ({ lineItemId: itemA, creativeId: creativeA } = await newLineItem('Alpha', 1n * CLC));
      ({ lineItemId: itemB } = await newLineItem('Beta', 1n * CLC));
    });
    after(async () => api?.close());

    it('after an impression and a complete, the report shows impressions 1, completes 1, completion rate 1, the price as spend and eCPM = price × 1000', async () => {
      assert.deepEqual((await report(adco)).edges, [], 'nothing served yet');
      const s = await startSession(viewer, contentId);
      const r = await assetList(contentId, 0, s.sessionId, '198.51.100.1');
      assert.equal(r.status, 200);
      assert.equal(r.body.ASSETS.length, 2, 'a pod of both line items');
      for (const b of r.body['X-WETUBE'].beacons as Record<string, string>[]) {
        assert.equal(await beacon(b.impression), 204);
        assert.equal(await beacon(b.complete), 204);
        assert.equal(await beacon(b.complete), 204, 'a replay counts once');
      }
      const today = new Date().toISOString().slice(0, 10);
      const rep = await report(adco);
      assert.equal(rep.edges.length, 2);
      assert.deepEqual(
        rep.edges.map((e) => e.node.lineItemId),
        [itemA, itemB].sort(),
        'same day: by line item id',
      );
      const a = rep.edges.find((e) => e.node.lineItemId === itemA)!.node;
      assert.deepEqual(a, {
        lineItemId: itemA,
        lineItemName: 'Alpha',
        campaignId,
        day: today,
        impressions: 1,
        starts: 0,
        firstQuartiles: 0,
        midpoints: 0,
        thirdQuartiles: 0,
        completes: 1,
        completionRate: 1,
        spend: String(PRICE),
        eCpm: String(PRICE * 1000n),
      });
      assert.equal((await report(adco, { filter: { lineItemId: itemA } })).edges.length, 1);
      assert.equal((await report(adco, { filter: { campaignId } })).edges.length, 2);
      assert.equal(
        (await report(adco, { filter: { from: new Date(Date.now() + 86400_000).toISOString() } })).edges.length,
        0,
        'from tomorrow: nothing',
      );
      assert.equal(
        (await report(adco, { filter: { to: new Date(Date.now() - 86400_000).toISOString() } })).edges.length,
        0,
        'before yesterday: nothing',
      );
    });

    it('another advertiser sees no rows, even naming the line item or campaign (ids of others are like unknown ones)', async () => {
      assert.deepEqual((await report(other)).edges, []);
      assert.deepEqual((await report(other, { filter: { lineItemId: itemA } })).edges, []);
      assert.deepEqual((await report(other, { filter: { campaignId } })).edges, []);
      const anon = await new ApiClient(api.url).gql(REPORT);
      assert.equal(anon.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    });

    it('buckets by UTC day (an ad served at 23:59:59.5 UTC yesterday is yesterday), newest day first, and pages with a cursor', async () => {
      const now = new Date();
      const yesterday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 500);
      const time = (d: Date) => (db === 'postgres' ? d : d.toISOString().replace('T', ' ').replace('Z', ''));
      const id = randomUUID();
      await sql.query(
        `INSERT INTO ad_impressions (id, line_item_id, creative_id, video_id, creator_id, session_id, viewer_key, position, break_index, price, status, day_start_ms, created_at, expires_at, charged_at)
         VALUES (?, ?, ?, ?, ?, NULL, NULL, 'PREROLL', 0, ?, 'CHARGED', 0, ?, ?, ?)`,
        [
          id,
          itemA,
          creativeA,
          contentId,
          creatorId,
          String(3000n),
          time(yesterday),
          time(new Date(yesterday.getTime() + 900_000)),
          time(yesterday),
        ],
      );
      for (const [event, k] of [
        ['impression', 0],
        ['start', 1],
        ['midpoint', 2],
      ] as const) {
        await sql.query(`INSERT INTO ad_events (id, impression_id, event, created_at) VALUES (?, ?, ?, ?)`, [
          randomUUID(),
          id,
          event,
          time(new Date(yesterday.getTime() + 1000 * (k + 1))),
        ]);
      }
      const all = await report(adco);
      assert.equal(all.edges.length, 3);
      const page1 = await report(adco, { first: 2 });
      assert.deepEqual(
        page1.edges.map((e) => e.node.day),
        [now.toISOString().slice(0, 10), now.toISOString().slice(0, 10)],
      );
      assert.deepEqual(page1.pageInfo, { hasNextPage: true, hasPreviousPage: false, endCursor: page1.edges[1].cursor });
      const page2 = await report(adco, { first: 2, after: page1.pageInfo.endCursor });
      assert.equal(page2.edges.length, 1);
      assert.equal(page2.pageInfo.hasNextPage, false);
      assert.equal(page2.pageInfo.hasPreviousPage, true);
      const y = page2.edges[0].node;
      assert.equal(y.day, yesterday.toISOString().slice(0, 10));
      assert.deepEqual(
        [y.lineItemId, y.impressions, y.starts, y.midpoints, y.completes, y.completionRate, y.spend, y.eCpm],
        [itemA, 1, 1, 1, 0, 0, '3000', '3000000'],
      );
      const bad = await adco.gql(REPORT, { after: 'nope' });
      assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      const tooMany = await adco.gql(REPORT, { first: 0 }); // (over 100 is refused earlier, by the complexity limit)
      assert.equal(tooMany.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    });

    it('a repeated asset-list request for the same (session, break) answers the same pod and reserves once', async () => {
      const s = await startSession(viewer, contentId);
      const before = [await reserved(itemA), await reserved(itemB)];
      const first = await assetList(contentId, 1, s.sessionId, '198.51.100.2');
      assert.equal(first.status, 200);
      const ids = first.body['X-WETUBE'].impressionIds as string[];
      assert.equal(ids.length, 2);
      const again = await Promise.all([
        assetList(contentId, 1, s.sessionId, '198.51.100.2'),
        assetList(contentId, 1, s.sessionId, '198.51.100.2'),
      ]);
      for (const r of again) {
        assert.equal(r.status, 200);
        assert.deepEqual([...r.body['X-WETUBE'].impressionIds].sort(), [...ids].sort(), 'the same impressions');
        assert.deepEqual(
          r.body.ASSETS.map((x: any) => x.URI),
          first.body.ASSETS.map((x: any) => x.URI),
        );
      }
      assert.deepEqual([await reserved(itemA), await reserved(itemB)], [before[0] + PRICE, before[1] + PRICE], 'reserved once');
      const rows = await sql.query(`SELECT COUNT(*) AS n FROM ad_impressions WHERE session_id = ? AND break_index = 1`, [s.sessionId]);
      assert.equal(Number(rows[0].n), 2);
      const other = await assetList(contentId, 2, s.sessionId, '198.51.100.2');
      assert.equal(other.body['X-WETUBE'].impressionIds.length, 2, 'another break is a new decision');
      assert.notDeepEqual(other.body['X-WETUBE'].impressionIds, ids);
      // Concurrent first requests for a fresh break share one decision.
      const s2 = await startSession(viewer, contentId);
      const burst = await Promise.all([0, 1, 2].map(() => assetList(contentId, 0, s2.sessionId, '198.51.100.3')));
      const sets = burst.map((r) => [...r.body['X-WETUBE'].impressionIds].sort().join());
      assert.equal(new Set(sets).size, 1, 'one pod');
      const n = await sql.query(`SELECT COUNT(*) AS n FROM ad_impressions WHERE session_id = ?`, [s2.sessionId]);
      assert.equal(Number(n[0].n), 2);
    });

    it(`past the burst (${BURST}) a client IP gets 429 with Retry-After and a JSON error naming the limit; other IPs are not affected`, async () => {
      const ip = '203.0.113.7';
      const results = [];
      for (let i = 0; i < BURST + 2; i++) results.push(await assetList(contentId, 0, undefined, ip));
      assert.deepEqual(
        results.map((r) => r.status),
        [...Array(BURST).fill(200), 429, 429],
      );
      const limited = results[BURST];
      assert.ok(Number(limited.retryAfter) >= 1, `Retry-After ${limited.retryAfter}`);
      assert.equal(limited.body.statusCode, 429);
      assert.equal(limited.body.limit, 'AD_REQUESTS_PER_IP');
      assert.match(limited.body.message, /Too many ad requests/);
      const vast = await fetch(`${api.url}/ads/vast?video=${contentId}`, { headers: { 'x-forwarded-for': ip } });
      assert.equal(vast.status, 429, 'VAST shares the bucket');
      assert.ok(vast.headers.get('retry-after'));
      assert.equal((await assetList(contentId, 0, undefined, '203.0.113.8')).status, 200, 'another address has its own bucket');
    });
  });
}
