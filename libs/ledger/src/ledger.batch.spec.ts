import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountKind } from './account-kind';
import { LedgerError } from './ledger.errors';
import { LedgerService } from './ledger.service';
import { databaseMatrix, ledgerTestDb, LedgerTestDb } from './ledger.test-db';

for (const db of databaseMatrix()) {
  describe(`LedgerBatch: many hold settlements as one entry (${db})`, () => {
    let t: LedgerTestDb;
    let ledger: LedgerService;
    let n = 0;
    const wallet = async (kind = AccountKind.USER_WALLET) => (await ledger.openAccount(kind, `owner-${++n}`)).id;

    before(async () => {
      t = await ledgerTestDb(db);
      ledger = t.ledger;
    });
    after(async () => {
      assert.deepEqual(await ledger.audit(), {
        unbalancedEntries: [],
        balanceMismatches: [],
        negativeGuarded: [],
        overpaidHolds: [],
        sumOfBalances: 0n,
      });
      await t.close();
    });

    it('pays parts of several holds to one account in one balanced entry; a refused settlement moves nothing and the rest go on', async () => {
      const source = await wallet();
      await ledger.mint(source, 1000n, 'b-mint-1');
      const h1 = (await ledger.placeHold(source, 100n, 'b-hold-1')).hold;
      const h2 = (await ledger.placeHold(source, 50n, 'b-hold-2')).hold;
      const peer = await wallet(AccountKind.USER_PENDING);
      const outcome = await ledger.batch({ idempotencyKey: 'b-batch-1', kind: 'PEER_REWARD', memo: 'two sessions' }, async (b) => {
        await b.lock([h1.id, h2.id], [peer]);
        b.settle({ holdId: h1.id, toId: peer, amount: 30n });
        b.settle({ holdId: h1.id, toId: peer, amount: 20n });
        assert.throws(
          () => b.settle({ holdId: h2.id, toId: peer, amount: 51n }),
          (e: unknown) => e instanceof LedgerError && e.code === 'HOLD_EXCEEDED',
        );
        b.settle({ holdId: h2.id, toId: peer, amount: 50n });
        assert.throws(
          () => b.settle({ holdId: h2.id, toId: peer, amount: 1n }),
          (e: unknown) => e instanceof LedgerError && e.code === 'HOLD_EXCEEDED',
        );
        assert.equal(b.holdLeft(h1.id), 50n);
        return b.entryId;
      });
      const entry = await ledger.entryByKey('b-batch-1');
      assert.equal(entry?.entryId, outcome);
      assert.equal(entry?.kind, 'PEER_REWARD');
      const byAccount = new Map(entry!.postings.map((p) => [p.accountId, p.amount]));
      assert.deepEqual([byAccount.get(h1.accountId), byAccount.get(h2.accountId), byAccount.get(peer)], [-50n, -50n, 100n]);
      assert.equal(await ledger.balanceOf(peer), 100n);
      assert.deepEqual([(await ledger.getHold(h1.id))!.paidOut, (await ledger.getHold(h2.id))!.paidOut], [50n, 50n]);
      assert.equal(await ledger.sumOfPostings(peer), 100n);
    });

    it('refuses a used key, closed holds and unlocked accounts; a batch whose work throws writes nothing', async () => {
      const source = await wallet();
      await ledger.mint(source, 100n, 'b-mint-2');
      const h = (await ledger.placeHold(source, 40n, 'b-hold-3')).hold;
      const peer = await wallet(AccountKind.USER_PENDING);
      const stranger = await wallet();
      await assert.rejects(
        ledger.batch({ idempotencyKey: 'b-batch-1', kind: 'PEER_REWARD' }, async (b) => {
          await b.lock([h.id], [peer]);
          b.settle({ holdId: h.id, toId: peer, amount: 5n });
        }),
        (e: unknown) => e instanceof LedgerError && e.code === 'IDEMPOTENCY_CONFLICT',
      );
      assert.equal((await ledger.getHold(h.id))!.paidOut, 0n, 'a settlement under a used key is rolled back');
      await assert.rejects(
        ledger.batch({ idempotencyKey: 'b-batch-2', kind: 'PEER_REWARD' }, async (b) => {
          await b.lock([h.id], [peer]);
          b.settle({ holdId: h.id, toId: peer, amount: 10n });
          throw new Error('the caller changed its mind');
        }),
        /changed its mind/,
      );
      assert.equal(await ledger.balanceOf(peer), 0n, 'nothing was written');
      assert.equal((await ledger.getHold(h.id))!.paidOut, 0n);
      assert.equal(await ledger.entryByKey('b-batch-2'), null);
      await ledger.batch({ idempotencyKey: 'b-batch-3', kind: 'PEER_REWARD' }, async (b) => {
        await b.lock([h.id], [peer]);
        assert.throws(
          () => b.settle({ holdId: h.id, toId: stranger, amount: 1n }),
          (e: unknown) => e instanceof LedgerError && e.code === 'ACCOUNT_NOT_FOUND',
        );
        assert.throws(
          () => b.settle({ holdId: h.id, toId: peer, amount: 0n }),
          (e: unknown) => e instanceof LedgerError && e.code === 'ZERO_AMOUNT',
        );
        assert.equal(b.hasEntry, false);
      });
      assert.equal(await ledger.entryByKey('b-batch-3'), null, 'a batch that settled nothing writes no entry');
      await ledger.releaseHold(h.id, 'b-release-3');
      await ledger.batch({ idempotencyKey: 'b-batch-4', kind: 'PEER_REWARD' }, async (b) => {
        await b.lock([h.id], [peer]);
        assert.throws(
          () => b.settle({ holdId: h.id, toId: peer, amount: 1n }),
          (e: unknown) => e instanceof LedgerError && e.code === 'HOLD_CLOSED',
        );
      });
      assert.equal(await ledger.balanceOf(source), 100n, 'the released hold went back whole');
    });

    it('funds an open hold from another: it pays out the top-up too and gives what is left back to its own source', async () => {
      const supplyBefore = await ledger.totalSupply();
      const advertiser = await wallet();
      const pool = await wallet();
      const creator = await wallet();
      const peer = await wallet(AccountKind.USER_PENDING);
      await ledger.mint(advertiser, 100n, 'f-mint-a');
      await ledger.mint(pool, 100n, 'f-mint-p');
      const escrow = (await ledger.placeHold(advertiser, 60n, 'f-escrow', undefined, AccountKind.CAMPAIGN_ESCROW)).hold;
      const session = (await ledger.placeHold(pool, 10n, 'f-session')).hold;
      await ledger.batch({ idempotencyKey: 'f-impression-1', kind: 'AD_IMPRESSION' }, async (b) => {
        await b.lock([escrow.id, session.id], [creator]);
        b.settle({ holdId: escrow.id, toId: creator, amount: 11n });
        b.fundHold({ holdId: escrow.id, toHoldId: session.id, amount: 3n });
        assert.throws(
          () => b.fundHold({ holdId: escrow.id, toHoldId: session.id, amount: 47n }),
          (e: unknown) => e instanceof LedgerError && e.code === 'HOLD_EXCEEDED',
        );
        assert.throws(
          () => b.fundHold({ holdId: escrow.id, toHoldId: escrow.id, amount: 1n }),
          (e: unknown) => e instanceof LedgerError && e.code === 'INVALID_COMMAND',
        );
        assert.throws(
          () => b.settle({ holdId: escrow.id, toId: session.accountId, amount: 1n }),
          (e: unknown) => e instanceof LedgerError,
          'a hold account is only reached through fundHold',
        );
      });
      const [e, s] = [(await ledger.getHold(escrow.id))!, (await ledger.getHold(session.id))!];
      assert.deepEqual([e.amount, e.paidOut, await ledger.balanceOf(escrow.accountId)], [60n, 14n, 46n]);
      assert.deepEqual(
        [s.amount, s.paidOut, await ledger.balanceOf(session.accountId)],
        [13n, 0n, 13n],
        'the session hold grew by the top-up',
      );
      // The session pays a peer beyond its first budget, then gives the rest back to the pool.
      await ledger.settleHold(session.id, peer, 12n, 'f-peer');
      await ledger.releaseHold(session.id, 'f-session-release');
      assert.equal(await ledger.balanceOf(pool), 91n, 'the pool got back what the session did not spend (100 - 10 + 1)');
      await ledger.batch({ idempotencyKey: 'f-impression-2', kind: 'AD_IMPRESSION' }, async (b) => {
        await b.lock([escrow.id, session.id], []);
        assert.throws(
          () => b.fundHold({ holdId: escrow.id, toHoldId: session.id, amount: 1n }),
          (e: unknown) => e instanceof LedgerError && e.code === 'HOLD_CLOSED',
        );
      });
      assert.equal((await ledger.totalSupply()) - supplyBefore, 200n, 'nothing created or lost');
    });
  });
}
