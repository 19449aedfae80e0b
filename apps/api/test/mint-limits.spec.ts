import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LedgerService } from '@wetube/ledger';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';

const ADMIN_EMAIL = 'admin@mint.test';
const CLC = 1_000_000n;
const MINT = `mutation($input: MintInput!) { mint(input: $input) { entryId totalSupply userErrors { field code message } } }`;
const MINTS = `query($first: Int, $before: String) { mints(first: $first, before: $before) { entryId adminUserId adminEmail toUserId toEmail toAccountKind amount idempotencyKey memo createdAt } }`;
const WALLET = `{ wallet { balance } }`;

for (const db of databaseMatrix()) {
  describe(`admin mint ceilings and audit list (${db})`, () => {
    let api: TestApi;
    let admin: ApiClient;
    let adminId: string;
    let user: ApiClient;
    let userId: string;
    let userEmail: string;
    let ledger: LedgerService;

    before(async () => {
      // 100 CLC per call, 250 CLC per UTC day.
      api = await startApi(db, {
        ADMIN_EMAILS: ADMIN_EMAIL,
        BANDWIDTH_POOL_SEED: '0',
        MINT_MAX_PER_CALL: String(100n * CLC),
        MINT_MAX_PER_DAY: String(250n * CLC),
      });
      ledger = api.app.get(LedgerService, { strict: false });
      admin = new ApiClient(api.url);
      const reg = await admin.rest('POST', '/api/auth/register', {
        email: ADMIN_EMAIL,
        password: 'correct horse battery',
        displayName: 'Admin',
      });
      assert.equal(reg.status, 201);
      admin.token = reg.body.token;
      adminId = reg.body.user.id;
      user = new ApiClient(api.url);
      ({ id: userId, email: userEmail } = await user.signUp('Minted'));
    });
    after(async () => api?.close());

    const balance = async () => BigInt((await user.gql(WALLET)).data.wallet.balance);

    it('a mint over MINT_MAX_PER_CALL is refused with MINT_LIMIT_EXCEEDED and moves nothing', async () => {
      const supply = await ledger.totalSupply();
      const r = await admin.gql(MINT, { input: { toEmail: userEmail, amount: String(100n * CLC + 1n), idempotencyKey: 'big-1' } });
      assert.equal(r.data.mint.entryId, null);
      assert.equal(r.data.mint.userErrors[0].code, 'MINT_LIMIT_EXCEEDED');
      assert.deepEqual(r.data.mint.userErrors[0].field, ['input', 'amount']);
      assert.match(r.data.mint.userErrors[0].message, /at most 100 CLC \(MINT_MAX_PER_CALL\)/);
      assert.equal(await ledger.totalSupply(), supply);
      assert.equal(await balance(), 0n);
      const huge = await admin.gql(MINT, { input: { toEmail: userEmail, amount: '9007200555740993', idempotencyKey: 'huge' } });
      assert.equal(huge.data.mint.userErrors[0].code, 'MINT_LIMIT_EXCEEDED');
      assert.equal(await ledger.totalSupply(), supply);
    });

    it('MINT_MAX_PER_DAY holds across calls and under concurrency; a replayed key is not counted twice', async () => {
      const supply = await ledger.totalSupply();
      const first = await admin.gql(MINT, {
        input: { toEmail: userEmail, amount: String(100n * CLC), idempotencyKey: 'day-1', memo: 'launch grant' },
      });
      assert.deepEqual(first.data.mint.userErrors, []);
      const replay = await admin.gql(MINT, {
        input: { toEmail: userEmail, amount: String(100n * CLC), idempotencyKey: 'day-1', memo: 'launch grant' },
      });
      assert.deepEqual(replay.data.mint.userErrors, [], 'the same key answers the first mint');
      assert.equal(replay.data.mint.entryId, first.data.mint.entryId);
      // 150 CLC left today: of six concurrent 40 CLC mints, three fit.
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          admin.gql(MINT, { input: { toEmail: userEmail, amount: String(40n * CLC), idempotencyKey: `race-${i}` } }),
        ),
      );
      const ok = answers.filter((a) => a.data.mint.entryId);
      const refused = answers.filter((a) => a.data.mint.userErrors[0]?.code === 'MINT_LIMIT_EXCEEDED');
      assert.equal(ok.length, 3, JSON.stringify(answers.map((a) => a.data.mint)));
      assert.equal(refused.length, 3);
      assert.match(refused[0].data.mint.userErrors[0].message, /at most 250 CLC per UTC day \(MINT_MAX_PER_DAY\)/);
      assert.equal(await ledger.totalSupply(), supply + 220n * CLC);
      assert.equal(await balance(), 220n * CLC);
      const pool = await admin.gql(MINT, { input: { amount: String(31n * CLC), idempotencyKey: 'pool-over' } });
      assert.equal(pool.data.mint.userErrors[0].code, 'MINT_LIMIT_EXCEEDED', 'pool mints count against the same day');
      const fits = await admin.gql(MINT, { input: { amount: String(30n * CLC), idempotencyKey: 'pool-fits' } });
      assert.deepEqual(fits.data.mint.userErrors, []);
      assert.equal(await ledger.totalSupply(), supply + 250n * CLC);
    });

    it('every mint is in the audit list, newest first, with who, to whom, amount, when and key; paging with before', async () => {
      const list = (await admin.gql(MINTS, { first: 50 })).data.mints as any[];
      assert.equal(list.length, 5, JSON.stringify(list));
      assert.equal(list[0].toAccountKind, 'BANDWIDTH_POOL');
      assert.equal(list[0].toUserId, null);
      assert.equal(list[0].amount, String(30n * CLC));
      const grant = list.find((m) => m.idempotencyKey === 'mint:day-1');
      assert.deepEqual(
        {
          admin: grant.adminUserId,
          adminEmail: grant.adminEmail,
          to: grant.toUserId,
          toEmail: grant.toEmail,
          kind: grant.toAccountKind,
          amount: grant.amount,
          memo: grant.memo,
        },
        {
          admin: adminId,
          adminEmail: ADMIN_EMAIL,
          to: userId,
          toEmail: userEmail,
          kind: 'USER_WALLET',
          amount: String(100n * CLC),
          memo: 'launch grant',
        },
      );
      assert.ok(Math.abs(Date.parse(grant.createdAt) - Date.now()) < 60_000, grant.createdAt);
      const times = list.map((m) => Date.parse(m.createdAt));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
      const page2 = (await admin.gql(MINTS, { first: 2, before: list[1].entryId })).data.mints as any[];
      assert.deepEqual(
        page2.map((m) => m.entryId),
        list.slice(2, 4).map((m) => m.entryId),
      );
      const total = list.reduce((s, m) => s + BigInt(m.amount), 0n);
      assert.equal(total, 250n * CLC, 'refused mints are not listed');
    });

    it('the audit list and mint are refused to non-admins and anonymous callers', async () => {
      const mine = await user.gql(MINTS, {});
      assert.equal(mine.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      assert.equal(mine.data, null);
      const anon = await new ApiClient(api.url).gql(MINTS, {});
      assert.equal(anon.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      const mint = await user.gql(MINT, { input: { toEmail: userEmail, amount: '1', idempotencyKey: 'self' } });
      assert.equal(mint.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    });
  });
}
