import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LedgerService } from '@wetube/ledger';
import { Database } from '@wetube/platform';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { startSession } from './payments.support';
import { tusUpload, waitForStatus } from './upload.helper';

const ADMIN_EMAIL = 'admin@support.test';
const MINT = `mutation($input: MintInput!) { mint(input: $input) { entryId userErrors { code message } } }`;
const HEARTBEAT = `mutation($input: PlaybackHeartbeatInput!) { playbackHeartbeat(input: $input) { ok userErrors { code } } }`;
const SET_SUPPORT = `mutation($input: SetCreatorSupportInput!) { setCreatorSupport(input: $input) {
  support { creatorId enabled amountPerMinute dailyCeiling paidToday } userErrors { field code message } } }`;
const SUPPORT = `query($c: ID!) { creatorSupport(creatorId: $c) { enabled amountPerMinute dailyCeiling paidToday } }`;
const SET_SPLIT = `mutation($input: SetSupportSplitInput!) { setSupportSplit(input: $input) {
  recipients { userId displayName percent } userErrors { field code message } } }`;
const WALLET = `{ wallet { balance creatorRevenue } }`;
const RECEIVED = `{ supportReceived { total last30Days supporters { userId displayName paid } } }`;

/** 0.6 CLC a minute: 10,000 minor units a second of playback. */
const RATE = 600_000n;
const PER_SECOND = RATE / 60n;
const CEILING = 1_000_000n;
const FUNDS = 10_000_000n;

for (const db of databaseMatrix()) {
  describe(`pay as you listen through the api and the playback heartbeat (${db})`, () => {
    let api: TestApi;
    let ledger: LedgerService;
    let sql: Database;
    let admin: ApiClient;
    let creator: ApiClient;
    let creatorId: string;
    let creatorEmail: string;
    let cohost: ApiClient;
    let cohostEmail: string;
    let listener: ApiClient;
    let listenerId: string;
    let listenerEmail: string;
    let videoId: string;

    const balance = async (c: ApiClient) => (await c.gql(WALLET)).data.wallet as { balance: string; creatorRevenue: string };
    const beat = (sessionId: string, watchedSeconds: number, attendedSeconds?: number, ended = false) =>
      listener.gql(HEARTBEAT, {
        input: { sessionId, watchedSeconds, ended, ...(attendedSeconds === undefined ? {} : { attendedSeconds }) },
      });
    /** The session started `seconds` ago (the heartbeat clamps watch time to the wall clock since the start). */
    const backdate = (sessionId: string, seconds: number) =>
      sql.query(`UPDATE payment_sessions SET started_at = ? WHERE id = ?`, [
        sql.dialect.time(new Date(Date.now() - seconds * 1000)),
        sessionId,
      ]);
    async function audit(): Promise<void> {
      const a = await ledger.audit();
      assert.deepEqual(
        [a.unbalancedEntries, a.balanceMismatches, a.negativeGuarded, a.overpaidHolds, a.sumOfBalances],
        [[], [], [], [], 0n],
      );
      assert.equal(await ledger.totalSupply(), FUNDS, 'only the mint made money');
    }

    before(async () => {
      api = await startApi(db, { ADMIN_EMAILS: ADMIN_EMAIL, BANDWIDTH_POOL_SEED: '0' });
      ledger = api.app.get(LedgerService, { strict: false });
      sql = api.app.get(Database, { strict: false });
      admin = new ApiClient(api.url);
      const reg = await admin.rest('POST', '/api/auth/register', {
        email: ADMIN_EMAIL,
        password: 'correct horse battery',
        displayName: 'Admin',
      });
      admin.token = reg.body.token;
      creator = new ApiClient(api.url);
      ({ id: creatorId, email: creatorEmail } = await creator.signUp('Host'));
      cohost = new ApiClient(api.url);
      ({ email: cohostEmail } = await cohost.signUp('Cohost'));
      listener = new ApiClient(api.url);
      ({ id: listenerId, email: listenerEmail } = await listener.signUp('Listener'));
      const clip = await generateClip({ path: join(api.dataDir, 'support.mp4'), durationSec: 4, width: 320, height: 180 });
      videoId = (await tusUpload(creator, clip)).videoId!;
      assert.equal((await waitForStatus(creator, videoId, ['READY', 'FAILED'])).status, 'READY');
    });
    after(async () => api?.close());

    it('refuses bad support settings and splits with userErrors', async () => {
      const set = async (c: ApiClient, input: Record<string, unknown>) => (await c.gql(SET_SUPPORT, { input })).data.setCreatorSupport;
      const base = { creatorId, enabled: true, amountPerMinute: String(RATE), dailyCeiling: String(CEILING) };
      assert.equal((await set(listener, { ...base, amountPerMinute: '0' })).userErrors[0].code, 'INVALID_AMOUNT');
      assert.equal((await set(listener, { ...base, amountPerMinute: '-5' })).userErrors[0].code, 'INVALID_AMOUNT');
      const low = await set(listener, { ...base, dailyCeiling: String(RATE - 1n) });
      assert.equal(low.userErrors[0].code, 'CEILING_BELOW_RATE');
      assert.deepEqual(low.userErrors[0].field, ['input', 'dailyCeiling']);
      assert.equal((await set(listener, base)).userErrors[0].code, 'INSUFFICIENT_FUNDS', 'an empty wallet cannot hold a minute');
      assert.equal((await set(listener, { ...base, creatorId: '00000000-0000-4000-8000-000000000000' })).userErrors[0].code, 'NOT_FOUND');
      assert.equal((await set(creator, base)).userErrors[0].code, 'SELF_SUPPORT');

      const split = async (recipients: Array<{ recipient: string; percent: number }>) =>
        (await creator.gql(SET_SPLIT, { input: { recipients } })).data.setSupportSplit;
      assert.equal((await split([{ recipient: cohostEmail, percent: 30 }])).userErrors[0].code, 'SHARES_NOT_100');
      assert.equal(
        (
          await split([
            { recipient: cohostEmail, percent: 0 },
            { recipient: listenerEmail, percent: 100 },
          ])
        ).userErrors[0].code,
        'INVALID_SHARE',
      );
      assert.equal((await split([{ recipient: 'nobody@example.com', percent: 100 }])).userErrors[0].code, 'UNKNOWN_RECIPIENT');
      assert.equal((await split([{ recipient: '@no-such-channel-here', percent: 100 }])).userErrors[0].code, 'UNKNOWN_RECIPIENT');
      const ok = await split([
        { recipient: creatorEmail, percent: 70 },
        { recipient: cohostEmail, percent: 30 },
      ]);
      assert.deepEqual(ok.userErrors, []);
      assert.deepEqual(
        ok.recipients.map((r: { displayName: string; percent: number }) => [r.displayName, r.percent]),
        [
          ['Host', 70],
          ['Cohost', 30],
        ],
      );
    });

    it('pays per second attended through the heartbeat, split 70/30; paused, muted-in-background and repeated heartbeats pay nothing; the end releases the rest', async () => {
      assert.deepEqual(
        (await admin.gql(MINT, { input: { toEmail: listenerEmail, amount: String(FUNDS), idempotencyKey: 'support-mint' } })).data.mint
          .userErrors,
        [],
      );
      const on = (
        await listener.gql(SET_SUPPORT, {
          input: { creatorId, enabled: true, amountPerMinute: String(RATE), dailyCeiling: String(CEILING) },
        })
      ).data.setCreatorSupport;
      assert.deepEqual(on.userErrors, []);
      assert.equal(on.support.enabled, true);

      const s = await startSession(listener, videoId);
      assert.equal(BigInt((await balance(listener)).balance), FUNDS - RATE, 'a 4 s item holds one minute at the rate at session start');
      await backdate(s.sessionId, 30);
      assert.equal((await beat(s.sessionId, 2)).data.playbackHeartbeat.ok, true);
      assert.equal(BigInt((await balance(creator)).creatorRevenue), (2n * PER_SECOND * 70n) / 100n);
      assert.equal(BigInt((await balance(cohost)).creatorRevenue), (2n * PER_SECOND * 30n) / 100n);
      // Repeated heartbeat; paused (the same played time, later); played while muted in a background tab.
      await beat(s.sessionId, 2);
      await beat(s.sessionId, 2, 2);
      await beat(s.sessionId, 3, 2);
      const paid = async () => BigInt((await balance(creator)).creatorRevenue) + BigInt((await balance(cohost)).creatorRevenue);
      assert.equal(await paid(), 2n * PER_SECOND);
      // Seeking does not add played time (the client reports the union of played ranges); concurrent heartbeats pay once.
      await Promise.all(Array.from({ length: 6 }, () => beat(s.sessionId, 4, 3)));
      assert.equal(await paid(), 3n * PER_SECOND);
      assert.equal((await beat(s.sessionId, 4, 5)).data.playbackHeartbeat.ok, true, 'attended beyond played is clamped, not refused');
      assert.equal(await paid(), 4n * PER_SECOND);
      assert.equal((await beat(s.sessionId, 4, -1)).data.playbackHeartbeat.userErrors[0].code, 'INVALID_WATCH_TIME');
      await beat(s.sessionId, 4, 4, true);
      assert.equal(BigInt((await balance(listener)).balance), FUNDS - 4n * PER_SECOND, 'the end released the rest of the hold');
      const support = (await listener.gql(SUPPORT, { c: creatorId })).data.creatorSupport;
      assert.equal(BigInt(support.paidToday), 4n * PER_SECOND);
      const received = (await creator.gql(RECEIVED)).data.supportReceived;
      assert.equal(BigInt(received.total), 4n * PER_SECOND);
      assert.deepEqual(
        received.supporters.map((x: { userId: string; paid: string }) => [x.userId, BigInt(x.paid)]),
        [[listenerId, 4n * PER_SECOND]],
      );
      await audit();
    });

    it('holds the daily ceiling across sessions', async () => {
      const before = BigInt((await listener.gql(SUPPORT, { c: creatorId })).data.creatorSupport.paidToday);
      for (let i = 0; i < 3; i++) {
        const s = await startSession(listener, videoId);
        await backdate(s.sessionId, 3600);
        await beat(s.sessionId, 600, 600);
        await beat(s.sessionId, 600, 600, true);
      }
      const support = (await listener.gql(SUPPORT, { c: creatorId })).data.creatorSupport;
      assert.equal(BigInt(support.paidToday), CEILING, `paid ${before} before, then up to the ceiling and no further`);
      assert.equal(BigInt((await balance(listener)).balance), FUNDS - CEILING);
      await audit();
    });

    it('turned off, a session holds nothing', async () => {
      const off = (
        await listener.gql(SET_SUPPORT, {
          input: { creatorId, enabled: false, amountPerMinute: String(RATE), dailyCeiling: String(CEILING) },
        })
      ).data.setCreatorSupport;
      assert.equal(off.support.enabled, false);
      const wallet = (await balance(listener)).balance;
      const s = await startSession(listener, videoId);
      assert.equal((await balance(listener)).balance, wallet);
      await beat(s.sessionId, 1, 1, true);
      assert.equal((await balance(listener)).balance, wallet);
    });

    it('turned on while a session plays, support begins at its next heartbeat and pays only from then on', async () => {
      const s = await startSession(listener, videoId);
      await backdate(s.sessionId, 600);
      await beat(s.sessionId, 5, 5);
      const on = (
        await listener.gql(SET_SUPPORT, {
          input: { creatorId, enabled: true, amountPerMinute: String(RATE), dailyCeiling: String(2n * CEILING) },
        })
      ).data.setCreatorSupport;
      assert.deepEqual(on.userErrors, []);
      const wallet = BigInt((await balance(listener)).balance);
      await beat(s.sessionId, 10, 10);
      assert.equal(BigInt((await balance(listener)).balance), wallet - CEILING, 'held at this heartbeat: the rest of the raised ceiling');
      await beat(s.sessionId, 20, 20);
      await beat(s.sessionId, 20, 20, true);
      assert.equal(
        BigInt((await balance(listener)).balance),
        wallet - 10n * PER_SECOND,
        'paid the 10 s after support began; the rest released',
      );
      const support = (await listener.gql(SUPPORT, { c: creatorId })).data.creatorSupport;
      assert.equal(BigInt(support.paidToday), CEILING + 10n * PER_SECOND);
      await audit();
    });
  });
}
