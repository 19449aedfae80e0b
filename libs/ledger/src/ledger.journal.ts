import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '@wetube/platform';
import { AccountKind, isGuarded, isHoldKind } from './account-kind';
import { MAX_AMOUNT, parseAmount } from './amount';
import { idempotencyKeyRule, isIdempotencyKey } from './idempotency-key';
import { LedgerError } from './ledger.errors';
import { LedgerRepository } from './ledger.repository';
import { EntryRow } from './ledger.rows';
import { LedgerTx } from './ledger.tx';
import { Account, EntryResult, PostCommand, Posting } from './ledger.types';
import { payloadHash } from './payload-hash';

/** What a command does once its accounts are locked and its key is known to be new. */
export interface Plan {
  postings: Posting[];
  after?: (tx: LedgerTx, entryId: string) => Promise<void>;
}

/** One journal command: what it locks, how it plans its postings, and what it answers (also on a replay). */
export interface Command<R> {
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  memo?: string | null;
  /** The accounts the command reads or moves: locked (in id order) before anything else. */
  lock: string[];
  plan: (tx: LedgerTx, accounts: Map<string, Account>) => Promise<Plan>;
  result: (tx: LedgerTx, entry: EntryRow, replayed: boolean) => Promise<R>;
}

/** Entry kinds only their own command may write. */
const RESERVED_KINDS = ['MINT', 'BURN', 'HOLD_PLACE', 'HOLD_SETTLE', 'HOLD_RELEASE'];

/**
 * The journal: runs every command as one transaction (idempotency key, locks in id order, balance
 * and guard checks, entry + postings + balances written together), and the generic commands on it
 * (`post`, `transfer`). The other commands (mint/burn, holds) are plans run through `execute`.
 */
export class LedgerJournal {
  constructor(private readonly repo: LedgerRepository) {}

  /** A generic balanced entry between ordinary accounts (not the mint, not hold accounts). */
  async post(command: PostCommand): Promise<EntryResult> {
    const postings = normalizePostings(command.postings);
    const kind = command.kind ?? 'TRANSFER';
    if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(kind))
      throw new LedgerError('INVALID_COMMAND', `entry kind ${JSON.stringify(kind)} must be UPPER_SNAKE_CASE, ≤ 32 characters`);
    if (RESERVED_KINDS.includes(kind)) {
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

  /**
   * One command, one transaction: lock the accounts (id order), answer a known key from the journal
   * (same payload: the first result; other payload: IDEMPOTENCY_CONFLICT), else plan, check that
   * the postings balance and no guarded account goes below zero, and write entry, postings and
   * balances together.
   */
  async execute<R>(c: Command<R>): Promise<R> {
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
export function ordinary(account: Account): void {
  if (account.kind === AccountKind.MINT || isHoldKind(account.kind)) {
    throw new LedgerError('ACCOUNT_NOT_ALLOWED', `account ${account.id} (${account.kind}) moves only through its own commands`);
  }
}

export function toResult(e: EntryRow, replayed: boolean): EntryResult {
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
