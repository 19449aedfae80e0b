import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountKind, SYSTEM_ACCOUNT_IDS } from './account-kind';
import { LedgerError } from './ledger.errors';
import { LedgerService } from './ledger.service';
import { databaseMatrix, ledgerTestDb, LedgerTestDb } from './ledger.test-db';
import { EntryResult, Posting } from './ledger.types';

/**
 * Random concurrent operations from many clients at once, checked against an in-memory model built
 * from what the ledger accepted: every entry sums to zero; supply changes only by mint and burn; no
 * guarded account below zero; each balance equals the sum of its postings and the model's; a retried
 * command (sequentially or at the same time) has one effect; per hold, paid out ≤ held.
 */
const WORKERS = 20;
const OPS_PER_WORKER = Number(process.env.LEDGER_INVARIANT_OPS ?? 60);
const SEED = Number(process.env.LEDGER_INVARIANT_SEED ?? Date.now() % 1_000_000);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Issued {
  key: string;
  /** Re-issues the exact same command (same key, same payload). */
  run: () => Promise<EntryResult>;
  /** The same key with another payload: must be refused. */
  conflict: () => Promise<unknown>;
  /** The postings this command must produce when accepted (null: decided under lock, checked later). */
  expect: Posting[] | null;
  kind: 'TRANSFER' | 'MINT' | 'BURN' | 'HOLD_PLACE' | 'HOLD_SETTLE' | 'HOLD_RELEASE' | 'SPLIT';
  holdId?: string;
}

interface ModelHold {
  id: string;
  accountId: string;
  sourceAccountId: string;
  amount: bigint;
  settled: bigint;
  released: bigint | null;
}

for (const db of databaseMatrix()) {
  const ops = db === 'postgres' ? OPS_PER_WORKER : Math.ceil(OPS_PER_WORKER / 3);
  describe(`ledger invariants under ${WORKERS} concurrent clients (${db}, seed ${SEED})`, () => {
    let t: LedgerTestDb;
    let ledger: LedgerService;
    const wallets: string[] = [];
    const model = new Map<string, bigint>();
    const entries = new Map<string, { entryId: string; postings: Posting[] }>(); // by idempotency key
    const holds = new Map<string, ModelHold>();
    let supply = 0n;
    const refusals = new Map<string, number>();
    let replays = 0;
    let concurrentRetries = 0;
    const acceptedKinds = new Map<Issued['kind'], number>();

    before(async () => {
      t = await ledgerTestDb(db, 10);
      ledger = t.ledger;
      for (let i = 0; i < 12; i++) wallets.push((await ledger.openAccount(AccountKind.USER_WALLET, `user-${i}`)).id);
      wallets.push((await ledger.systemAccount(AccountKind.BANDWIDTH_POOL)).id);
      wallets.push((await ledger.systemAccount(AccountKind.PLATFORM_FEES)).id);
      wallets.push((await ledger.openAccount(AccountKind.CREATOR_REVENUE, 'creator-0')).id);
      await ledger.systemAccount(AccountKind.MINT);
      for (const id of [...wallets, SYSTEM_ACCOUNT_IDS.MINT]) model.set(id, 0n);
    });
    after(async () => t?.close());

    /** Records an accepted result in the model, once per key; checks replays return the first entry. */
    const accept = (cmd: Issued, r: EntryResult): void => {
      const first = entries.get(cmd.key);
      if (first) {
        assert.equal(r.replayed, true, `key ${cmd.key} accepted twice`);
        assert.equal(r.entryId, first.entryId, `replay of ${cmd.key} returns the first entry`);
        assert.deepEqual(r.postings, first.postings);
        replays++;
        return;
      }
      assert.equal(r.replayed, false, `first result for ${cmd.key} is not a replay`);
      assert.equal(
        r.postings.reduce((s, p) => s + p.amount, 0n),
        0n,
        'postings sum to zero',
      );
      if (cmd.expect) assert.deepEqual(sortP(r.postings), sortP(cmd.expect), `${cmd.kind} ${cmd.key} moves what it said`);
      entries.set(cmd.key, { entryId: r.entryId, postings: r.postings });
      acceptedKinds.set(cmd.kind, (acceptedKinds.get(cmd.kind) ?? 0) + 1);
      for (const p of r.postings) {
        if (!model.has(p.accountId)) model.set(p.accountId, 0n);
        model.set(p.accountId, model.get(p.accountId)! + p.amount);
      }
      if (cmd.kind === 'MINT') supply += r.postings.find((p) => p.accountId !== SYSTEM_ACCOUNT_IDS.MINT)!.amount;
      if (cmd.kind === 'BURN') supply -= r.postings.find((p) => p.accountId === SYSTEM_ACCOUNT_IDS.MINT)!.amount;
      if (cmd.kind === 'HOLD_SETTLE')
        holds.get(cmd.holdId!)!.settled += -r.postings.find((p) => p.accountId === holds.get(cmd.holdId!)!.accountId)!.amount;
      if (cmd.kind === 'HOLD_RELEASE') {
        const h = holds.get(cmd.holdId!)!;
        h.released = r.postings.find((p) => p.accountId === h.sourceAccountId)?.amount ?? 0n;
      }
    };

    const refuse = (err: unknown, allowed: string[]): void => {
      assert.ok(err instanceof LedgerError, `unexpected error ${String(err)}`);
      assert.ok(allowed.includes(err.code), `unexpected refusal ${err.code}: ${err.message}`);
      refusals.set(err.code, (refusals.get(err.code) ?? 0) + 1);
    };

    async function worker(w: number): Promise<void> {
      const rand = rng(SEED * 31 + w);
      const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
      const amount = (max: number) => BigInt(1 + Math.floor(rand() * max));
      const done: Issued[] = [];
      let n = 0;
      for (let i = 0; i < ops; i++) {
        const key = `w${w}-${n++}`;
        const roll = rand();
        let cmd: Issued;
        if (roll < 0.12) {
          const to = pick(wallets),
            a = amount(300);
          cmd = {
            key,
            kind: 'MINT',
            run: () => ledger.mint(to, a, key),
            conflict: () => ledger.mint(to, a + 1n, key),
            expect: [
              { accountId: SYSTEM_ACCOUNT_IDS.MINT, amount: -a },
              { accountId: to, amount: a },
            ],
          };
        } else if (roll < 0.2) {
          const from = pick(wallets),
            a = amount(100);
          cmd = {
            key,
            kind: 'BURN',
            run: () => ledger.burn(from, a, key),
            conflict: () => ledger.mint(from, a, key),
            expect: [
              { accountId: from, amount: -a },
              { accountId: SYSTEM_ACCOUNT_IDS.MINT, amount: a },
            ],
          };
        } else if (roll < 0.5) {
          const from = pick(wallets);
          let to = pick(wallets);
          if (to === from) to = wallets[(wallets.indexOf(from) + 1) % wallets.length];
          const a = amount(150);
          cmd = {
            key,
            kind: 'TRANSFER',
            run: () => ledger.transfer(from, to, a, key),
            conflict: () => ledger.transfer(to, from, a, key),
            expect: [
              { accountId: from, amount: -a },
              { accountId: to, amount: a },
            ],
          };
        } else if (roll < 0.58) {
          const [x, y, z] = [pick(wallets), pick(wallets), pick(wallets)];
          if (x === y || y === z || x === z) continue;
          const a = amount(90),
            fee = a / 3n;
          const postings = [
            { accountId: x, amount: -a },
            { accountId: y, amount: a - fee },
            { accountId: z, amount: fee },
          ].filter((p) => p.amount !== 0n);
          cmd = {
            key,
            kind: 'SPLIT',
            run: () => ledger.post({ kind: 'SPLIT', idempotencyKey: key, postings }),
            conflict: () => ledger.post({ kind: 'OTHER', idempotencyKey: key, postings }),
            expect: postings,
          };
        } else if (roll < 0.7) {
          const from = pick(wallets),
            a = amount(200);
          let holdId: string | undefined;
          cmd = {
            key,
            kind: 'HOLD_PLACE',
            run: async () => {
              const r = await ledger.placeHold(from, a, key);
              if (!holds.has(r.hold.id))
                holds.set(r.hold.id, {
                  id: r.hold.id,
                  accountId: r.hold.accountId,
                  sourceAccountId: from,
                  amount: a,
                  settled: 0n,
                  released: null,
                });
              holdId = r.hold.id;
              assert.equal(r.hold.amount, a);
              return r.entry;
            },
            conflict: () => ledger.placeHold(from, a + 1n, key),
            expect: null,
          };
          void holdId;
        } else if (roll < 0.92 || holds.size === 0) {
          const open = [...holds.values()].filter((h) => h.released === null);
          if (open.length === 0) continue;
          const h = pick(open),
            to = pick(wallets),
            a = amount(80);
          cmd = {
            key,
            kind: 'HOLD_SETTLE',
            holdId: h.id,
            run: async () => (await ledger.settleHold(h.id, to, a, key)).entry,
            conflict: () => ledger.settleHold(h.id, to, a + 1n, key),
            expect: [
              { accountId: h.accountId, amount: -a },
              { accountId: to, amount: a },
            ],
          };
        } else {
          const open = [...holds.values()].filter((h) => h.released === null);
          if (open.length === 0) continue;
          const h = pick(open);
          cmd = {
            key,
            kind: 'HOLD_RELEASE',
            holdId: h.id,
            run: async () => (await ledger.releaseHold(h.id, key)).entry,
            conflict: () => ledger.burn(h.sourceAccountId, 1n, key),
            expect: null,
          };
        }
        const allowed = ['INSUFFICIENT_FUNDS', 'HOLD_EXCEEDED', 'HOLD_CLOSED'];
        const twice = rand() < 0.15;
        if (twice) concurrentRetries++;
        const attempts = await Promise.allSettled(twice ? [cmd.run(), cmd.run()] : [cmd.run()]);
        const ok = attempts.filter((a): a is PromiseFulfilledResult<EntryResult> => a.status === 'fulfilled').map((a) => a.value);
        const bad = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        if (ok.length > 0) {
          // A refusal records nothing, so the other copy may still be accepted after a deposit lands in
          // between (the key stays free until a command is accepted): one effect either way.
          for (const b of bad) refuse(b.reason, allowed);
          const [fresh, ...rest] = [...ok].sort((x, y) => Number(x.replayed) - Number(y.replayed));
          accept(cmd, fresh);
          for (const r of rest) accept(cmd, r);
          done.push(cmd);
        } else {
          for (const b of bad) refuse(b.reason, allowed);
        }
        // Sometimes retry an earlier accepted command, sometimes abuse its key with another payload.
        if (done.length > 0 && rand() < 0.25) {
          const old = pick(done);
          accept(old, await old.run());
        }
        if (done.length > 0 && rand() < 0.1) {
          const old = pick(done);
          await assert.rejects(old.conflict(), (e: unknown) => e instanceof LedgerError && e.code === 'IDEMPOTENCY_CONFLICT');
        }
      }
    }

    it('holds every invariant after random concurrent transfers, splits, holds, settles, releases, mints, burns and retries', async () => {
      await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));

      // Every entry sums to zero, balances equal Σ postings, no guarded account below zero, Σ balances = 0.
      const audit = await ledger.audit();
      assert.deepEqual(audit, { unbalancedEntries: [], balanceMismatches: [], negativeGuarded: [], overpaidHolds: [], sumOfBalances: 0n });
      // Supply changed only by accepted mints and burns.
      assert.equal(await ledger.totalSupply(), supply);
      // Every balance equals the model built from the accepted commands.
      for (const [id, expected] of model) {
        assert.equal(await ledger.balanceOf(id), expected, `balance of ${id}`);
        assert.equal(await ledger.sumOfPostings(id), expected, `Σ postings of ${id}`);
        if (id !== SYSTEM_ACCOUNT_IDS.MINT) assert.ok(expected >= 0n, `${id} never below zero`);
      }
      // One entry per accepted key, no entry for a refused one.
      const [{ n }] = await t.ds.query(`SELECT COUNT(*) AS n FROM ledger_entries`);
      assert.equal(Number(n), entries.size, 'one entry per accepted command, retries included');
      // Per hold: paid out ≤ held; paid + left (or returned) = held.
      for (const h of holds.values()) {
        const stored = (await ledger.getHold(h.id))!;
        assert.equal(stored.paidOut, h.settled, `hold ${h.id} paid out`);
        assert.ok(stored.paidOut <= stored.amount, `hold ${h.id} paid ≤ held`);
        const left = await ledger.balanceOf(h.accountId);
        if (h.released !== null) {
          assert.equal(stored.status, 'RELEASED');
          assert.equal(left, 0n);
          assert.equal(h.settled + h.released, h.amount, `hold ${h.id}: paid + returned = held`);
        } else {
          assert.equal(stored.status, 'OPEN');
          assert.equal(h.settled + left, h.amount, `hold ${h.id}: paid + left = held`);
        }
      }
      const summary = {
        seed: SEED,
        accepted: entries.size,
        byKind: Object.fromEntries(acceptedKinds),
        replays,
        concurrentRetries,
        holds: holds.size,
        refusals: Object.fromEntries(refusals),
        supply: supply.toString(),
      };
      console.log(`# ledger invariants (${db}): ${JSON.stringify(summary)}`);
      // The run exercised the ledger: a fair share of the commands went through (overdrafts are meant
      // to be common: wallets start empty, so how many depends on the seed) and every kind landed.
      assert.ok(entries.size > WORKERS * ops * 0.25, `a fair share of the commands were accepted (${entries.size} of ${WORKERS * ops})`);
      for (const kind of ['MINT', 'BURN', 'TRANSFER', 'SPLIT', 'HOLD_PLACE', 'HOLD_SETTLE', 'HOLD_RELEASE'] as const) {
        assert.ok((acceptedKinds.get(kind) ?? 0) > 0, `some ${kind} commands were accepted (seed ${SEED})`);
      }
      assert.ok((refusals.get('INSUFFICIENT_FUNDS') ?? 0) > 0, 'some overdrafts were tried and refused');
      assert.ok(replays > 0 && holds.size > 0);
    });
  });
}

function sortP(ps: Posting[]): Posting[] {
  return [...ps].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}
