import { randomUUID } from 'node:crypto';
import { AccountKind, isGuarded } from './account-kind';
import { MAX_AMOUNT, parseAmount } from './amount';
import { LedgerError } from './ledger.errors';
import { AccountRow, HoldRow, LedgerTx } from './ledger.repository';
import { Account, Hold, Posting } from './ledger.types';
import { payloadHash } from './payload-hash';

/** One hold settlement of a batch: pays `amount` of the hold to `toId` as its own journal entry. */
export interface BatchSettle {
  holdId: string;
  toId: string;
  amount: bigint;
  idempotencyKey: string;
  /** Entry kind, e.g. PEER_REWARD (UPPER_SNAKE_CASE). */
  kind: string;
  memo?: string;
}

/**
 * Many hold settlements in one database transaction (receipt redemption): every account involved is
 * locked at once in id order, each settlement is checked in memory against the balances as the
 * earlier ones of the batch left them, and everything accepted is written in a few multi-row
 * statements. Each settlement is still its own balanced journal entry with its own idempotency key.
 * A refused settlement (LedgerError from {@link settle}) changes nothing; the others go on.
 *
 * The caller's own tables can be kept in step through {@link query} inside the same transaction.
 */
export class LedgerBatch {
  private readonly accounts = new Map<string, AccountRow>();
  private readonly holds = new Map<string, HoldRow>();
  private readonly holdsByAccount = new Map<string, HoldRow>();
  private readonly entries: Array<{ id: string; kind: string; idempotencyKey: string; payloadHash: string; memo: string | null; createdAt: Date; postings: Posting[] }> = [];
  private readonly touched = new Set<string>();
  private readonly touchedHolds = new Set<string>();
  private usedKeys = new Set<string>();
  private locked = false;

  constructor(private readonly tx: LedgerTx) {}

  get isPostgres(): boolean {
    return this.tx.isPostgres;
  }

  /**
   * Locks the holds' accounts and the other accounts (all in one id-ordered statement) and loads the
   * holds and the already-used idempotency keys. Call once, first.
   */
  async lock(holdIds: string[], accountIds: string[], keys: string[]): Promise<void> {
    if (this.locked) throw new Error('LedgerBatch.lock may be called once');
    this.locked = true;
    const holds = await this.tx.findHolds(holdIds);
    const rows = await this.tx.lockAccounts([...[...holds.values()].map((h) => h.accountId), ...accountIds]);
    for (const [id, a] of rows) this.accounts.set(id, a);
    // Re-read the holds under their accounts' locks (status and paid_out move only under them).
    for (const [id, h] of await this.tx.findHolds([...holds.keys()])) {
      this.holds.set(id, h);
      this.holdsByAccount.set(h.accountId, h);
    }
    this.usedKeys = await this.tx.existingKeys(keys);
  }

  account(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  hold(id: string): Hold | undefined {
    const h = this.holds.get(id);
    if (!h) return undefined;
    return { ...h, paidOut: h.paidOut };
  }

  /** What the hold has left, as this batch stands. */
  holdLeft(holdId: string): bigint {
    const h = this.holds.get(holdId);
    return h ? this.accounts.get(h.accountId)?.balance ?? 0n : 0n;
  }

  /** True when the key is already in the journal or used earlier in this batch. */
  keyUsed(key: string): boolean {
    return this.usedKeys.has(key);
  }

  /** Checks and queues one settlement; returns its entry id; throws LedgerError (and queues nothing) when it is refused. */
  settle(s: BatchSettle): string {
    if (!this.locked) throw new Error('LedgerBatch.lock first');
    const amount = parseAmount(s.amount);
    if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(s.kind)) throw new LedgerError('INVALID_COMMAND', `entry kind ${JSON.stringify(s.kind)} must be UPPER_SNAKE_CASE`);
    if (this.usedKeys.has(s.idempotencyKey)) throw new LedgerError('IDEMPOTENCY_CONFLICT', `idempotency key ${JSON.stringify(s.idempotencyKey)} was already used`);
    const h = this.holds.get(s.holdId);
    if (!h) throw new LedgerError('HOLD_NOT_FOUND', `no hold ${s.holdId} (or it was not locked)`);
    if (h.status !== 'OPEN') throw new LedgerError('HOLD_CLOSED', `hold ${s.holdId} is ${h.status.toLowerCase()}`);
    const from = this.accounts.get(h.accountId)!;
    const to = this.accounts.get(s.toId);
    if (!to) throw new LedgerError('ACCOUNT_NOT_FOUND', `no account ${s.toId} (or it was not locked)`);
    if (to.kind === AccountKind.MINT || to.kind === AccountKind.SESSION_HOLD) {
      throw new LedgerError('ACCOUNT_NOT_ALLOWED', `account ${to.id} (${to.kind}) moves only through its own commands`);
    }
    if (amount > from.balance) throw new LedgerError('HOLD_EXCEEDED', `hold ${s.holdId} has ${from.balance} left, cannot pay ${amount}`);
    if (isGuarded(to.kind) && to.balance + amount > MAX_AMOUNT) throw new LedgerError('AMOUNT_TOO_LARGE', `account ${to.id} would exceed the limit ${MAX_AMOUNT}`);
    from.balance -= amount;
    to.balance += amount;
    h.paidOut += amount;
    this.touched.add(from.id).add(to.id);
    this.touchedHolds.add(h.id);
    this.usedKeys.add(s.idempotencyKey);
    const postings = [
      { accountId: from.id, amount: -amount },
      { accountId: to.id, amount },
    ].sort((x, y) => (x.accountId < y.accountId ? -1 : 1));
    const id = randomUUID();
    this.entries.push({
      id,
      kind: s.kind,
      idempotencyKey: s.idempotencyKey,
      payloadHash: payloadHash({ kind: s.kind, hold: s.holdId, to: s.toId, amount }),
      memo: s.memo ?? null,
      createdAt: new Date(),
      postings,
    });
    return id;
  }

  /** Raw SQL in the batch's transaction ('?' placeholders), for the caller's own tables. */
  query(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    return this.tx.query(text, params);
  }

  /** Entries queued so far (their ids, in order). */
  get entryIds(): string[] {
    return this.entries.map((e) => e.id);
  }

  /** Writes the queued entries, postings, balances and holds (called by LedgerService.batch). */
  async flush(): Promise<void> {
    if (this.entries.length === 0) return;
    await this.tx.insertEntries(this.entries);
    await this.tx.setBalances(new Map([...this.touched].map((id) => [id, this.accounts.get(id)!.balance])));
    await this.tx.setHoldsPaidOut(new Map([...this.touchedHolds].map((id) => [id, this.holds.get(id)!.paidOut])));
  }
}
