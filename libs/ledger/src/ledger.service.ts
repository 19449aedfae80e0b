import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountKind, HoldKind, isGuarded, isHoldKind, isSystemKind, SYSTEM_ACCOUNT_IDS, SystemAccountKind } from './account-kind';
import { MAX_AMOUNT, parseAmount } from './amount';
import { idempotencyKeyRule, isIdempotencyKey } from './idempotency-key';
import { LedgerError } from './ledger.errors';
import { BatchEntry, LedgerBatch } from './ledger.batch';
import { isUniqueViolation } from '@wetube/platform';
import { LedgerRepository } from './ledger.repository';
import { EntryRow, HistoryCursor, HistoryRow, LedgerAudit } from './ledger.rows';
import { LedgerTx } from './ledger.tx';
import { Account, EntryResult, Hold, HoldRecord, HoldResult, PostCommand, Posting } from './ledger.types';
import { payloadHash } from './payload-hash';

/** What a command does once its accounts are locked and its key is known to be new. */
interface Plan {
  postings: Posting[];
  after?: (tx: LedgerTx, entryId: string) => Promise<void>;
}

interface Command<R> {
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  memo?: string | null;
  /** The accounts the command reads or moves: locked (in id order) before anything else. */
  lock: string[];
  plan: (tx: LedgerTx, accounts: Map<string, Account>) => Promise<Plan>;
  result: (tx: LedgerTx, entry: EntryRow, replayed: boolean) => Promise<R>;
}

/**
 * A caller's own rules around one mint, in the mint's transaction: the caller's repositories join it
 * through the platform's transaction handle (Database), so their statements commit or roll back with the mint.
 */
export interface MintHooks {
  /** Runs with the mint account locked (so mints run one at a time) before anything is written; throw a LedgerError to refuse. */
  check?: (amount: bigint) => Promise<void>;
  /** Runs after the entry is written, in the same transaction (an audit row…). */
  after?: (entryId: string, createdAt: Date) => Promise<void>;
}

/**
 * The Cloudcoin ledger: double-entry journal, idempotent commands, two-phase holds, mint and burn.
 * Every command is one transaction; a refused command (LedgerError) moves nothing.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly repo: LedgerRepository) {}

  // ---- accounts ----

  /** The account of `kind` owned by `ownerId`, opened on first use. Platform kinds ignore the owner. */
  async openAccount(kind: AccountKind, ownerId?: string | null): Promise<Account> {
    if (isSystemKind(kind)) return this.systemAccount(kind);
    if (isHoldKind(kind)) throw new LedgerError('ACCOUNT_NOT_ALLOWED', 'hold accounts are opened by placeHold');
    if (!ownerId) throw new LedgerError('INVALID_COMMAND', `a ${kind} account needs an owner`);
    const found = await this.repo.read((tx) => tx.findAccountByOwner(kind, ownerId));
    if (found) return found;
    try {
      return await this.repo.transaction((tx) => tx.insertAccount({ id: randomUUID(), kind, ownerId }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return (await this.repo.read((tx) => tx.findAccountByOwner(kind, ownerId)))!;
    }
  }

  /** The one mint, platform-fees or bandwidth-pool account (fixed id), created on first use. */
  async systemAccount(kind: SystemAccountKind): Promise<Account> {
    const id = SYSTEM_ACCOUNT_IDS[kind];
    const found = await this.repo.read((tx) => tx.findAccount(id));
    if (found) return found;
    try {
      return await this.repo.transaction((tx) => tx.insertAccount({ id, kind, ownerId: null }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return (await this.repo.read((tx) => tx.findAccount(id)))!;
    }
  }

  getAccount(id: string): Promise<Account | null> {
    return this.repo.read((tx) => tx.findAccount(id));
  }

  async balanceOf(accountId: string): Promise<bigint> {
    const a = await this.getAccount(accountId);
    if (!a) throw new LedgerError('ACCOUNT_NOT_FOUND', `no account ${accountId}`);
    return a.balance;
  }

  /** Coins in circulation: everything ever minted minus everything burnt (= −balance of the mint). */
  async totalSupply(): Promise<bigint> {
    const mint = await this.getAccount(SYSTEM_ACCOUNT_IDS[AccountKind.MINT]);
    return mint ? -mint.balance : 0n;
  }

  async entryByKey(idempotencyKey: string): Promise<EntryResult | null> {
    const e = await this.repo.read((tx) => tx.findEntryByKey(idempotencyKey));
    return e ? toResult(e, true) : null;
  }

  async getHold(holdId: string): Promise<Hold | null> {
    const h = await this.repo.read((tx) => tx.findHold(holdId));
    return h ? toHold(h) : null;
  }

  /** Whole-ledger invariant checks (every list empty and sumOfBalances 0 in a healthy ledger). */
  audit(): Promise<LedgerAudit> {
    return this.repo.read((tx) => tx.audit());
  }

  /** Σ of an account's postings (equals its balance in a healthy ledger). */
  sumOfPostings(accountId: string): Promise<bigint> {
    return this.repo.read((tx) => tx.sumOfPostings(accountId));
  }

  /** Postings of the accounts, newest first (keyset pagination by `after`). */
  history(accountIds: string[], limit: number, after?: HistoryCursor): Promise<HistoryRow[]> {
    return this.repo.read((tx) => tx.history(accountIds, limit, after));
  }

  /** Per UTC day since `since`: Σ of the account's incoming postings of `kinds`. */
  dailyTotals(accountId: string, kinds: string[], since: Date): Promise<Array<{ day: string; amount: bigint; entries: number }>> {
    return this.repo.read((tx) => tx.dailyTotals(accountId, kinds, since));
  }

  /** Per journal entry: Σ and count of its positive postings (what it credited); entries without any are left out. */
  entryCredits(entryIds: string[]): Promise<Map<string, { amount: bigint; postings: number }>> {
    return this.repo.read((tx) => tx.entryCredits(entryIds));
  }

  /** Σ of the account's incoming postings of `kinds` before `before`, and Σ of its outgoing postings of `outKinds`. */
  flowTotals(accountId: string, inKinds: string[], before: Date, outKinds: string[]): Promise<{ incoming: bigint; outgoing: bigint }> {
    return this.repo.read(async (tx) => ({
      incoming: await tx.sumIncoming(accountId, inKinds, before),
      outgoing: await tx.sumOutgoing(accountId, outKinds),
    }));
  }

  /** Accounts of `kind` whose balance is above zero, in id order after `afterId` (for periodic jobs: page with the last id), at most `limit`. */
  accountsWithBalance(kind: AccountKind, afterId = '', limit = 500): Promise<Account[]> {
    return this.repo.read(async (tx) => {
      const out: Account[] = [];
      for (const id of await tx.accountIdsWithBalance(kind, afterId, limit)) out.push((await tx.findAccount(id))!);
      return out;
    });
  }

  // ---- commands ----

  /** Every account of `kind` with a balance above zero, page by page (for periodic jobs). */
  async *eachAccountWithBalance(kind: AccountKind): AsyncGenerator<Account> {
    let after = '';
    for (;;) {
      const page = await this.accountsWithBalance(kind, after);
      for (const a of page) yield a;
      if (page.length === 0) return;
      after = page[page.length - 1].id;
    }
  }

  /**
   * Many hold settlements as one journal entry in one transaction (see {@link LedgerBatch}): `work`
   * locks, decides and queues; the entry is written when it returns. If `work` throws, nothing is.
   */
  async batch<T>(entry: BatchEntry, work: (batch: LedgerBatch) => Promise<T>): Promise<T> {
    return this.repo.transaction(async (tx) => {
      const b = new LedgerBatch(tx, entry);
      const result = await work(b);
      await b.flush();
      return result;
    });
  }

  /** A generic balanced entry between ordinary accounts (not the mint, not hold accounts). */
  async post(command: PostCommand): Promise<EntryResult> {
    const postings = normalizePostings(command.postings);
    const kind = command.kind ?? 'TRANSFER';
    if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(kind))
      throw new LedgerError('INVALID_COMMAND', `entry kind ${JSON.stringify(kind)} must be UPPER_SNAKE_CASE, ≤ 32 characters`);
    if (['MINT', 'BURN', 'HOLD_PLACE', 'HOLD_SETTLE', 'HOLD_RELEASE'].includes(kind)) {
      throw new LedgerError('INVALID_COMMAND', `entry kind ${kind} is reserved for its own command`);
    }
    return this.execute({
      kind,
      key: command.idempotencyKey,
      payload: { postings },
      memo: command.memo,
      lock: postings.map((p) => p.accountId),
      plan: async (_tx, accounts) => {
        for (const p of postings) ordinary(accounts.get(p.accountId)!);
        return { postings };
      },
      result: async (_tx, e, replayed) => toResult(e, replayed),
    });
  }

  /** Moves `amount` from one ordinary account to another. */
  async transfer(fromId: string, toId: string, amount: bigint, idempotencyKey: string, memo?: string): Promise<EntryResult> {
    const a = parseAmount(amount);
    return this.post({
      kind: 'TRANSFER',
      idempotencyKey,
      memo,
      postings: [
        { accountId: fromId, amount: -a },
        { accountId: toId, amount: a },
      ],
    });
  }

  /** Creates `amount` new coins in `toId` (the mint goes negative by as much). */
  async mint(toId: string, amount: bigint, idempotencyKey: string, memo?: string, hooks: MintHooks = {}): Promise<EntryResult> {
    const a = parseAmount(amount);
    const mintId = (await this.systemAccount(AccountKind.MINT)).id;
    return this.execute({
      kind: 'MINT',
      key: idempotencyKey,
      payload: { to: toId, amount: a },
      memo,
      lock: [mintId, toId],
      plan: async (tx, accounts) => {
        ordinary(accounts.get(toId)!);
        await hooks.check?.(a);
        const after = hooks.after;
        return {
          postings: [
            { accountId: mintId, amount: -a },
            { accountId: toId, amount: a },
          ],
          after: after ? (_t, entryId) => after(entryId, new Date()) : undefined,
        };
      },
      result: async (_tx, e, replayed) => toResult(e, replayed),
    });
  }

  /** Destroys `amount` coins from `fromId` (back into the mint). */
  async burn(fromId: string, amount: bigint, idempotencyKey: string, memo?: string): Promise<EntryResult> {
    const a = parseAmount(amount);
    const mintId = (await this.systemAccount(AccountKind.MINT)).id;
    return this.execute({
      kind: 'BURN',
      key: idempotencyKey,
      payload: { from: fromId, amount: a },
      memo,
      lock: [mintId, fromId],
      plan: async (_tx, accounts) => {
        ordinary(accounts.get(fromId)!);
        return {
          postings: [
            { accountId: fromId, amount: -a },
            { accountId: mintId, amount: a },
          ],
        };
      },
      result: async (_tx, e, replayed) => toResult(e, replayed),
    });
  }

  /**
   * Phase one: moves `amount` from `fromId` into a new hold account of `kind` (SESSION_HOLD for a
   * playback session's budget, CAMPAIGN_ESCROW for an ad line item's).
   */
  async placeHold(
    fromId: string,
    amount: bigint,
    idempotencyKey: string,
    memo?: string,
    kind: HoldKind = AccountKind.SESSION_HOLD,
  ): Promise<HoldResult> {
    const a = parseAmount(amount);
    if (!isHoldKind(kind)) throw new LedgerError('INVALID_COMMAND', `${kind} is not a hold account kind`);
    return this.execute({
      kind: 'HOLD_PLACE',
      key: idempotencyKey,
      payload: { from: fromId, amount: a, ...(kind === AccountKind.SESSION_HOLD ? {} : { holdKind: kind }) },
      memo,
      lock: [fromId],
      plan: async (tx, accounts) => {
        ordinary(accounts.get(fromId)!);
        const account = await tx.insertAccount({ id: randomUUID(), kind, ownerId: null });
        accounts.set(account.id, account);
        return {
          postings: [
            { accountId: fromId, amount: -a },
            { accountId: account.id, amount: a },
          ],
          after: (t, entryId) =>
            t.insertHold({
              id: randomUUID(),
              accountId: account.id,
              sourceAccountId: fromId,
              amount: a,
              paidOut: 0n,
              status: 'OPEN',
              placeEntryId: entryId,
              createdAt: new Date(),
              closedAt: null,
            }),
        };
      },
      result: async (tx, e, replayed) => ({ entry: toResult(e, replayed), hold: toHold((await tx.findHoldByPlaceEntry(e.id))!) }),
    });
  }

  /** Phase two, any number of times: pays `amount` of what the hold still has to `toId`. */
  async settleHold(holdId: string, toId: string, amount: bigint, idempotencyKey: string, memo?: string): Promise<HoldResult> {
    const a = parseAmount(amount);
    const h = await this.requireHold(holdId);
    return this.execute({
      kind: 'HOLD_SETTLE',
      key: idempotencyKey,
      payload: { hold: holdId, to: toId, amount: a },
      memo,
      lock: [h.accountId, toId],
      plan: async (tx, accounts) => {
        ordinary(accounts.get(toId)!);
        const current = (await tx.findHold(holdId))!;
        if (current.status !== 'OPEN') throw new LedgerError('HOLD_CLOSED', `hold ${holdId} is ${current.status.toLowerCase()}`);
        const left = accounts.get(h.accountId)!.balance;
        if (a > left) throw new LedgerError('HOLD_EXCEEDED', `hold ${holdId} has ${left} left, cannot pay ${a}`);
        return {
          postings: [
            { accountId: h.accountId, amount: -a },
            { accountId: toId, amount: a },
          ],
          after: (t) => t.updateHold(holdId, current.paidOut + a, 'OPEN', null),
        };
      },
      result: async (tx, e, replayed) => ({ entry: toResult(e, replayed), hold: toHold((await tx.findHold(holdId))!) }),
    });
  }

  /** Closes the hold and returns what it still has to the account it came from. */
  async releaseHold(holdId: string, idempotencyKey: string, memo?: string): Promise<HoldResult> {
    const h = await this.requireHold(holdId);
    return this.execute({
      kind: 'HOLD_RELEASE',
      key: idempotencyKey,
      payload: { hold: holdId },
      memo,
      lock: [h.accountId, h.sourceAccountId],
      plan: async (tx, accounts) => {
        const current = (await tx.findHold(holdId))!;
        if (current.status !== 'OPEN') throw new LedgerError('HOLD_CLOSED', `hold ${holdId} is ${current.status.toLowerCase()}`);
        const rest = accounts.get(h.accountId)!.balance;
        return {
          postings:
            rest > 0n
              ? [
                  { accountId: h.accountId, amount: -rest },
                  { accountId: h.sourceAccountId, amount: rest },
                ]
              : [],
          after: (t) => t.updateHold(holdId, current.paidOut, 'RELEASED', new Date()),
        };
      },
      result: async (tx, e, replayed) => ({ entry: toResult(e, replayed), hold: toHold((await tx.findHold(holdId))!) }),
    });
  }

  private async requireHold(holdId: string): Promise<HoldRecord> {
    const h = await this.repo.read((tx) => tx.findHold(holdId));
    if (!h) throw new LedgerError('HOLD_NOT_FOUND', `no hold ${holdId}`);
    return h;
  }

  /**
   * One command, one transaction: lock the accounts (id order), answer a known key from the journal
   * (same payload: the first result; other payload: IDEMPOTENCY_CONFLICT), else plan, check that
   * the postings balance and no guarded account goes below zero, and write entry, postings and
   * balances together.
   */
  private async execute<R>(c: Command<R>): Promise<R> {
    if (!isIdempotencyKey(c.key)) {
      throw new LedgerError('INVALID_COMMAND', `idempotency key must be ${idempotencyKeyRule()}`);
    }
    if (c.memo != null && c.memo.length > 500) throw new LedgerError('INVALID_COMMAND', 'memo is longer than 500 characters');
    const hash = payloadHash({ kind: c.kind, ...c.payload });
    const replay = (tx: LedgerTx, e: EntryRow): Promise<R> => {
      if (e.payloadHash !== hash) {
        throw new LedgerError(
          'IDEMPOTENCY_CONFLICT',
          `idempotency key ${JSON.stringify(c.key)} was already used for a different ${e.kind} command`,
        );
      }
      return c.result(tx, e, true);
    };
    try {
      return await this.repo.transaction(async (tx) => {
        const accounts = await tx.lockAccounts(c.lock);
        for (const id of c.lock) if (!accounts.has(id)) throw new LedgerError('ACCOUNT_NOT_FOUND', `no account ${id}`);
        const existing = await tx.findEntryByKey(c.key);
        if (existing) return replay(tx, existing);
        const plan = await c.plan(tx, accounts);
        const postings = [...plan.postings].sort((x, y) => (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0));
        if (postings.reduce((s, p) => s + p.amount, 0n) !== 0n) throw new LedgerError('UNBALANCED_ENTRY', 'postings do not sum to zero');
        const balances = new Map<string, bigint>();
        for (const p of postings) {
          const account = accounts.get(p.accountId)!;
          const next = account.balance + p.amount;
          if (isGuarded(account.kind) && next < 0n) {
            throw new LedgerError('INSUFFICIENT_FUNDS', `account ${account.id} has ${account.balance}, cannot take ${-p.amount}`);
          }
          if (next > MAX_AMOUNT || next < -MAX_AMOUNT)
            throw new LedgerError('AMOUNT_TOO_LARGE', `account ${account.id} would exceed the limit ${MAX_AMOUNT}`);
          balances.set(account.id, next);
        }
        const entry = {
          id: randomUUID(),
          kind: c.kind,
          idempotencyKey: c.key,
          payloadHash: hash,
          memo: c.memo ?? null,
          createdAt: new Date(),
        };
        await tx.insertEntry(entry, postings);
        for (const [id, balance] of balances) await tx.setBalance(id, balance);
        await plan.after?.(tx, entry.id);
        return c.result(tx, { ...entry, postings }, false);
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The same key committed by a concurrent command between our check and our insert.
      return this.repo.read(async (tx) => {
        const existing = await tx.findEntryByKey(c.key);
        if (!existing) throw err;
        return replay(tx, existing);
      });
    }
  }
}

/** Validates caller postings: ≥ 2, each a non-zero amount within the limit, one per account, summing to zero. */
function normalizePostings(postings: Posting[]): Posting[] {
  if (!Array.isArray(postings) || postings.length < 2) throw new LedgerError('UNBALANCED_ENTRY', 'an entry needs at least two postings');
  const seen = new Set<string>();
  const out = postings.map((p) => {
    if (typeof p?.accountId !== 'string' || p.accountId.length === 0)
      throw new LedgerError('INVALID_COMMAND', 'a posting needs an accountId');
    if (seen.has(p.accountId)) throw new LedgerError('INVALID_COMMAND', `account ${p.accountId} appears twice in one entry`);
    seen.add(p.accountId);
    return { accountId: p.accountId, amount: parseAmount(p.amount, { allowNegative: true }) };
  });
  if (out.reduce((s, p) => s + p.amount, 0n) !== 0n) throw new LedgerError('UNBALANCED_ENTRY', 'postings do not sum to zero');
  return out.sort((x, y) => (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0));
}

/** Transfers, mints and holds never touch the mint or a hold account directly. */
function ordinary(account: Account): void {
  if (account.kind === AccountKind.MINT || isHoldKind(account.kind)) {
    throw new LedgerError('ACCOUNT_NOT_ALLOWED', `account ${account.id} (${account.kind}) moves only through its own commands`);
  }
}

function toResult(e: EntryRow, replayed: boolean): EntryResult {
  return {
    entryId: e.id,
    kind: e.kind,
    idempotencyKey: e.idempotencyKey,
    memo: e.memo,
    createdAt: e.createdAt,
    postings: e.postings,
    replayed,
  };
}

function toHold(h: HoldRecord): Hold {
  return {
    id: h.id,
    accountId: h.accountId,
    sourceAccountId: h.sourceAccountId,
    amount: h.amount,
    paidOut: h.paidOut,
    status: h.status,
    createdAt: h.createdAt,
    closedAt: h.closedAt,
  };
}
