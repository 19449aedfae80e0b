import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountKind, SYSTEM_ACCOUNT_IDS } from './account-kind';
import { LedgerError } from './ledger.errors';
import { LedgerService } from './ledger.service';
import { databaseMatrix, ledgerTestDb, LedgerTestDb } from './ledger.test-db';

const refused = async (p: Promise<unknown>, code: string) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof LedgerError, `expected a LedgerError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return true;
  });

for (const db of databaseMatrix()) {
  describe(`LedgerService (${db})`, () => {
    let t: LedgerTestDb;
    let ledger: LedgerService;
    let n = 0;
    const key = (s: string) => `${s}-${++n}`;
    const wallet = async () => (await ledger.openAccount(AccountKind.USER_WALLET, `user-${++n}`)).id;

    /** Balances of the accounts, the supply, and that the ledger audits clean. */
    const snapshot = async (...ids: string[]) => ({
      balances: await Promise.all(ids.map((id) => ledger.balanceOf(id))),
      supply: await ledger.totalSupply(),
    });
    const assertClean = async () => {
      const a = await ledger.audit();
      assert.deepEqual(a, { unbalancedEntries: [], balanceMismatches: [], negativeGuarded: [], overpaidHolds: [], sumOfBalances: 0n });
    };

    before(async () => {
      t = await ledgerTestDb(db);
      ledger = t.ledger;
    });
    after(async () => {
      await assertClean();
      await t.close();
    });

    it('opens one account per kind and owner, and platform accounts with fixed ids', async () => {
      const a = await ledger.openAccount(AccountKind.USER_WALLET, 'alice');
      const again = await ledger.openAccount(AccountKind.USER_WALLET, 'alice');
      assert.equal(again.id, a.id);
      assert.deepEqual(
        { kind: a.kind, ownerId: a.ownerId, currency: a.currency, balance: a.balance },
        { kind: AccountKind.USER_WALLET, ownerId: 'alice', currency: 'CLC', balance: 0n },
      );
      const pending = await ledger.openAccount(AccountKind.USER_PENDING, 'alice');
      assert.notEqual(pending.id, a.id);
      const [p1, p2] = await Promise.all([
        ledger.openAccount(AccountKind.CREATOR_REVENUE, 'bob'),
        ledger.openAccount(AccountKind.CREATOR_REVENUE, 'bob'),
      ]);
      assert.equal(p1.id, p2.id, 'two opens at once: one account');
      assert.equal((await ledger.systemAccount(AccountKind.BANDWIDTH_POOL)).id, SYSTEM_ACCOUNT_IDS.BANDWIDTH_POOL);
      assert.equal((await ledger.openAccount(AccountKind.PLATFORM_FEES)).id, SYSTEM_ACCOUNT_IDS.PLATFORM_FEES);
      await refused(ledger.openAccount(AccountKind.USER_WALLET), 'INVALID_COMMAND');
      await refused(ledger.openAccount(AccountKind.SESSION_HOLD, 'x'), 'ACCOUNT_NOT_ALLOWED');
    });

    it('mint creates supply, burn destroys it; the mint is the only account below zero', async () => {
      const w = await wallet();
      const before = await ledger.totalSupply();
      const m = await ledger.mint(w, 1000n, key('mint'), 'faucet');
      assert.equal(m.kind, 'MINT');
      assert.equal(m.replayed, false);
      assert.equal(m.memo, 'faucet');
      assert.deepEqual(m.postings.map((p) => p.amount).sort(), [-1000n, 1000n].sort());
      assert.equal(await ledger.balanceOf(w), 1000n);
      assert.equal(await ledger.totalSupply(), before + 1000n);
      assert.ok((await ledger.balanceOf(SYSTEM_ACCOUNT_IDS.MINT)) < 0n);
      await ledger.burn(w, 400n, key('burn'));
      assert.equal(await ledger.balanceOf(w), 600n);
      assert.equal(await ledger.totalSupply(), before + 600n);
      const s = await snapshot(w);
      await refused(ledger.burn(w, 601n, key('burn')), 'INSUFFICIENT_FUNDS');
      assert.deepEqual(await snapshot(w), s, 'nothing moved');
      await assertClean();
    });

    it('transfers move coins and refuse overdrafts, unknown accounts, the mint and hold accounts', async () => {
      const [a, b] = [await wallet(), await wallet()];
      await ledger.mint(a, 100n, key('m'));
      const r = await ledger.transfer(a, b, 30n, key('t'), 'lunch');
      assert.equal(r.kind, 'TRANSFER');
      assert.deepEqual(await Promise.all([ledger.balanceOf(a), ledger.balanceOf(b)]), [70n, 30n]);
      const s = await snapshot(a, b);
      await refused(ledger.transfer(a, b, 71n, key('t')), 'INSUFFICIENT_FUNDS');
      await refused(ledger.transfer(a, 'no-such-account', 1n, key('t')), 'ACCOUNT_NOT_FOUND');
      await refused(ledger.transfer(SYSTEM_ACCOUNT_IDS.MINT, b, 1n, key('t')), 'ACCOUNT_NOT_ALLOWED');
      await refused(ledger.transfer(a, SYSTEM_ACCOUNT_IDS.MINT, 1n, key('t')), 'ACCOUNT_NOT_ALLOWED');
      await refused(ledger.transfer(a, a, 1n, key('t')), 'INVALID_COMMAND');
      const { hold } = await ledger.placeHold(a, 10n, key('h'));
      await refused(ledger.transfer(a, hold.accountId, 1n, key('t')), 'ACCOUNT_NOT_ALLOWED');
      await refused(ledger.transfer(hold.accountId, a, 1n, key('t')), 'ACCOUNT_NOT_ALLOWED');
      await ledger.releaseHold(hold.id, key('r'));
      assert.deepEqual(await snapshot(a, b), s, 'nothing moved');
    });

    it('refuses amounts of 0, -1, 1.5, 2^63 and JSON numbers above 2^53, moving nothing', async () => {
      const [a, b] = [await wallet(), await wallet()];
      await ledger.mint(a, 50n, key('m'));
      const s = await snapshot(a, b);
      const bad: [unknown, string][] = [
        [0n, 'ZERO_AMOUNT'],
        [-1n, 'NEGATIVE_AMOUNT'],
        [1.5, 'INVALID_AMOUNT'],
        [2n ** 63n, 'AMOUNT_TOO_LARGE'],
        [JSON.parse('9007199254740993'), 'UNSAFE_NUMBER'],
      ];
      for (const [amount, code] of bad) {
        await assert.rejects(
          async () => ledger.transfer(a, b, amount as bigint, key('t')),
          (e: unknown) => e instanceof LedgerError && e.code === code,
        );
        await assert.rejects(
          async () => ledger.mint(a, amount as bigint, key('m')),
          (e: unknown) => e instanceof LedgerError && e.code === code,
        );
      }
      assert.deepEqual(await snapshot(a, b), s);
    });

    it('post: a multi-party entry must sum to zero', async () => {
      const [buyer, creator] = [await wallet(), (await ledger.openAccount(AccountKind.CREATOR_REVENUE, `c-${++n}`)).id];
      const fees = SYSTEM_ACCOUNT_IDS.PLATFORM_FEES;
      await ledger.systemAccount(AccountKind.PLATFORM_FEES);
      await ledger.mint(buyer, 100n, key('m'));
      const feesBefore = await ledger.balanceOf(fees);
      const e = await ledger.post({
        kind: 'PLAN_PURCHASE',
        idempotencyKey: key('plan'),
        postings: [
          { accountId: buyer, amount: -100n },
          { accountId: creator, amount: 70n },
          { accountId: fees, amount: 30n },
        ],
      });
      assert.equal(e.kind, 'PLAN_PURCHASE');
      assert.equal(e.postings.length, 3);
      assert.deepEqual(await Promise.all([ledger.balanceOf(buyer), ledger.balanceOf(creator), ledger.balanceOf(fees)]), [
        0n,
        70n,
        feesBefore + 30n,
      ]);
      await refused(
        ledger.post({
          idempotencyKey: key('x'),
          postings: [
            { accountId: creator, amount: -10n },
            { accountId: buyer, amount: 9n },
          ],
        }),
        'UNBALANCED_ENTRY',
      );
      await refused(ledger.post({ idempotencyKey: key('x'), postings: [{ accountId: creator, amount: -10n }] }), 'UNBALANCED_ENTRY');
      await refused(
        ledger.post({
          idempotencyKey: key('x'),
          postings: [
            { accountId: creator, amount: 0n },
            { accountId: buyer, amount: 0n },
          ],
        }),
        'ZERO_AMOUNT',
      );
      await refused(
        ledger.post({
          kind: 'MINT',
          idempotencyKey: key('x'),
          postings: [
            { accountId: creator, amount: -1n },
            { accountId: buyer, amount: 1n },
          ],
        }),
        'INVALID_COMMAND',
      );
      assert.equal(await ledger.balanceOf(creator), 70n);
    });

    it('idempotency: same key and payload → the first result, no second effect; other payload → IDEMPOTENCY_CONFLICT', async () => {
      const [a, b] = [await wallet(), await wallet()];
      await ledger.mint(a, 100n, key('m'));
      const k = key('pay');
      const first = await ledger.transfer(a, b, 10n, k);
      const second = await ledger.transfer(a, b, 10n, k);
      assert.equal(second.replayed, true);
      assert.equal(second.entryId, first.entryId);
      assert.deepEqual(second.postings, first.postings);
      assert.deepEqual(await Promise.all([ledger.balanceOf(a), ledger.balanceOf(b)]), [90n, 10n]);
      await refused(ledger.transfer(a, b, 11n, k), 'IDEMPOTENCY_CONFLICT');
      await refused(ledger.transfer(b, a, 10n, k), 'IDEMPOTENCY_CONFLICT');
      await refused(ledger.mint(b, 10n, k), 'IDEMPOTENCY_CONFLICT');
      // A retry replays even when the command would now be refused (the balance is gone).
      await ledger.transfer(a, b, 90n, key('drain'));
      assert.equal((await ledger.transfer(a, b, 10n, k)).replayed, true);
      assert.deepEqual(await Promise.all([ledger.balanceOf(a), ledger.balanceOf(b)]), [0n, 100n]);
      // Retries at the same time: one effect.
      const k2 = key('burst');
      const results = await Promise.all(Array.from({ length: 8 }, () => ledger.transfer(b, a, 5n, k2)));
      assert.equal(new Set(results.map((r) => r.entryId)).size, 1);
      assert.equal(results.filter((r) => !r.replayed).length, 1);
      assert.equal(await ledger.balanceOf(a), 5n);
      const e = await ledger.entryByKey(k2);
      assert.equal(e?.entryId, results[0].entryId);
      // A refused command leaves its key free.
      const k3 = key('later');
      await refused(ledger.transfer(a, b, 6n, k3), 'INSUFFICIENT_FUNDS');
      assert.equal(await ledger.entryByKey(k3), null);
      assert.equal((await ledger.transfer(a, b, 5n, k3)).replayed, false);
      await refused(ledger.transfer(a, b, 1n, ''), 'INVALID_COMMAND');
      await refused(ledger.transfer(a, b, 1n, 'has space'), 'INVALID_COMMAND');
    });

    it('holds: place, settle in parts, release the rest; never pays out more than the hold', async () => {
      const [viewer, peer1, peer2] = [await wallet(), await wallet(), await wallet()];
      await ledger.mint(viewer, 100n, key('m'));
      const placed = await ledger.placeHold(viewer, 60n, key('hold'));
      const h = placed.hold;
      assert.deepEqual(
        { amount: h.amount, paidOut: h.paidOut, status: h.status, source: h.sourceAccountId },
        { amount: 60n, paidOut: 0n, status: 'OPEN', source: viewer },
      );
      assert.equal(await ledger.balanceOf(viewer), 40n);
      assert.equal(await ledger.balanceOf(h.accountId), 60n);
      assert.equal((await ledger.getAccount(h.accountId))?.kind, AccountKind.SESSION_HOLD);

      const s1 = await ledger.settleHold(h.id, peer1, 25n, key('s'));
      assert.equal(s1.hold.paidOut, 25n);
      const k = key('s');
      await ledger.settleHold(h.id, peer2, 30n, k);
      assert.equal((await ledger.settleHold(h.id, peer2, 30n, k)).entry.replayed, true);
      await refused(ledger.settleHold(h.id, peer1, 6n, key('s')), 'HOLD_EXCEEDED');
      await refused(ledger.settleHold(h.id, SYSTEM_ACCOUNT_IDS.MINT, 1n, key('s')), 'ACCOUNT_NOT_ALLOWED');
      await refused(ledger.settleHold('no-such-hold', peer1, 1n, key('s')), 'HOLD_NOT_FOUND');
      assert.equal((await ledger.getHold(h.id))?.paidOut, 55n);

      const rk = key('release');
      const released = await ledger.releaseHold(h.id, rk);
      assert.equal(released.hold.status, 'RELEASED');
      assert.ok(released.hold.closedAt instanceof Date);
      assert.deepEqual(await Promise.all([viewer, peer1, peer2, h.accountId].map((id) => ledger.balanceOf(id))), [45n, 25n, 30n, 0n]);
      assert.equal((await ledger.releaseHold(h.id, rk)).entry.replayed, true, 'release retried: one effect');
      assert.equal(await ledger.balanceOf(viewer), 45n);
      await refused(ledger.releaseHold(h.id, key('release')), 'HOLD_CLOSED');
      await refused(ledger.settleHold(h.id, peer1, 1n, key('s')), 'HOLD_CLOSED');
      await refused(ledger.placeHold(viewer, 46n, key('hold')), 'INSUFFICIENT_FUNDS');

      // A hold paid out in full releases nothing but still closes.
      const full = (await ledger.placeHold(viewer, 45n, key('hold'))).hold;
      await ledger.settleHold(full.id, peer1, 45n, key('s'));
      const r = await ledger.releaseHold(full.id, key('release'));
      assert.deepEqual(r.entry.postings, []);
      assert.equal(r.hold.status, 'RELEASED');
      assert.equal(r.hold.paidOut, 45n);
      await assertClean();
    });

    it('settles racing for one hold never pay out more than it holds', async () => {
      const viewer = await wallet();
      const peers = [await wallet(), await wallet(), await wallet()];
      await ledger.mint(viewer, 100n, key('m'));
      const { hold } = await ledger.placeHold(viewer, 100n, key('hold'));
      const outcomes = await Promise.allSettled(peers.map((p) => ledger.settleHold(hold.id, p, 40n, key('s'))));
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 2);
      const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      assert.equal((rejected.reason as LedgerError).code, 'HOLD_EXCEEDED');
      assert.equal((await ledger.getHold(hold.id))?.paidOut, 80n);
      assert.equal(await ledger.balanceOf(hold.accountId), 20n);
    });

    it('keeps amounts exact up to 2^63 − 1 (BIGINT round trip)', async () => {
      const [a, b] = [await wallet(), await wallet()];
      const big = 2n ** 62n + 12345n;
      await ledger.mint(a, big, key('m'));
      await ledger.transfer(a, b, big - 1n, key('t'));
      assert.equal(await ledger.balanceOf(a), 1n);
      assert.equal(await ledger.balanceOf(b), big - 1n);
      assert.equal(await ledger.sumOfPostings(b), big - 1n);
      await refused(ledger.mint(b, 2n ** 62n, key('m')), 'AMOUNT_TOO_LARGE');
      await ledger.burn(b, big - 1n, key('b'));
      await ledger.burn(a, 1n, key('b'));
    });
  });
}
