import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountKind, LedgerService, type Account, type PostCommand } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import { EarningsReleaseService } from './earnings-release.service';

// Small tests of releasing matured peer earnings: the ledger faked.

const config = AppConfig.fromEnv({
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/wetube',
  JWT_SECRET: 'x'.repeat(32),
  PEER_EARNINGS_HOLD_SEC: '3600',
});
const NOW = new Date('2026-03-01T12:00:00Z');

function pending(owner: string, balance: bigint): Account {
  return { id: `pending:${owner}`, kind: AccountKind.USER_PENDING, ownerId: owner, currency: 'CLC', balance, createdAt: new Date(0) };
}

/** `flows`: per pending account, Σ rewards older than the window and Σ already released. */
function service(accounts: Account[], flows: Record<string, { incoming: bigint; outgoing: bigint }>) {
  return newTestService(EarningsReleaseService, {
    fakes: [
      fake(AppConfig, config),
      fake(LedgerService, {
        eachAccountWithBalance: async function* () {
          yield* accounts;
        },
        flowTotals: async (accountId) => flows[accountId],
        openAccount: async (kind, owner) => ({ ...pending(owner!, 0n), id: `wallet:${owner}`, kind }),
        post: async (c) => ({
          entryId: 'e',
          kind: c.kind ?? 'TRANSFER',
          idempotencyKey: c.idempotencyKey,
          memo: null,
          createdAt: NOW,
          postings: c.postings,
          replayed: false,
        }),
      }),
    ],
  });
}

describe('EarningsReleaseService (small)', () => {
  it('moves what matured past the review window to the wallet, keyed by the running total it brings the account to', async () => {
    const t = service([pending('a', 500n), pending('b', 300n)], {
      'pending:a': { incoming: 700n, outgoing: 400n }, // 300 matured and not yet released
      'pending:b': { incoming: 100n, outgoing: 100n }, // nothing new has matured
    });
    assert.deepEqual(await t.sut.releaseMatured(NOW), { accounts: 1, amount: 300n });
    // Rewards count when older than the window (PEER_EARNINGS_HOLD_SEC); releases of any age count.
    assert.deepEqual(t.callsTo('LedgerService.flowTotals'), [
      ['pending:a', ['PEER_REWARD'], new Date(NOW.getTime() - 3_600_000), ['PENDING_RELEASE']],
      ['pending:b', ['PEER_REWARD'], new Date(NOW.getTime() - 3_600_000), ['PENDING_RELEASE']],
    ]);
    const [[post]] = t.callsTo('LedgerService.post') as [[PostCommand]];
    assert.equal(post.kind, 'PENDING_RELEASE');
    assert.equal(post.idempotencyKey, 'pending-release:pending:a:700', 'two processes releasing at once release once');
    assert.deepEqual(post.postings, [
      { accountId: 'pending:a', amount: -300n },
      { accountId: 'wallet:a', amount: 300n },
    ]);
    assert.deepEqual(t.callsTo('LedgerService.openAccount'), [[AccountKind.USER_WALLET, 'a']]);
  });

  it('never releases more than the pending account holds', async () => {
    const t = service([pending('a', 50n)], { 'pending:a': { incoming: 200n, outgoing: 0n } });
    assert.deepEqual(await t.sut.releaseMatured(NOW), { accounts: 1, amount: 50n });
    const [[post]] = t.callsTo('LedgerService.post') as [[PostCommand]];
    assert.equal(post.postings[0].amount, -50n);
    assert.equal(post.idempotencyKey, 'pending-release:pending:a:50');
  });

  it('no account with a balance, or nothing matured: nothing is posted', async () => {
    const empty = service([], {});
    assert.deepEqual(await empty.sut.releaseMatured(NOW), { accounts: 0, amount: 0n });
    assert.deepEqual(empty.callNames(), ['LedgerService.eachAccountWithBalance']);

    const young = service([pending('a', 80n)], { 'pending:a': { incoming: 0n, outgoing: 0n } });
    assert.deepEqual(await young.sut.releaseMatured(NOW), { accounts: 0, amount: 0n });
    assert.deepEqual(young.callsTo('LedgerService.post'), []);
  });
});
