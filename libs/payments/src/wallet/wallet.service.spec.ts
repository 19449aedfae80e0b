import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UsersService, type UserEntity } from '@wetube/identity';
import { AccountKind, LedgerError, LedgerService, type Account, type EntryResult, type HistoryRow, type MintHooks } from '@wetube/ledger';
import { AppConfig } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import { EntitlementsService } from '../plans/entitlements.service';
import { ReceiptsRepository } from '../redeem/receipts.repository';
import { MintRecord, MintsRepository } from './mints.repository';
import { WalletService } from './wallet.service';

// Small tests of a user's wallet: the ledger, users, plans, the mint audit and the reward rows faked.

const env = {
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/wetube',
  JWT_SECRET: 'x'.repeat(32),
  MINT_MAX_PER_CALL: '1000',
  MINT_MAX_PER_DAY: '1500',
};
const config = AppConfig.fromEnv(env);
const noFaucet = AppConfig.fromEnv({ ...env, DEV_FAUCET: 'false' });

const ALICE = { id: 'alice', email: 'alice@example.test' } as UserEntity;
const BOB = { id: 'bob', email: 'bob@example.test' } as UserEntity;

function account(kind: AccountKind, ownerId: string | null, balance = 0n): Account {
  return { id: `${kind}:${ownerId ?? 'platform'}`, kind, ownerId, currency: 'CLC', balance, createdAt: new Date(0) };
}

function entry(key: string, replayed = false): EntryResult {
  return { entryId: `entry:${key}`, kind: 'X', idempotencyKey: key, memo: null, createdAt: new Date(), postings: [], replayed };
}

function service(
  o: {
    config?: AppConfig;
    balances?: Partial<Record<AccountKind, bigint>>;
    transfer?: LedgerService['transfer'];
    mint?: (toId: string, amount: bigint, key: string, memo?: string, hooks?: MintHooks) => Promise<EntryResult>;
    usedKeys?: string[];
    mintedToday?: bigint;
    history?: HistoryRow[];
    adFreeUntil?: Date;
  } = {},
) {
  return newTestService(WalletService, {
    fakes: [
      fake(AppConfig, o.config ?? config),
      fake(LedgerService, {
        openAccount: async (kind, owner) => account(kind, owner ?? null, o.balances?.[kind] ?? 0n),
        systemAccount: async (kind) => account(kind, null),
        transfer: o.transfer ?? (async (_from, _to, _amount, key) => entry(key)),
        mint: o.mint ?? (async (_to, _amount, key) => entry(key)),
        entryByKey: async (key) => (o.usedKeys?.includes(key) ? entry(key, true) : null),
        history: async () => o.history ?? [],
      }),
      fake(UsersService, { findByEmail: async (email) => [ALICE, BOB].find((u) => u.email === email) ?? null }),
      fake(EntitlementsService, { activeOf: async () => (o.adFreeUntil ? ({ expiresAt: o.adFreeUntil } as never) : null) }),
      fake(MintsRepository, { sumSince: async () => o.mintedToday ?? 0n, insert: async () => undefined }),
      fake(ReceiptsRepository, {}),
    ],
  });
}

describe('WalletService (small)', () => {
  it('shows the three balances and how long the viewer is ad-free', async () => {
    const until = new Date('2026-04-01T00:00:00Z');
    const t = service({
      balances: { [AccountKind.USER_WALLET]: 10n, [AccountKind.USER_PENDING]: 20n, [AccountKind.CREATOR_REVENUE]: 30n },
      adFreeUntil: until,
    });
    assert.deepEqual(await t.sut.view('alice'), { balance: 10n, pending: 20n, creatorRevenue: 30n, adFreeUntil: until });
    assert.deepEqual(await service().sut.view('alice'), { balance: 0n, pending: 0n, creatorRevenue: 0n, adFreeUntil: null });
  });

  it('a transfer goes wallet to wallet under the sender’s own key; the recipient is found by email as typed', async () => {
    const t = service();
    const r = await t.sut.transfer('alice', '  Bob@Example.TEST ', '250', 'k-1', 'lunch');
    assert.ok(r.ok);
    assert.deepEqual(t.callsTo('UsersService.findByEmail'), [['bob@example.test']]);
    assert.deepEqual(t.callsTo('LedgerService.transfer'), [
      [`${AccountKind.USER_WALLET}:alice`, `${AccountKind.USER_WALLET}:bob`, 250n, 'transfer:alice:k-1', 'lunch'],
    ]);
  });

  it('a transfer to nobody or to oneself is refused before the ledger is asked', async () => {
    const nobody = service();
    assert.deepEqual(await nobody.sut.transfer('alice', 'carol@example.test', '1', 'k'), {
      ok: false,
      code: 'RECIPIENT_NOT_FOUND',
      field: 'toEmail',
      message: 'No account has the email "carol@example.test".',
    });
    assert.deepEqual(nobody.callNames('LedgerService'), []);
    const self = service();
    const r = await self.sut.transfer('alice', 'alice@example.test', '1', 'k');
    assert.equal(!r.ok && r.code, 'SELF_TRANSFER');
    assert.deepEqual(self.callNames('LedgerService'), []);
  });

  it('the ledger’s refusals name the field to fix: the amount, or the key', async () => {
    const bad = await service().sut.transfer('alice', 'bob@example.test', '1.5', 'k');
    assert.equal(!bad.ok && bad.field, 'amount');
    assert.equal(!bad.ok && bad.code, 'INVALID_AMOUNT');

    const poor = await service({
      transfer: async () => {
        throw new LedgerError('INSUFFICIENT_FUNDS', 'account x has 1, cannot take 250');
      },
    }).sut.transfer('alice', 'bob@example.test', '250', 'k');
    assert.deepEqual(poor, { ok: false, code: 'INSUFFICIENT_FUNDS', field: 'amount', message: 'Your wallet does not hold that much.' });

    const reused = await service({
      transfer: async () => {
        throw new LedgerError('IDEMPOTENCY_CONFLICT', 'key used');
      },
    }).sut.transfer('alice', 'bob@example.test', '250', 'k');
    assert.deepEqual(reused, { ok: false, code: 'IDEMPOTENCY_CONFLICT', field: 'idempotencyKey', message: 'key used' });

    await assert.rejects(
      service({
        transfer: async () => {
          throw new Error('connection terminated');
        },
      }).sut.transfer('alice', 'bob@example.test', '250', 'k'),
      /connection terminated/,
    );
  });

  it('an admin mint runs under the ceilings and leaves an audit row in the mint’s own transaction', async () => {
    // The fake ledger runs the hooks the way LedgerService.mint does: check, then (entry written) after.
    const mint = async (_to: string, amount: bigint, key: string, _memo?: string, hooks?: MintHooks) => {
      await hooks?.check?.(amount);
      await hooks?.after?.(`entry:${key}`, new Date('2026-03-01T10:00:00Z'));
      return entry(key);
    };
    const t = service({ mint, mintedToday: 400n });
    const r = await t.sut.mint('admin', 'bob@example.test', '1000', 'm-1', null);
    assert.ok(r.ok);
    const [[to, amount, key, memo]] = t.callsTo('LedgerService.mint');
    assert.deepEqual([to, amount, key, memo], [`${AccountKind.USER_WALLET}:bob`, 1000n, 'mint:m-1', 'Minted by an admin']);
    const [[audit]] = t.callsTo('MintsRepository.insert') as [[MintRecord]];
    assert.deepEqual(audit, {
      entryId: 'entry:mint:m-1',
      adminUserId: 'admin',
      toUserId: 'bob',
      toAccountKind: AccountKind.USER_WALLET,
      idempotencyKey: 'mint:m-1',
      memo: 'Minted by an admin',
      amount: 1000n,
      createdAt: new Date('2026-03-01T10:00:00Z'),
    });

    const perCall = await service({ mint }).sut.mint('admin', 'bob@example.test', '1001', 'm-2');
    assert.equal(!perCall.ok && perCall.code, 'MINT_LIMIT_EXCEEDED');
    assert.equal(!perCall.ok && perCall.field, 'amount');
    const perDay = service({ mint, mintedToday: 600n });
    const r2 = await perDay.sut.mintToPool('admin', '1000', 'm-3');
    assert.equal(!r2.ok && r2.code, 'MINT_LIMIT_EXCEEDED');
    assert.deepEqual(perDay.callsTo('MintsRepository.insert'), [], 'a refused mint leaves no audit row');
    assert.deepEqual(perDay.callsTo('LedgerService.systemAccount'), [[AccountKind.BANDWIDTH_POOL]]);
  });

  it('the faucet takes the day’s first free slot of five, and says so when none is left or it is off', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const t = service({ usedKeys: ['faucet:alice:2026-03-01:1', 'faucet:alice:2026-03-01:2'] });
    const r = await t.sut.faucet('alice', now);
    assert.ok(r.ok);
    const [[to, amount, key]] = t.callsTo('LedgerService.mint');
    assert.deepEqual([to, amount, key], [`${AccountKind.USER_WALLET}:alice`, 100_000_000n, 'faucet:alice:2026-03-01:3']);

    // A concurrent call took slot 1 between the look-up and the mint: the next slot is tried.
    const raced = service({ mint: async (_to, _a, key) => entry(key, key.endsWith(':1')) });
    const r2 = await raced.sut.faucet('alice', now);
    assert.ok(r2.ok);
    assert.equal(r2.entry.idempotencyKey, 'faucet:alice:2026-03-01:2');

    const all = Array.from({ length: 5 }, (_, i) => `faucet:alice:2026-03-01:${i + 1}`);
    const spent = service({ usedKeys: all });
    const none = await spent.sut.faucet('alice', now);
    assert.equal(!none.ok && none.code, 'FAUCET_LIMIT');
    assert.deepEqual(spent.callsTo('LedgerService.mint'), []);

    const off = service({ config: noFaucet });
    assert.equal(((await off.sut.faucet('alice', now)) as { code: string }).code, 'FAUCET_DISABLED');
    assert.deepEqual(off.callNames('LedgerService'), []);
  });

  it('transactions page through the three accounts by a cursor the next page reads back; a bad cursor is refused', async () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const rows: HistoryRow[] = [
      { entryId: 'e3', accountId: `${AccountKind.USER_WALLET}:alice`, createdAt: at, kind: 'TRANSFER', memo: 'x', amount: -5n },
      { entryId: 'e2', accountId: `${AccountKind.USER_PENDING}:alice`, createdAt: at, kind: 'PEER_REWARD', memo: null, amount: 7n },
      { entryId: 'e1', accountId: `${AccountKind.CREATOR_REVENUE}:alice`, createdAt: at, kind: 'AD_REVENUE', memo: null, amount: 9n },
    ];
    const t = service({ history: rows });
    const page = await t.sut.transactions('alice', 2);
    assert.equal(page.hasNextPage, true);
    assert.deepEqual(
      page.items.map((i) => [i.id, i.account, i.amount]),
      [
        ['e3:WALLET', 'WALLET', -5n],
        ['e2:PENDING', 'PENDING', 7n],
      ],
    );
    const [[accounts, limit, after]] = t.callsTo('LedgerService.history');
    assert.equal((accounts as string[]).length, 3);
    assert.equal(limit, 3, 'one more than asked, to know whether a next page exists');
    assert.equal(after, undefined);

    await t.sut.transactions('alice', 2, page.items[1].cursor);
    assert.deepEqual(t.callsTo('LedgerService.history')[1][2], {
      createdAt: at,
      entryId: 'e2',
      accountId: `${AccountKind.USER_PENDING}:alice`,
    });

    await assert.rejects(
      t.sut.transactions('alice', 2, 'not-a-cursor'),
      (err: unknown) => err instanceof LedgerError && err.code === 'INVALID_COMMAND',
    );
  });
});
