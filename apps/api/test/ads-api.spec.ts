import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AdServerScheduler } from '@wetube/ads';
import { AccountKind, LedgerService } from '@wetube/ledger';
import { AppConfig, Database } from '@wetube/platform';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { wallet } from './payments.support';
import { tusUpload, waitForStatus } from './upload.helper';

const ADMIN_EMAIL = 'admin@ads.test';
const CLC = 1_000_000n;
const MINT = `mutation($input: MintInput!) { mint(input: $input) { entryId userErrors { code message } } }`;
const NEW_KEY = `mutation($input: CreateAdvertiserApiKeyInput!) { createAdvertiserApiKey(input: $input) { secret apiKey { id prefix revokedAt } userErrors { code message } } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeAdvertiserApiKey(id: $id) { apiKey { id revokedAt } userErrors { code } } }`;
const NEW_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id name status } userErrors { field code message } } }`;
const LINE_ITEM_FIELDS = `id campaignId name status budget dailyCap cpmBid pacing escrowBalance spent returned
  targeting { categories tags devices countries timeZone positions dayParts { days startMinute endMinute } } frequencyCaps { perHour perDay lifetime perStream perPod }`;
const NEW_LINE_ITEM = `mutation($input: CreateLineItemInput!) { createLineItem(input: $input) { lineItem { ${LINE_ITEM_FIELDS} } userErrors { field code message } } }`;
const NEW_CREATIVE = `mutation($input: CreateCreativeInput!) { createCreative(input: $input) { creative { id videoId videoStatus approval clickThroughUrl } userErrors { field code message } } }`;
const APPROVE = `mutation($id: ID!) { approveCreative(id: $id) { creative { id approval } userErrors { code } } }`;
const LINE_ITEM_OP = (op: string) =>
  `mutation($id: ID!) { ${op}(id: $id) { lineItem { ${LINE_ITEM_FIELDS} } userErrors { field code message } } }`;

/** An API client that authenticates with an advertiser API key instead of a session. */
function withKey(url: string, secret: string): ApiClient {
  const c = new ApiClient(url);
  c.token = secret;
  return c;
}

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

for (const db of databaseMatrix()) {
  describe(`advertiser API: keys, campaigns, line items in escrow, creatives (${db})`, () => {
    let api: TestApi;
    let ledger: LedgerService;
    let sql: Database;
    let adminClient: ApiClient;
    let adco: ApiClient; // the advertiser, signed in
    let adcoId: string;
    let adcoEmail: string;
    let keyed: ApiClient; // the same advertiser through an API key
    let keyId: string;
    let rival: ApiClient; // another advertiser
    let rivalEmail: string;
    let viewer: ApiClient; // a creator/viewer account, no advertiser role
    let videoId: string;
    let campaignId: string;
    let lineItemId: string;
    const flight = () => ({
      flightStart: new Date(Date.now() - 60_000).toISOString(),
      flightEnd: new Date(Date.now() + 7 * 86400_000).toISOString(),
    });
    const lineItemInput = (extra: Record<string, unknown> = {}) => ({
      campaignId,
      name: 'Launch week',
      ...flight(),
      budget: String(10n * CLC),
      dailyCap: String(2n * CLC),
      cpmBid: String(2n * CLC),
      pacing: 'EVEN',
      targeting: {
        categories: ['Music'],
        tags: ['live'],
        devices: ['DESKTOP', 'MOBILE'],
        countries: ['de', 'FR'],
        dayParts: [{ days: [1, 2, 3, 4, 5], startMinute: 18 * 60, endMinute: 60 }],
        timeZone: 'Europe/Berlin',
        positions: ['PREROLL'],
      },
      frequencyCaps: { perHour: 1, perDay: 3, lifetime: 10, perStream: 2, perPod: 1 },
      ...extra,
    });
    const lineItemCount = async () => Number((await sql.query(`SELECT COUNT(*) AS n FROM ad_line_items`))[0].n);

    before(async () => {
      api = await startApi(db, { ADMIN_EMAILS: ADMIN_EMAIL, BANDWIDTH_POOL_SEED: '0' });
      ledger = api.app.get(LedgerService, { strict: false });
      sql = api.app.get(Database, { strict: false });
      adminClient = new ApiClient(api.url);
      const reg = await adminClient.rest('POST', '/api/auth/register', {
        email: ADMIN_EMAIL,
        password: 'correct horse battery',
        displayName: 'Admin',
      });
      assert.equal(reg.status, 201);
      adminClient.token = reg.body.token;
      adco = new ApiClient(api.url);
      ({ id: adcoId, email: adcoEmail } = await adco.signUp('Adco', 'advertiser'));
      rival = new ApiClient(api.url);
      ({ email: rivalEmail } = await rival.signUp('Rival', 'advertiser'));
      viewer = new ApiClient(api.url);
      await viewer.signUp('Viewer');
      for (const [email, key] of [
        [adcoEmail, 'ads-mint-adco'],
        [rivalEmail, 'ads-mint-rival'],
      ]) {
        assert.deepEqual(
          (await adminClient.gql(MINT, { input: { toEmail: email, amount: String(50n * CLC), idempotencyKey: key } })).data.mint.userErrors,
          [],
        );
      }
      const clip = await generateClip({ path: join(api.dataDir, 'ad.mp4'), durationSec: 3, width: 320, height: 180 });
      videoId = (await tusUpload(adco, clip)).videoId!;
      assert.ok(videoId, 'the advertiser uploads its creative like any video');
      assert.equal((await waitForStatus(adco, videoId, ['READY', 'FAILED'])).status, 'READY');
    });
    after(async () => api?.close());

    it('a signed-in advertiser creates an API key (secret shown once, stored hashed) and the key authenticates as that advertiser', async () => {
      const r = (await adco.gql(NEW_KEY, { input: { name: 'reporting' } })).data.createAdvertiserApiKey;
      assert.deepEqual(r.userErrors, []);
      assert.match(r.secret, /^wtak_[A-Za-z0-9_-]{43}$/);
      assert.equal(r.apiKey.prefix, r.secret.slice(0, 9));
      keyId = r.apiKey.id;
      const stored = await sql.query(`SELECT token_hash FROM ad_api_keys WHERE id = ?`, [keyId]);
      assert.match(String(stored[0].token_hash), /^[0-9a-f]{64}$/);
      assert.notEqual(stored[0].token_hash, r.secret, 'only the hash is stored');
      keyed = withKey(api.url, r.secret);
      const me = (await keyed.gql(`{ advertiser { id authenticatedBy walletBalance } }`)).data.advertiser;
      assert.deepEqual(me, { id: adcoId, authenticatedBy: 'API_KEY', walletBalance: String(50n * CLC) });
      assert.equal((await adco.gql(`{ advertiser { authenticatedBy } }`)).data.advertiser.authenticatedBy, 'SESSION');
      assert.equal((await adco.gql(`{ advertiserApiKeys { id name } }`)).data.advertiserApiKeys[0].name, 'reporting');

      assert.equal(code(await keyed.gql(NEW_KEY, { input: { name: 'more' } })), 'UNAUTHENTICATED', 'a key cannot make more keys');
      assert.equal(code(await viewer.gql(NEW_KEY, { input: { name: 'x' } })), 'FORBIDDEN', 'only advertisers have keys');
      assert.equal(code(await viewer.gql(`{ campaigns { edges { cursor } } }`)), 'FORBIDDEN');
      assert.equal(code(await new ApiClient(api.url).gql(`{ campaigns { edges { cursor } } }`)), 'UNAUTHENTICATED');
      assert.equal(
        code(await withKey(api.url, `wtak_${'A'.repeat(43)}`).gql(`{ advertiser { id } }`)),
        'UNAUTHENTICATED',
        'an unknown key',
      );
      assert.equal((await adco.gql(NEW_KEY, { input: { name: '  ' } })).data.createAdvertiserApiKey.userErrors[0].code, 'INVALID_NAME');
    });

    it('with the key: a campaign, then a line item whose budget moves from the wallet into its escrow (once per idempotency key)', async () => {
      const c = (await keyed.gql(NEW_CAMPAIGN, { input: { name: 'Spring' } })).data.createCampaign;
      assert.deepEqual(c.userErrors, []);
      assert.equal(c.campaign.status, 'ACTIVE');
      campaignId = c.campaign.id;
      const supply = await ledger.totalSupply();
      const r = (await keyed.gql(NEW_LINE_ITEM, { input: lineItemInput({ idempotencyKey: 'li-1' }) })).data.createLineItem;
      assert.deepEqual(r.userErrors, []);
      const li = r.lineItem;
      lineItemId = li.id;
      assert.equal(li.status, 'ACTIVE');
      assert.equal(li.escrowBalance, String(10n * CLC), 'the escrow holds the budget');
      assert.equal(li.spent, '0');
      assert.deepEqual(li.targeting, {
        categories: ['Music'],
        tags: ['live'],
        devices: ['DESKTOP', 'MOBILE'],
        countries: ['DE', 'FR'],
        timeZone: 'Europe/Berlin',
        positions: ['PREROLL'],
        dayParts: [{ days: [1, 2, 3, 4, 5], startMinute: 1080, endMinute: 60 }],
      });
      assert.deepEqual(li.frequencyCaps, { perHour: 1, perDay: 3, lifetime: 10, perStream: 2, perPod: 1 });
      assert.equal((await wallet(adco)).balance, 40n * CLC, 'the wallet went down by the budget');
      const holdId = String((await sql.query(`SELECT hold_id FROM ad_line_items WHERE id = ?`, [lineItemId]))[0].hold_id);
      const hold = (await ledger.getHold(holdId))!;
      assert.equal(hold.status, 'OPEN');
      assert.equal(hold.amount, 10n * CLC);
      assert.equal(hold.sourceAccountId, (await ledger.openAccount(AccountKind.USER_WALLET, adcoId)).id);
      assert.equal(
        (await ledger.getAccount(hold.accountId))!.kind,
        AccountKind.CAMPAIGN_ESCROW,
        'the budget sits in a campaign escrow account',
      );

      const retry = (await keyed.gql(NEW_LINE_ITEM, { input: lineItemInput({ idempotencyKey: 'li-1' }) })).data.createLineItem;
      assert.equal(retry.lineItem.id, lineItemId, 'a retry answers the first line item');
      assert.equal((await wallet(adco)).balance, 40n * CLC, 'and holds nothing more');
      const conflict = (await keyed.gql(NEW_LINE_ITEM, { input: lineItemInput({ idempotencyKey: 'li-1', budget: '5000000' }) })).data
        .createLineItem;
      assert.equal(conflict.userErrors[0].code, 'IDEMPOTENCY_CONFLICT');
      assert.equal(await ledger.totalSupply(), supply, 'no coin created or lost');
      const shown = (
        await keyed.gql(`query($id: ID!) { campaign(id: $id) { id name lineItems(first: 10) { edges { node { id escrowBalance } } } } }`, {
          id: campaignId,
        })
      ).data.campaign;
      assert.deepEqual(
        shown.lineItems.edges.map((e: any) => e.node),
        [{ id: lineItemId, escrowBalance: String(10n * CLC) }],
      );
    });

    it(`a creative on the advertiser's own READY video (${db === 'sqlite' ? 'auto-approved in the embedded default' : 'pending until an admin approves it'}); bad click-throughs and others' videos are refused`, async () => {
      const r = (await keyed.gql(NEW_CREATIVE, { input: { lineItemId, videoId, clickThroughUrl: 'https://adco.example/spring?utm=wt' } }))
        .data.createCreative;
      assert.deepEqual(r.userErrors, []);
      assert.equal(r.creative.videoStatus, 'READY');
      assert.equal(r.creative.clickThroughUrl, 'https://adco.example/spring?utm=wt');
      if (db === 'sqlite') {
        assert.equal(r.creative.approval, 'APPROVED');
      } else {
        assert.equal(r.creative.approval, 'PENDING', 'ADS_AUTO_APPROVE defaults to off outside the embedded default');
        assert.equal(code(await adco.gql(APPROVE, { id: r.creative.id })), 'FORBIDDEN', 'only admins approve');
        assert.equal((await adminClient.gql(APPROVE, { id: r.creative.id })).data.approveCreative.creative.approval, 'APPROVED');
      }
      assert.equal(
        (await adminClient.gql(APPROVE, { id: '00000000-0000-4000-8000-000000000000' })).data.approveCreative.userErrors[0].code,
        'NOT_FOUND',
      );
      for (const bad of ['javascript:alert(1)', 'ftp://adco.example/x', '/relative', 'not a url']) {
        const e = (await keyed.gql(NEW_CREATIVE, { input: { lineItemId, videoId, clickThroughUrl: bad } })).data.createCreative
          .userErrors[0];
        assert.deepEqual([e.code, e.field], ['INVALID_URL', ['input', 'clickThroughUrl']], bad);
      }
      const listed = (await keyed.gql(`query($id: ID!) { lineItem(id: $id) { creatives { id approval } } }`, { id: lineItemId })).data
        .lineItem.creatives;
      assert.deepEqual(listed, [{ id: r.creative.id, approval: 'APPROVED' }]);

      // The rival's own line item cannot use Adco's video.
      const rc = (await rival.gql(NEW_CAMPAIGN, { input: { name: 'Rival' } })).data.createCampaign.campaign;
      const rli = (await rival.gql(NEW_LINE_ITEM, { input: lineItemInput({ campaignId: rc.id, budget: String(CLC), dailyCap: null }) }))
        .data.createLineItem;
      assert.deepEqual(rli.userErrors, []);
      const stolen = (
        await rival.gql(NEW_CREATIVE, { input: { lineItemId: rli.lineItem.id, videoId, clickThroughUrl: 'https://rival.example' } })
      ).data.createCreative;
      assert.equal(stolen.userErrors[0].code, 'NOT_FOUND');
    });

    it("another advertiser (or a viewer) cannot see or touch Adco's campaign, line item or creatives: NOT_FOUND", async () => {
      assert.equal(code(await rival.gql(`query($id: ID!) { campaign(id: $id) { id } }`, { id: campaignId })), 'NOT_FOUND');
      assert.equal(code(await rival.gql(`query($id: ID!) { lineItem(id: $id) { id } }`, { id: lineItemId })), 'NOT_FOUND');
      const theirs = (await rival.gql(`{ campaigns(first: 100) { edges { node { id } } } }`)).data.campaigns.edges.map(
        (e: any) => e.node.id,
      );
      assert.ok(!theirs.includes(campaignId));
      assert.equal((await rival.gql(NEW_LINE_ITEM, { input: lineItemInput() })).data.createLineItem.userErrors[0].code, 'NOT_FOUND');
      assert.equal(
        (await rival.gql(NEW_CREATIVE, { input: { lineItemId, videoId, clickThroughUrl: 'https://x.example' } })).data.createCreative
          .userErrors[0].code,
        'NOT_FOUND',
      );
      for (const op of ['pauseLineItem', 'resumeLineItem', 'cancelLineItem']) {
        assert.equal((await rival.gql(LINE_ITEM_OP(op), { id: lineItemId })).data[op].userErrors[0].code, 'NOT_FOUND', op);
      }
      assert.equal(code(await viewer.gql(`query($id: ID!) { campaign(id: $id) { id } }`, { id: campaignId })), 'FORBIDDEN');
      assert.equal(
        (await adco.gql(`query($id: ID!) { lineItem(id: $id) { status escrowBalance } }`, { id: lineItemId })).data.lineItem.status,
        'ACTIVE',
        'untouched',
      );
    });

    it('bad line items are refused with a userError per problem, and nothing is created or held', async () => {
      const before = { wallet: (await wallet(adco)).balance, count: await lineItemCount() };
      const errs = async (extra: Record<string, unknown>) =>
        (await keyed.gql(NEW_LINE_ITEM, { input: lineItemInput(extra) })).data.createLineItem.userErrors.map(
          (e: any) => `${e.field.join('.')}:${e.code}`,
        );
      const now = Date.now();
      assert.deepEqual(
        await errs({ flightStart: new Date(now + 86400_000).toISOString(), flightEnd: new Date(now + 3600_000).toISOString() }),
        ['input.flightEnd:FLIGHT_END_BEFORE_START'],
      );
      assert.deepEqual(
        await errs({ flightStart: new Date(now - 7200_000).toISOString(), flightEnd: new Date(now - 3600_000).toISOString() }),
        ['input.flightEnd:FLIGHT_IN_PAST'],
      );
      assert.deepEqual(await errs({ budget: '0', dailyCap: null }), ['input.budget:BUDGET_NOT_POSITIVE']);
      assert.deepEqual(await errs({ budget: '-5', dailyCap: null }), ['input.budget:BUDGET_NOT_POSITIVE']);
      assert.deepEqual(await errs({ dailyCap: String(11n * CLC) }), ['input.dailyCap:DAILY_CAP_ABOVE_BUDGET']);
      assert.deepEqual(await errs({ cpmBid: '999000' }), ['input.cpmBid:BID_BELOW_FLOOR']);
      assert.deepEqual(await errs({ cpmBid: '1500500' }), ['input.cpmBid:BID_NOT_WHOLE']);
      assert.deepEqual(await errs({ name: '' }), ['input.name:NAME_REQUIRED']);
      const t = lineItemInput().targeting;
      assert.deepEqual(await errs({ targeting: { ...t, timeZone: 'Mars/Olympus' } }), ['input.targeting.timeZone:UNKNOWN_TIME_ZONE']);
      assert.deepEqual(await errs({ targeting: { ...t, countries: ['DE', 'USA', 'XX', 'zz'] } }), [
        'input.targeting.countries.1:INVALID_COUNTRY',
        'input.targeting.countries.2:INVALID_COUNTRY',
        'input.targeting.countries.3:INVALID_COUNTRY',
      ]);
      assert.deepEqual(await errs({ targeting: { ...t, dayParts: [{ days: [7], startMinute: 1440, endMinute: 1441 }] } }), [
        'input.targeting.dayParts.0.days:INVALID_DAY_PART',
        'input.targeting.dayParts.0.startMinute:INVALID_DAY_PART',
        'input.targeting.dayParts.0.endMinute:INVALID_DAY_PART',
      ]);
      assert.deepEqual(await errs({ frequencyCaps: { perHour: -1 } }), ['input.frequencyCaps.perHour:INVALID_FREQUENCY_CAP']);
      assert.deepEqual(
        await errs({ targeting: { ...t, categories: ['music', 'Cooking'] } }),
        ['input.targeting.categories.1:INVALID_CATEGORY'],
        'categories are the videos’ own (any case)',
      );
      assert.deepEqual(
        await errs({ budget: '0', cpmBid: '1000', dailyCap: null }),
        ['input.budget:BUDGET_NOT_POSITIVE', 'input.cpmBid:BID_BELOW_FLOOR'],
        'every problem at once',
      );
      const typeErr = await keyed.gql(NEW_LINE_ITEM, { input: lineItemInput({ budget: '1.5' }) });
      assert.equal(code(typeErr), 'BAD_USER_INPUT', 'amounts are decimal strings of minor units');
      assert.equal(code(await keyed.gql(NEW_LINE_ITEM, { input: lineItemInput({ pacing: 'SOMETIMES' }) })), 'BAD_USER_INPUT');
      assert.equal((await wallet(adco)).balance, before.wallet, 'nothing held');
      assert.equal(await lineItemCount(), before.count, 'nothing created');
    });

    it('a budget above the wallet is INSUFFICIENT_FUNDS and leaves nothing behind', async () => {
      const before = { wallet: (await wallet(adco)).balance, count: await lineItemCount(), supply: await ledger.totalSupply() };
      const r = (
        await keyed.gql(NEW_LINE_ITEM, {
          input: lineItemInput({ budget: String(before.wallet + 1n), dailyCap: null, idempotencyKey: 'too-big' }),
        })
      ).data.createLineItem;
      assert.equal(r.lineItem, null);
      assert.deepEqual(
        r.userErrors.map((e: any) => `${e.field.join('.')}:${e.code}`),
        ['input.budget:INSUFFICIENT_FUNDS'],
      );
      assert.equal((await wallet(adco)).balance, before.wallet);
      assert.equal(await lineItemCount(), before.count, 'no line item (not even a draft)');
      assert.equal(await ledger.totalSupply(), before.supply);
      // The refused key stays free: with money it works.
      const ok = (
        await keyed.gql(NEW_LINE_ITEM, { input: lineItemInput({ budget: String(CLC), dailyCap: null, idempotencyKey: 'too-big' }) })
      ).data.createLineItem;
      assert.deepEqual(ok.userErrors, []);
      assert.equal((await wallet(adco)).balance, before.wallet - CLC);
      assert.equal(
        (await keyed.gql(LINE_ITEM_OP('cancelLineItem'), { id: ok.lineItem.id })).data.cancelLineItem.lineItem.returned,
        String(CLC),
      );
      assert.equal((await wallet(adco)).balance, before.wallet);
    });

    it('pause, resume, and cancel: cancelling returns what the escrow still holds to the wallet, once, and closes it', async () => {
      const paused = (await keyed.gql(LINE_ITEM_OP('pauseLineItem'), { id: lineItemId })).data.pauseLineItem;
      assert.equal(paused.lineItem.status, 'PAUSED');
      assert.equal(
        (await keyed.gql(LINE_ITEM_OP('pauseLineItem'), { id: lineItemId })).data.pauseLineItem.lineItem.status,
        'PAUSED',
        'pausing twice is fine',
      );
      assert.equal((await keyed.gql(LINE_ITEM_OP('resumeLineItem'), { id: lineItemId })).data.resumeLineItem.lineItem.status, 'ACTIVE');

      // Spend 3 CLC out of escrow as the ad server will (a hold settlement), then cancel.
      const holdId = String((await sql.query(`SELECT hold_id FROM ad_line_items WHERE id = ?`, [lineItemId]))[0].hold_id);
      const fees = await ledger.openAccount(AccountKind.PLATFORM_FEES);
      await ledger.settleHold(holdId, fees.id, 3n * CLC, `test-spend-${lineItemId}`);
      const w0 = (await wallet(adco)).balance;
      const c = (await keyed.gql(LINE_ITEM_OP('cancelLineItem'), { id: lineItemId })).data.cancelLineItem;
      assert.deepEqual(c.userErrors, []);
      assert.deepEqual(
        [c.lineItem.status, c.lineItem.escrowBalance, c.lineItem.spent, c.lineItem.returned],
        ['CANCELLED', '0', String(3n * CLC), String(7n * CLC)],
      );
      assert.equal((await wallet(adco)).balance, w0 + 7n * CLC, 'the unspent 7 CLC came back');
      const again = (await keyed.gql(LINE_ITEM_OP('cancelLineItem'), { id: lineItemId })).data.cancelLineItem;
      assert.equal(again.lineItem.status, 'CANCELLED');
      assert.equal((await wallet(adco)).balance, w0 + 7n * CLC, 'cancelling twice returns nothing more');
      await assert.rejects(
        ledger.settleHold(holdId, fees.id, 1n, 'test-spend-after-cancel'),
        /closed|released/i,
        'nothing can be spent from a closed escrow',
      );
      assert.equal(
        (await keyed.gql(LINE_ITEM_OP('resumeLineItem'), { id: lineItemId })).data.resumeLineItem.userErrors[0].code,
        'INVALID_STATUS',
      );
      const late = (await keyed.gql(NEW_CREATIVE, { input: { lineItemId, videoId, clickThroughUrl: 'https://adco.example' } })).data
        .createCreative;
      assert.equal(late.userErrors[0].code, 'LINE_ITEM_CLOSED');
    });

    it('a line item ends a reservation time after its flight: what the escrow still holds goes back, once', async () => {
      const input = lineItemInput({ name: 'Short flight', budget: String(5n * CLC), dailyCap: null, idempotencyKey: 'short-flight' });
      const created = (await keyed.gql(NEW_LINE_ITEM, { input })).data.createLineItem;
      assert.deepEqual(created.userErrors, []);
      const id = created.lineItem.id as string;
      const holdId = String((await sql.query(`SELECT hold_id FROM ad_line_items WHERE id = ?`, [id]))[0].hold_id);
      await ledger.settleHold(holdId, (await ledger.openAccount(AccountKind.PLATFORM_FEES)).id, CLC, `test-spend-${id}`);
      const flightEnd = new Date(input.flightEnd as string).getTime();
      const ttlMs = api.app.get(AppConfig).ads.reservationTtlSec * 1000;
      const scheduler = api.app.get(AdServerScheduler, { strict: false });
      const w0 = (await wallet(adco)).balance;
      const read = async () => (await keyed.gql(`query($id: ID!) { lineItem(id: $id) { ${LINE_ITEM_FIELDS} } }`, { id })).data.lineItem;

      await scheduler.tick(new Date(flightEnd + ttlMs - 1000));
      assert.equal((await wallet(adco)).balance, w0, 'ads served just before the end can still be charged');
      assert.equal((await read()).status, 'ACTIVE', 'still open');

      await scheduler.tick(new Date(flightEnd + ttlMs + 1000));
      await scheduler.tick(new Date(flightEnd + ttlMs + 2000));
      const ended = await read();
      assert.deepEqual([ended.status, ended.spent, ended.returned, ended.escrowBalance], ['ENDED', String(CLC), String(4n * CLC), '0']);
      assert.equal(
        (await keyed.gql(LINE_ITEM_OP('pauseLineItem'), { id })).data.pauseLineItem.userErrors[0].code,
        'INVALID_STATUS',
        'an ended line item cannot be paused',
      );
      assert.equal((await wallet(adco)).balance, w0 + 4n * CLC, 'the unspent 4 CLC came back once');
      await assert.rejects(
        ledger.settleHold(holdId, (await ledger.openAccount(AccountKind.PLATFORM_FEES)).id, 1n, `test-late-${id}`),
        /closed|released/i,
      );
    });

    it('campaigns paginate (first ≤ 100, after) and filter by status', async () => {
      for (let i = 0; i < 4; i++)
        assert.deepEqual((await keyed.gql(NEW_CAMPAIGN, { input: { name: `Page ${i}` } })).data.createCampaign.userErrors, []);
      const pausedId = (await keyed.gql(`{ campaigns(first: 1) { edges { node { id } } } }`)).data.campaigns.edges[0].node.id;
      const set = await keyed.gql(`mutation($id: ID!) { setCampaignStatus(id: $id, status: PAUSED) { campaign { status } } }`, {
        id: pausedId,
      });
      assert.equal(set.data.setCampaignStatus.campaign.status, 'PAUSED');
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const r: any = (
          await keyed.gql(
            `query($after: String) { campaigns(first: 2, after: $after) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`,
            { after },
          )
        ).data.campaigns;
        seen.push(...r.edges.map((e: any) => e.node.id));
        pages++;
        if (!r.pageInfo.hasNextPage) break;
        after = r.pageInfo.endCursor;
      }
      assert.equal(seen.length, 5, 'Spring and four more');
      assert.equal(new Set(seen).size, 5, 'no campaign twice');
      assert.equal(pages, 3);
      const paused = (
        await keyed.gql(`{ campaigns(first: 10, filter: { status: PAUSED }) { edges { node { id } } } }`)
      ).data.campaigns.edges.map((e: any) => e.node.id);
      assert.deepEqual(paused, [pausedId]);
      assert.equal(code(await keyed.gql(`{ campaigns(first: 101) { edges { cursor } } }`)), 'BAD_USER_INPUT');
      assert.equal(code(await keyed.gql(`{ campaigns(first: 2, after: "nonsense") { edges { cursor } } }`)), 'BAD_USER_INPUT');
    });

    it('a revoked key is refused (UNAUTHENTICATED) at once; the session still works; the ledger audit is clean', async () => {
      const r = (await adco.gql(REVOKE_KEY, { id: keyId })).data.revokeAdvertiserApiKey;
      assert.ok(r.apiKey.revokedAt);
      assert.equal(code(await keyed.gql(`{ advertiser { id } }`)), 'UNAUTHENTICATED');
      assert.equal(code(await keyed.gql(NEW_CAMPAIGN, { input: { name: 'after revoke' } })), 'UNAUTHENTICATED');
      assert.equal(
        (await rival.gql(REVOKE_KEY, { id: keyId })).data.revokeAdvertiserApiKey.userErrors[0].code,
        'NOT_FOUND',
        "not the rival's key",
      );
      assert.equal((await adco.gql(`{ campaigns(first: 100) { edges { node { id } } } }`)).data.campaigns.edges.length, 5);
      const audit = await ledger.audit();
      assert.deepEqual(
        [audit.unbalancedEntries, audit.balanceMismatches, audit.negativeGuarded, audit.overpaidHolds, audit.sumOfBalances],
        [[], [], [], [], 0n],
      );
      assert.equal(await ledger.totalSupply(), 100n * CLC, 'supply changed only by the two mints');
    });
  });
}
