import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AccountKind, LedgerService } from '@wetube/ledger';
import { EarningsReleaseService, MAX_POOL_SESSIONS_PER_VIEWER, PaymentSessionsService, PlanRevenueSettlement } from '@wetube/payments';
import { NodeEd25519Signer } from '@wetube/swarm';
import { generateClip } from '@wetube/testing';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';
import { b64, receiptMessage, redeem, registerSeeder, startSession, wallet, type ViewerSession } from './payments.support';
import { tusUpload, waitForStatus } from './upload.helper';

const PRICE = 1000n;
const ADMIN_EMAIL = 'admin@payments.test';
const MINT = `mutation($input: MintInput!) { mint(input: $input) { entryId totalSupply userErrors { field code message } } }`;
const BUY = `mutation($input: BuyPlanInput!) { buyPlan(input: $input) { entitlement { planId expiresAt } wallet { balance } userErrors { code message } } }`;
const TRANSFER = `mutation($input: TransferInput!) { transfer(input: $input) { transaction { amount } userErrors { field code message } } }`;
const HEARTBEAT = `mutation($input: PlaybackHeartbeatInput!) { playbackHeartbeat(input: $input) { ok userErrors { code } } }`;

for (const db of databaseMatrix()) {
  describe(`Cloudcoin payments through the api (${db})`, () => {
    let api: TestApi;
    let ledger: LedgerService;
    const admin = () => new ApiClient(api.url);
    let adminClient: ApiClient;
    let creator: ApiClient;
    let viewer: ApiClient;
    let viewerId: string;
    let viewerEmail: string;
    let seederOwner: ApiClient;
    let seederKey: NodeEd25519Signer;
    let attacker: ApiClient;
    let videoId: string;
    let segmentCids: string[];

    before(async () => {
      api = await startApi(db, {
        ADMIN_EMAILS: ADMIN_EMAIL,
        BANDWIDTH_POOL_SEED: '0',
        PEER_PRICE_PER_SEGMENT: String(PRICE),
        PAIR_DECAY_SEGMENTS: '4',
      });
      ledger = api.app.get(LedgerService, { strict: false });
      adminClient = admin();
      const reg = await adminClient.rest('POST', '/api/auth/register', {
        email: ADMIN_EMAIL,
        password: 'correct horse battery',
        displayName: 'Admin',
      });
      assert.equal(reg.status, 201);
      adminClient.token = reg.body.token;
      creator = new ApiClient(api.url);
      await creator.signUp('Creator');
      viewer = new ApiClient(api.url);
      ({ id: viewerId, email: viewerEmail } = await viewer.signUp('Viewer'));
      seederOwner = new ApiClient(api.url);
      const owner = await seederOwner.signUp('SeederOwner');
      seederKey = await registerSeeder(seederOwner, owner.id);
      attacker = new ApiClient(api.url);
      await attacker.signUp('Attacker');
      const clip = await generateClip({ path: join(api.dataDir, 'pay.mp4'), durationSec: 4, width: 320, height: 180 });
      videoId = (await tusUpload(creator, clip)).videoId!;
      assert.equal((await waitForStatus(creator, videoId, ['READY', 'FAILED'])).status, 'READY');
      const files = (await creator.gql(`{ video(id: "${videoId}") { contentFiles { path cid } } }`)).data.video.contentFiles as {
        path: string;
        cid: string;
      }[];
      segmentCids = files.filter((f) => f.path.endsWith('.m4s')).map((f) => f.cid);
      assert.ok(segmentCids.length >= 2);
    });
    after(async () => api?.close());

    it('mints only for admins; bad amounts are refused with a clear error and move nothing', async () => {
      const denied = await viewer.gql(MINT, { input: { toEmail: viewerEmail, amount: '1000', idempotencyKey: 'm-x' } });
      assert.equal(denied.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      const ok = (await adminClient.gql(MINT, { input: { toEmail: viewerEmail, amount: '20000000', idempotencyKey: 'm-1' } })).data.mint;
      assert.deepEqual(ok.userErrors, []);
      assert.equal(ok.totalSupply, '20000000');
      const again = (await adminClient.gql(MINT, { input: { toEmail: viewerEmail, amount: '20000000', idempotencyKey: 'm-1' } })).data.mint;
      assert.equal(again.entryId, ok.entryId, 'the same key and payload answer the first mint');
      assert.equal(again.totalSupply, '20000000', 'and mint nothing more');
      const conflict = (await adminClient.gql(MINT, { input: { toEmail: viewerEmail, amount: '1', idempotencyKey: 'm-1' } })).data.mint;
      assert.equal(conflict.userErrors[0].code, 'IDEMPOTENCY_CONFLICT');

      const send = (amount: unknown) =>
        viewer.gql(TRANSFER, { input: { toEmail: ADMIN_EMAIL, amount, idempotencyKey: `t-${String(amount)}` } });
      assert.equal((await send('0')).data.transfer.userErrors[0].code, 'ZERO_AMOUNT');
      assert.equal((await send('-1')).data.transfer.userErrors[0].code, 'NEGATIVE_AMOUNT');
      const float = await send('1.5');
      assert.equal(float.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.match(float.errors![0].message, /not a decimal integer string/);
      const huge = await send((2n ** 63n).toString());
      assert.match(huge.errors![0].message, /exceeds the limit/);
      const unsafe = await viewer.gql(TRANSFER.replace('$input: TransferInput!', '$input: TransferInput!'), {
        input: { toEmail: ADMIN_EMAIL, amount: 9007199254740993, idempotencyKey: 't-unsafe' },
      });
      assert.match(unsafe.errors![0].message, /above 2\^53/);
      const float2 = await send(1.5);
      assert.match(float2.errors![0].message, /not an integer/);
      assert.equal((await wallet(viewer)).balance, 20_000_000n, 'nothing moved');
      assert.equal(await ledger.totalSupply(), 20_000_000n);
    });

    it('the development faucet gives test coins five times a day (minted, so supply grows by as much)', async () => {
      const tester = new ApiClient(api.url);
      await tester.signUp('Tester');
      const FAUCET = `mutation { faucet { wallet { balance } userErrors { code message } } }`;
      const supply = await ledger.totalSupply();
      for (let i = 1; i <= 5; i++) assert.equal((await tester.gql(FAUCET)).data.faucet.wallet.balance, String(i * 100_000_000));
      assert.equal((await tester.gql(FAUCET)).data.faucet.userErrors[0].code, 'FAUCET_LIMIT');
      assert.equal(await ledger.totalSupply(), supply + 500_000_000n);
      // Give it back (burn) so the supply checks below count only the admin mints.
      const w = await ledger.openAccount(AccountKind.USER_WALLET, (await tester.gql('{ me { id } }')).data.me.id);
      await ledger.burn(w.id, 500_000_000n, 'faucet-back');
      assert.equal(await ledger.totalSupply(), supply);
    });

    it('sells an ad-free plan once per key; the session of a plan holder is ad-free and held from the wallet', async () => {
      const buy = (planId: string, key: string) => viewer.gql(BUY, { input: { planId, idempotencyKey: key } });
      const first = (await buy('week', 'buy-1')).data.buyPlan;
      assert.deepEqual(first.userErrors, []);
      assert.equal(first.entitlement.planId, 'week');
      assert.equal(first.wallet.balance, '15000000');
      const retry = (await buy('week', 'buy-1')).data.buyPlan;
      assert.equal(retry.entitlement.expiresAt, first.entitlement.expiresAt);
      assert.equal(retry.wallet.balance, '15000000', 'a retry buys nothing');
      assert.equal((await buy('month', 'buy-1')).data.buyPlan.userErrors[0].code, 'IDEMPOTENCY_CONFLICT');
      assert.equal(
        (await attacker.gql(BUY, { input: { planId: 'week', idempotencyKey: 'a' } })).data.buyPlan.userErrors[0].code,
        'INSUFFICIENT_FUNDS',
      );
      assert.equal((await buy('decade', 'buy-2')).data.buyPlan.userErrors[0].code, 'PLAN_NOT_FOUND');
      const w = await wallet(viewer);
      assert.ok(w.adFreeUntil && Date.parse(w.adFreeUntil) > Date.now() + 6 * 86400_000);
      const history = (
        await viewer.gql(`{ transactions(first: 10) { edges { node { kind amount account } } } }`)
      ).data.transactions.edges.map((e: any) => e.node);
      assert.deepEqual(
        history.map((t: any) => `${t.kind} ${t.amount}`),
        ['PLAN_PURCHASE -5000000', 'MINT 20000000'],
      );

      const s = await startSession(viewer, videoId);
      assert.equal(s.adFree, true);
      assert.ok(s.budget > 0n);
      assert.equal((await wallet(viewer)).balance, 15_000_000n - s.budget, 'the budget is held from the wallet');
    });

    it('pays a peer for the segments a receipt adds over its high-water mark, and refuses every attack with nothing moved', async () => {
      const s = await startSession(viewer, videoId);
      const other = await startSession(viewer, videoId);
      const peerId = b64(seederKey.publicKey);
      const cid = segmentCids[0];
      const r1 = await receiptMessage(s, { peerId, seq: 1, cumulativeSegments: 2, lastSegmentCid: cid });
      const paid = await redeem(seederOwner, [r1]);
      assert.equal(paid.results[0].status, 'PAID', JSON.stringify(paid.results[0]));
      assert.equal(paid.results[0].segments, 2);
      assert.equal(paid.totalPaid, 2n * PRICE);
      assert.equal((await wallet(seederOwner)).pending, 2n * PRICE, 'earnings wait in pending');
      const viewerBefore = await wallet(viewer);

      const ownKey = await registerSeeder(viewer, viewerId);
      const forger = NodeEd25519Signer.generate();
      const attacks: Array<[string, string, ApiClient]> = [
        ['REPLAYED', r1, seederOwner],
        [
          'BAD_SIGNATURE',
          await receiptMessage(s, { peerId, seq: 2, cumulativeSegments: 3, lastSegmentCid: cid }, { signer: forger }),
          seederOwner,
        ],
        [
          'SESSION_MISMATCH',
          await receiptMessage(s, { peerId, seq: 2, cumulativeSegments: 3, lastSegmentCid: cid, sessionId: other.sessionId }),
          seederOwner,
        ],
        [
          'CERT_INVALID',
          await receiptMessage(
            other,
            { peerId, seq: 2, cumulativeSegments: 3, lastSegmentCid: cid },
            { cert: { ...s.cert, cert: { ...s.cert.cert, sessionId: other.sessionId } } },
          ),
          seederOwner,
        ],
        [
          'WRONG_DOMAIN',
          await receiptMessage(s, { peerId, seq: 2, cumulativeSegments: 3, lastSegmentCid: cid, domain: 'wetube-receipt-v0' }),
          seederOwner,
        ],
        [
          'WRONG_SEGMENT',
          await receiptMessage(s, {
            peerId,
            seq: 2,
            cumulativeSegments: 3,
            lastSegmentCid: 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4',
          }),
          seederOwner,
        ],
        ['TOO_FAST', await receiptMessage(s, { peerId, seq: 2, cumulativeSegments: 500, lastSegmentCid: cid }), seederOwner],
        ['NOT_YOUR_PEER', await receiptMessage(s, { peerId, seq: 2, cumulativeSegments: 3, lastSegmentCid: cid }), attacker],
        [
          'SELF_DEALING',
          await receiptMessage(s, { peerId: b64(ownKey.publicKey), seq: 1, cumulativeSegments: 2, lastSegmentCid: cid }),
          viewer,
        ],
        [
          'SELF_DEALING',
          await receiptMessage(s, { peerId: b64(s.key.publicKey), seq: 1, cumulativeSegments: 2, lastSegmentCid: cid }),
          viewer,
        ],
        ['MALFORMED', Buffer.from('not a receipt').toString('base64url'), seederOwner],
      ];
      for (const [code, message, client] of attacks) {
        const r = await redeem(client, [message]);
        assert.equal(r.results[0].status, 'REFUSED', `${code}: ${JSON.stringify(r.results[0])}`);
        assert.equal(r.results[0].code, code, r.results[0].message ?? '');
        assert.equal(r.totalPaid, 0n);
      }
      // An older receipt after a newer one was redeemed.
      const r3 = await receiptMessage(s, { peerId, seq: 3, cumulativeSegments: 3, lastSegmentCid: cid });
      assert.equal((await redeem(seederOwner, [r3])).results[0].status, 'PAID');
      const older = await receiptMessage(s, { peerId, seq: 2, cumulativeSegments: 2, lastSegmentCid: cid });
      assert.equal((await redeem(seederOwner, [older])).results[0].code, 'STALE');

      assert.equal((await wallet(seederOwner)).pending, 3n * PRICE, 'only the two honest receipts paid');
      assert.deepEqual(await wallet(viewer), viewerBefore, "the viewer's wallet did not move (the hold pays)");
      const audit = await ledger.audit();
      assert.deepEqual([audit.unbalancedEntries, audit.balanceMismatches, audit.negativeGuarded, audit.overpaidHolds], [[], [], [], []]);

      // Rewards for one viewer-peer pair decay: PAIR_DECAY_SEGMENTS=4, the pair has 3 paid segments.
      const r6 = await receiptMessage(s, { peerId, seq: 4, cumulativeSegments: 6, lastSegmentCid: cid });
      const decayed = await redeem(seederOwner, [r6]);
      assert.equal(decayed.results[0].segments, 3);
      assert.equal(decayed.totalPaid, PRICE + PRICE / 2n + PRICE / 2n, 'the 4th segment at full price, the 5th and 6th at half');
      const today = (await seederOwner.gql(`{ seedingEarnings(days: 2) { day amount segments } }`)).data.seedingEarnings;
      assert.equal(today.length, 2);
      assert.deepEqual([today[1].segments, today[1].amount], [6, String(5n * PRICE)], "today's bar: 6 segments, what pending holds");
      assert.deepEqual([today[0].segments, today[0].amount], [0, '0']);
    });

    it('three peers redeeming more than the hold at the same time are paid at most the hold', async () => {
      const pool = (await adminClient.gql(MINT, { input: { amount: String(5n * PRICE), idempotencyKey: 'pool-1' } })).data.mint;
      assert.deepEqual(pool.userErrors, []);
      const anonymous = new ApiClient(api.url);
      const s = await startSession(anonymous, videoId);
      assert.equal(s.adFree, false);
      assert.equal(s.budget, 5n * PRICE, 'held from the bandwidth pool, as much as it has');
      const peers = await Promise.all(
        [1, 2, 3].map(async (i) => {
          const c = new ApiClient(api.url);
          const u = await c.signUp(`Peer${i}`);
          return { client: c, key: await registerSeeder(c, u.id) };
        }),
      );
      const messages = await Promise.all(
        peers.map((p) =>
          receiptMessage(s, { peerId: b64(p.key.publicKey), seq: 1, cumulativeSegments: 2, lastSegmentCid: segmentCids[0] }),
        ),
      );
      const results = await Promise.all(peers.map((p, i) => redeem(p.client, [messages[i]])));
      const statuses = results.map((r) => r.results[0].code ?? r.results[0].status).sort();
      assert.deepEqual(statuses, ['HOLD_EXCEEDED', 'PAID', 'PAID']);
      assert.equal(
        results.reduce((s, r) => s + r.totalPaid, 0n),
        4n * PRICE,
      );
      const audit = await ledger.audit();
      assert.deepEqual(audit.overpaidHolds, []);
    });

    it('ends sessions, releases matured earnings and shares plan revenue with the creator by watch time', async () => {
      const s = await startSession(viewer, videoId);
      const before = await wallet(viewer);
      await new Promise((r) => setTimeout(r, 50));
      const beat = (await viewer.gql(HEARTBEAT, { input: { sessionId: s.sessionId, watchedSeconds: 4, ended: true } })).data
        .playbackHeartbeat;
      assert.equal(beat.ok, true);
      assert.equal(
        (await attacker.gql(HEARTBEAT, { input: { sessionId: s.sessionId, watchedSeconds: 4, ended: true } })).data.playbackHeartbeat
          .userErrors[0].code,
        'NOT_FOUND',
      );
      const sessions = api.app.get(PaymentSessionsService, { strict: false });
      const later = new Date(Date.now() + (api.config.payments.redeemGraceSec + api.config.payments.sessionIdleSec + 60) * 1000);
      await sessions.closeFinished(later);
      const released = await wallet(viewer);
      assert.ok(released.balance >= before.balance + s.budget, 'unspent budgets went back to the wallet');

      const pending = (await wallet(seederOwner)).pending;
      assert.ok(pending > 0n);
      await api.app.get(EarningsReleaseService, { strict: false }).releaseMatured(new Date());
      assert.equal((await wallet(seederOwner)).pending, pending, 'not before the review window');
      await api.app
        .get(EarningsReleaseService, { strict: false })
        .releaseMatured(new Date(Date.now() + (api.config.payments.earningsHoldSec + 60) * 1000));
      const owner = await wallet(seederOwner);
      assert.deepEqual([owner.pending, owner.balance], [0n, pending]);

      const settlement = api.app.get(PlanRevenueSettlement, { strict: false });
      const result = await settlement.settle(new Date(Date.now() - 3600_000), new Date(Date.now() + 1000));
      assert.equal(result.pool, 5_000_000n);
      assert.equal([...result.toCreators.values()][0], 3_500_000n, '70 % to the one creator with ad-free watch time');
      assert.equal(result.toPlatform, 1_500_000n);
      assert.equal((await wallet(creator)).balance, 3_500_000n, 'paid into the creator wallet at settlement');
      const again = await settlement.settle(new Date(Date.now() - 3600_000), new Date(Date.now() + 1000));
      assert.equal(again.pool, 0n, 'nothing left to share twice');

      const audit = await ledger.audit();
      assert.deepEqual(
        [audit.unbalancedEntries, audit.balanceMismatches, audit.negativeGuarded, audit.overpaidHolds, audit.sumOfBalances],
        [[], [], [], [], 0n],
      );
      assert.equal(await ledger.totalSupply(), 20_000_000n + 5n * PRICE, 'supply changed only by the mints');
    });

    it('a viewer opening many sessions gets a budget from the pool for the first ten open ones only; playback still starts', async () => {
      assert.deepEqual(
        (await adminClient.gql(MINT, { input: { amount: '100000000', idempotencyKey: 'pool-flood' } })).data.mint.userErrors,
        [],
      );
      const sessions = api.app.get(PaymentSessionsService, { strict: false });
      await sessions.closeFinished(new Date(Date.now() + 3600_000 * 3)); // the earlier tests' sessions are over
      const anonymous = new ApiClient(api.url);
      const funded: bigint[] = [];
      let unfunded: ViewerSession | null = null;
      for (let i = 0; i < 15 && !unfunded; i++) {
        const s = await startSession(anonymous, videoId);
        if (s.budget > 0n) funded.push(s.budget);
        else unfunded = s;
      }
      assert.ok(unfunded, 'a session past the limit still starts, without a budget');
      assert.equal(funded.length, MAX_POOL_SESSIONS_PER_VIEWER, 'ten pool-funded sessions open at once per viewer');
      // Once they are over, the viewer is funded again.
      await sessions.closeFinished(new Date(Date.now() + 3600_000 * 6));
      assert.ok((await startSession(anonymous, videoId)).budget > 0n);
    });
  });
}
