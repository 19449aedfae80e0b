import { randomUUID } from 'node:crypto';
import { AccountKind, isGuarded, isHoldKind } from './account-kind';
import { MAX_AMOUNT, parseAmount } from './amount';
import { idempotencyKeyRule, isIdempotencyKey } from './idempotency-key';
import { LedgerError } from './ledger.errors';
import { LedgerTx } from './ledger.tx';
import { Account, Hold, HoldRecord, Posting } from './ledger.types';
import { payloadHash } from './payload-hash';

/** The one journal entry a batch writes: its key, kind and memo. */
export interface BatchEntry {
  /** Idempotency key of the batch command (e.g. a hash of what it settles). */
  idempotencyKey: string;
  /** Entry kind, e.g. PEER_REWARD (UPPER_SNAKE_CASE). */
  kind: string;
  memo?: string;
}

/** One hold settlement of a batch: pays `amount` of the hold to `toId`. */
export interface BatchSettle {
  holdId: string;
  toId: string;
  amount: bigint;
}

/** One hold paying into another open hold: `amount` of `holdId` goes to `toHoldId`, whose amount grows by it. */
export interface BatchFundHold {
  holdId: string;
  toHoldId: string;
  amount: bigint;
}

/**
 * Many hold settlements as ONE balanced journal entry in one database transaction (receipt
 * redemption): the holds' accounts and the receiving accounts are locked at once in id order, each
 * settlement is checked in memory against the balances as the earlier ones of the batch left them
 * (a refused one, LedgerError from {@link settle}, changes nothing; the others go on), and what was
 * accepted is written as one entry whose postings take each hold's total out and put each
 * receiver's total in, with the batch's idempotency key. The caller's own tables are kept in step
 * by its repositories, which join the batch's transaction (the platform's Database handle) while
 * `work` runs; {@link entryId} names the entry before it is written.
 */
export class LedgerBatch {
  /** The id the batch's entry will have (for the caller's own rows). */
  readonly entryId = randomUUID();
  private readonly accounts = new Map<string, Account>();
  private readonly holds = new Map<string, HoldRecord>();
  /** Net movement per account in this batch. */
  private readonly moves = new Map<string, bigint>();
  private readonly touchedHolds = new Set<string>();
  /** Holds topped up by {@link fundHold} (their `amount` is written). */
  private readonly grownHolds = new Set<string>();
  private locked = false;

  constructor(
    private readonly tx: LedgerTx,
    private readonly entry: BatchEntry,
  ) {
    if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(entry.kind))
      throw new LedgerError('INVALID_COMMAND', `entry kind ${JSON.stringify(entry.kind)} must be UPPER_SNAKE_CASE`);
    if (!isIdempotencyKey(entry.idempotencyKey))
      throw new LedgerError('INVALID_COMMAND', `idempotency key must be ${idempotencyKeyRule()}`);
  }

  /**
   * Locks the holds' accounts and the receiving accounts (one id-ordered statement) and loads the
   * holds under those locks. Call once, first. (A batch that settles something under a key already in
   * the journal is refused when it is written.)
   */
  async lock(holdIds: string[], accountIds: string[]): Promise<void> {
    if (this.locked) throw new Error('LedgerBatch.lock may be called once');
    this.locked = true;
    const holds = await this.tx.findHolds(holdIds);
    const rows = await this.tx.lockAccounts([...[...holds.values()].map((h) => h.accountId), ...accountIds]);
    for (const [id, a] of rows) this.accounts.set(id, a);
    // Re-read the holds under their accounts' locks (status and paid_out move only under them).
    for (const [id, h] of await this.tx.findHolds([...holds.keys()])) this.holds.set(id, h);
  }

  hold(id: string): Hold | undefined {
    const h = this.holds.get(id);
    return h ? { ...h } : undefined;
  }

  /** What the hold has left, as this batch stands. */
  holdLeft(holdId: string): bigint {
    const h = this.holds.get(holdId);
    return h ? (this.accounts.get(h.accountId)?.balance ?? 0n) : 0n;
  }

  /** Checks and queues one settlement; throws LedgerError (and queues nothing) when it is refused. */
  settle(s: BatchSettle): void {
    if (!this.locked) throw new Error('LedgerBatch.lock first');
    const amount = parseAmount(s.amount);
    const h = this.holds.get(s.holdId);
    if (!h) throw new LedgerError('HOLD_NOT_FOUND', `no hold ${s.holdId} (or it was not locked)`);
    if (h.status !== 'OPEN') throw new LedgerError('HOLD_CLOSED', `hold ${s.holdId} is ${h.status.toLowerCase()}`);
    const from = this.accounts.get(h.accountId)!;
    const to = this.accounts.get(s.toId);
    if (!to) throw new LedgerError('ACCOUNT_NOT_FOUND', `no account ${s.toId} (or it was not locked)`);
    if (to.kind === AccountKind.MINT || isHoldKind(to.kind)) {
      throw new LedgerError('ACCOUNT_NOT_ALLOWED', `account ${to.id} (${to.kind}) moves only through its own commands`);
    }
    if (amount > from.balance) throw new LedgerError('HOLD_EXCEEDED', `hold ${s.holdId} has ${from.balance} left, cannot pay ${amount}`);
    if (isGuarded(to.kind) && to.balance + amount > MAX_AMOUNT)
      throw new LedgerError('AMOUNT_TOO_LARGE', `account ${to.id} would exceed the limit ${MAX_AMOUNT}`);
    from.balance -= amount;
    to.balance += amount;
    h.paidOut += amount;
    this.moves.set(from.id, (this.moves.get(from.id) ?? 0n) - amount);
    this.moves.set(to.id, (this.moves.get(to.id) ?? 0n) + amount);
    this.touchedHolds.add(h.id);
  }

  /**
   * Checks and queues a payment from one hold into another open hold (e.g. an ad impression's
   * bandwidth share into the playback session's budget): the paying hold's paid-out and the
   * receiving hold's amount both grow by `amount`, so the receiving hold can pay it out in turn and
   * gives back what is left to its own source when released. Both holds must be locked. Throws
   * LedgerError (and queues nothing) when refused.
   */
  fundHold(f: BatchFundHold): void {
    if (!this.locked) throw new Error('LedgerBatch.lock first');
    const amount = parseAmount(f.amount);
    const from = this.holds.get(f.holdId);
    const to = this.holds.get(f.toHoldId);
    if (!from) throw new LedgerError('HOLD_NOT_FOUND', `no hold ${f.holdId} (or it was not locked)`);
    if (!to) throw new LedgerError('HOLD_NOT_FOUND', `no hold ${f.toHoldId} (or it was not locked)`);
    if (from.id === to.id) throw new LedgerError('INVALID_COMMAND', 'a hold cannot fund itself');
    if (from.status !== 'OPEN') throw new LedgerError('HOLD_CLOSED', `hold ${f.holdId} is ${from.status.toLowerCase()}`);
    if (to.status !== 'OPEN') throw new LedgerError('HOLD_CLOSED', `hold ${f.toHoldId} is ${to.status.toLowerCase()}`);
    const fromAccount = this.accounts.get(from.accountId)!;
    const toAccount = this.accounts.get(to.accountId)!;
    if (amount > fromAccount.balance)
      throw new LedgerError('HOLD_EXCEEDED', `hold ${f.holdId} has ${fromAccount.balance} left, cannot pay ${amount}`);
    if (to.amount + amount > MAX_AMOUNT) throw new LedgerError('AMOUNT_TOO_LARGE', `hold ${to.id} would exceed the limit ${MAX_AMOUNT}`);
    fromAccount.balance -= amount;
    toAccount.balance += amount;
    from.paidOut += amount;
    to.amount += amount;
    this.moves.set(fromAccount.id, (this.moves.get(fromAccount.id) ?? 0n) - amount);
    this.moves.set(toAccount.id, (this.moves.get(toAccount.id) ?? 0n) + amount);
    this.touchedHolds.add(from.id);
    this.grownHolds.add(to.id);
  }

  /** True when something was settled (the batch will write its entry). */
  get hasEntry(): boolean {
    return this.touchedHolds.size > 0;
  }

  /** Writes the entry, its postings, the balances and the holds (called by LedgerService.batch). */
  async flush(): Promise<void> {
    if (!this.hasEntry) return;
    const postings: Posting[] = [...this.moves]
      .filter(([, amount]) => amount !== 0n)
      .map(([accountId, amount]) => ({ accountId, amount }))
      .sort((x, y) => (x.accountId < y.accountId ? -1 : 1));
    if (postings.reduce((s, p) => s + p.amount, 0n) !== 0n) throw new LedgerError('UNBALANCED_ENTRY', 'postings do not sum to zero');
    // The caller's own state (e.g. receipt high-water marks) must make a second settlement under one key
    // impossible; if it happens anyway the whole batch is refused (rolled back), never written twice.
    if ((await this.tx.existingKeys([this.entry.idempotencyKey])).size > 0) {
      throw new LedgerError('IDEMPOTENCY_CONFLICT', `idempotency key ${JSON.stringify(this.entry.idempotencyKey)} was already used`);
    }
    await this.tx.insertEntries([
      {
        id: this.entryId,
        kind: this.entry.kind,
        idempotencyKey: this.entry.idempotencyKey,
        payloadHash: payloadHash({ kind: this.entry.kind, postings }),
        memo: this.entry.memo ?? null,
        createdAt: new Date(),
        postings,
      },
    ]);
    await this.tx.setBalances(new Map(postings.map((p) => [p.accountId, this.accounts.get(p.accountId)!.balance])));
    await this.tx.setHoldsPaidOut(new Map([...this.touchedHolds].map((id) => [id, this.holds.get(id)!.paidOut])));
    await this.tx.setHoldsAmount(new Map([...this.grownHolds].map((id) => [id, this.holds.get(id)!.amount])));
  }
}
