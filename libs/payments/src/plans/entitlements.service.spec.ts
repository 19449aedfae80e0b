import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountKind, LedgerError, LedgerService, type Account, type EntryResult, type PostCommand } from '@wetube/ledger';
import { fake, newTestService } from '@wetube/testing';
import { Entitlement, EntitlementsRepository, Plan } from './entitlements.repository';
import { EntitlementsService } from './entitlements.service';

// Small tests of ad-free plans: the ledger and the plans/entitlements tables faked.

const DAY = 24 * 3600_000;
const NOW = new Date('2026-03-01T10:00:00Z');
const MONTH: Plan = { id: 'month', name: 'Ad-free month', periodDays: 30, price: 5_000n };

function account(kind: AccountKind, id: string): Account {
  return { id, kind, ownerId: null, currency: 'CLC', balance: 0n, createdAt: new Date(0) };
}

function entitlement(over: Partial<Entitlement> = {}): Entitlement {
  return {
    id: 'ent-1',
    userId: 'u1',
    planId: 'month',
    planName: 'Ad-free month',
    entryId: 'entry-1',
    price: 5_000n,
    startsAt: NOW,
    expiresAt: new Date(NOW.getTime() + 30 * DAY),
    ...over,
  };
}

function service(
  o: {
    post?: (c: PostCommand) => Promise<EntryResult>;
    holding?: Entitlement | null;
    latest?: Date | null;
    byEntry?: () => Promise<Entitlement | null>;
    insert?: (e: Entitlement) => Promise<void>;
  } = {},
) {
  return newTestService(EntitlementsService, {
    fakes: [
      fake(LedgerService, {
        openAccount: async (kind) => account(kind, 'wallet-u1'),
        systemAccount: async (kind) => account(kind, 'plan-revenue'),
        post:
          o.post ??
          (async (c) => ({
            entryId: 'entry-1',
            kind: c.kind ?? 'TRANSFER',
            idempotencyKey: c.idempotencyKey,
            memo: c.memo ?? null,
            createdAt: NOW,
            postings: c.postings,
            replayed: false,
          })),
      }),
      fake(EntitlementsRepository, {
        plans: async () => [MONTH],
        holdingAt: async () => o.holding ?? null,
        latestExpiry: async () => o.latest ?? null,
        byEntry: o.byEntry ?? (async () => null),
        insert: o.insert ?? (async () => undefined),
      }),
    ],
  });
}

describe('EntitlementsService (small)', () => {
  it('buying moves the price from the buyer’s wallet to plan revenue in one entry keyed by the buyer’s key, then records the period', async () => {
    const t = service();
    const r = await t.sut.buy('u1', 'month', 'k-1', NOW);
    assert.ok(r.ok);
    assert.equal(r.replayed, false);
    assert.deepEqual(t.callsTo('LedgerService.openAccount'), [[AccountKind.USER_WALLET, 'u1']]);
    assert.deepEqual(t.callsTo('LedgerService.systemAccount'), [[AccountKind.PLAN_REVENUE]]);
    const [[post]] = t.callsTo('LedgerService.post') as [[PostCommand]];
    assert.equal(post.kind, 'PLAN_PURCHASE');
    assert.equal(post.idempotencyKey, 'plan:u1:k-1', 'the key is scoped to the buyer');
    assert.deepEqual(post.postings, [
      { accountId: 'wallet-u1', amount: -5_000n },
      { accountId: 'plan-revenue', amount: 5_000n },
    ]);
    const [[row]] = t.callsTo('EntitlementsRepository.insert') as [[Entitlement]];
    assert.equal(row.entryId, 'entry-1');
    assert.equal(row.startsAt.getTime(), NOW.getTime());
    assert.equal(row.expiresAt.getTime(), NOW.getTime() + 30 * DAY);
    assert.deepEqual(r.entitlement, row);
  });

  it('buying while a plan holds extends it: the new period starts when the current one ends', async () => {
    const ends = new Date(NOW.getTime() + 5 * DAY);
    const t = service({ latest: ends });
    const r = await t.sut.buy('u1', 'month', 'k-2', NOW);
    assert.ok(r.ok);
    assert.equal(r.entitlement.startsAt.getTime(), ends.getTime());
    assert.equal(r.entitlement.expiresAt.getTime(), ends.getTime() + 30 * DAY);

    // A period that ended in the past does not push the new one back.
    const lapsed = await service({ latest: new Date(NOW.getTime() - DAY) }).sut.buy('u1', 'month', 'k-3', NOW);
    assert.ok(lapsed.ok);
    assert.equal(lapsed.entitlement.startsAt.getTime(), NOW.getTime());
  });

  it('an unknown plan is PLAN_NOT_FOUND before any money moves', async () => {
    const t = service();
    const r = await t.sut.buy('u1', 'year', 'k-1', NOW);
    assert.deepEqual(r, { ok: false, code: 'PLAN_NOT_FOUND', message: 'There is no plan "year".' });
    assert.deepEqual(t.callNames('LedgerService'), []);
  });

  it('the ledger’s refusals become answers the buyer can read; anything else is thrown', async () => {
    const refused = async (code: 'INSUFFICIENT_FUNDS' | 'IDEMPOTENCY_CONFLICT' | 'INVALID_COMMAND') => {
      const t = service({
        post: async () => {
          throw new LedgerError(code, `ledger says ${code}`);
        },
      });
      const r = await t.sut.buy('u1', 'month', 'k-1', NOW);
      assert.deepEqual(t.callsTo('EntitlementsRepository.insert'), [], 'nothing is recorded for a refused purchase');
      return r;
    };
    assert.deepEqual(await refused('INSUFFICIENT_FUNDS'), {
      ok: false,
      code: 'INSUFFICIENT_FUNDS',
      message: "Your wallet does not hold the Ad-free month's price.",
    });
    assert.equal(((await refused('IDEMPOTENCY_CONFLICT')) as { code: string }).code, 'IDEMPOTENCY_CONFLICT');
    assert.deepEqual(await refused('INVALID_COMMAND'), { ok: false, code: 'INVALID_COMMAND', message: 'ledger says INVALID_COMMAND' });

    const other = service({
      post: async () => {
        throw new LedgerError('ACCOUNT_NOT_ALLOWED', 'no');
      },
    });
    await assert.rejects(other.sut.buy('u1', 'month', 'k-1', NOW), /no/);
  });

  it('a retry of a purchase answers the entitlement the first attempt made, and a crash between entry and row is repaired', async () => {
    const first = entitlement({ id: 'ent-first' });
    const retried = service({ byEntry: async () => first });
    const r = await retried.sut.buy('u1', 'month', 'k-1', NOW);
    assert.deepEqual(r, { ok: true, entitlement: first, replayed: true });
    assert.deepEqual(retried.callsTo('EntitlementsRepository.insert'), []);

    // The entry was replayed but its row is missing (the first attempt died in between): the row is written now.
    const repaired = service({
      post: async (c) => ({
        entryId: 'entry-1',
        kind: 'PLAN_PURCHASE',
        idempotencyKey: c.idempotencyKey,
        memo: null,
        createdAt: NOW,
        postings: c.postings,
        replayed: true,
      }),
    });
    const again = await repaired.sut.buy('u1', 'month', 'k-1', NOW);
    assert.ok(again.ok);
    assert.equal(again.replayed, true);
    assert.equal(repaired.callsTo('EntitlementsRepository.insert').length, 1);

    // Two retries racing: the insert of the loser fails on the unique entry id, and it answers the winner's row.
    let reads = 0;
    const raced = service({
      byEntry: async () => (reads++ === 0 ? null : first),
      insert: async () => {
        throw new Error('duplicate key value violates unique constraint');
      },
    });
    assert.deepEqual(await raced.sut.buy('u1', 'month', 'k-1', NOW), { ok: true, entitlement: first, replayed: true });

    const failing = service({
      insert: async () => {
        throw new Error('disk full');
      },
    });
    await assert.rejects(failing.sut.buy('u1', 'month', 'k-1', NOW), /disk full/);
  });

  it('the active entitlement reports the end of the whole run of back-to-back periods', async () => {
    const holding = entitlement();
    const later = new Date(holding.expiresAt.getTime() + 30 * DAY);
    assert.equal((await service({ holding, latest: later }).sut.activeOf('u1', NOW))?.expiresAt.getTime(), later.getTime());
    assert.equal((await service({ holding, latest: holding.expiresAt }).sut.activeOf('u1', NOW))?.expiresAt, holding.expiresAt);
    const none = service({ holding: null });
    assert.equal(await none.sut.activeOf('u1', NOW), null);
    assert.deepEqual(none.callsTo('EntitlementsRepository.holdingAt'), [['u1', NOW]]);
    assert.deepEqual(none.callsTo('EntitlementsRepository.latestExpiry'), []);
  });
});
