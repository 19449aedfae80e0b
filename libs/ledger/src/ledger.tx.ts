import { AccountEntity } from './account.entity';
import { AccountKind, CURRENCY } from './account-kind';
import { HoldEntity } from './hold.entity';
import { JournalEntryEntity } from './journal-entry.entity';
import { PostingEntity } from './posting.entity';
import { bulkInsert, keysetAfter, SqlTx, toDate } from '@wetube/platform';
import { ACCOUNT_COLUMNS, EntryRow, HistoryCursor, HistoryRow, HOLD_COLUMNS, LedgerAudit, Raw, account, hold } from './ledger.rows';
import { Account, HoldRecord, HoldStatus, Posting } from './ledger.types';

/** The ledger's statements inside one transaction (or one read). The only place that reads or writes the ledger's tables. */
export class LedgerTx {
  private readonly postgres: boolean;

  constructor(private readonly tx: SqlTx) {
    this.postgres = tx.dialect.postgres;
  }

  private sql(text: string, params: unknown[] = []): Promise<Raw[]> {
    return this.tx.query(text, params);
  }

  /**
   * Reads the accounts, locking them (PostgreSQL: SELECT … ORDER BY id FOR UPDATE, so every
   * transaction takes its row locks in the same order and two commands never deadlock).
   */
  async lockAccounts(ids: string[]): Promise<Map<string, Account>> {
    const unique = [...new Set(ids)].sort();
    if (unique.length === 0) return new Map();
    const marks = unique.map(() => '?').join(', ');
    const rows = await this.sql(
      `SELECT ${ACCOUNT_COLUMNS} FROM ledger_accounts WHERE id IN (${marks}) ORDER BY id${this.tx.dialect.forUpdate}`,
      unique,
    );
    return new Map(rows.map((r) => [String(r.id), account(r)]));
  }

  async findAccount(id: string): Promise<Account | null> {
    const [r] = await this.sql(`SELECT ${ACCOUNT_COLUMNS} FROM ledger_accounts WHERE id = ?`, [id]);
    return r ? account(r) : null;
  }

  async findAccountByOwner(kind: AccountKind, ownerId: string): Promise<Account | null> {
    const [r] = await this.sql(`SELECT ${ACCOUNT_COLUMNS} FROM ledger_accounts WHERE kind = ? AND owner_id = ?`, [kind, ownerId]);
    return r ? account(r) : null;
  }

  async insertAccount(a: { id: string; kind: AccountKind; ownerId: string | null }): Promise<Account> {
    const row: Account = { ...a, currency: CURRENCY, balance: 0n, createdAt: new Date() };
    await this.tx.manager.createQueryBuilder().insert().into(AccountEntity).values(row).execute();
    return row;
  }

  async setBalance(id: string, balance: bigint): Promise<void> {
    await this.sql(`UPDATE ledger_accounts SET balance = ? WHERE id = ?`, [balance.toString(), id]);
  }

  async findEntryByKey(key: string): Promise<EntryRow | null> {
    const [r] = await this.sql(
      `SELECT id, kind, idempotency_key, payload_hash, memo, created_at FROM ledger_entries WHERE idempotency_key = ?`,
      [key],
    );
    if (!r) return null;
    const postings = await this.sql(
      `SELECT account_id, CAST(amount AS TEXT) AS amount FROM ledger_postings WHERE entry_id = ? ORDER BY account_id`,
      [r.id],
    );
    return {
      id: String(r.id),
      kind: String(r.kind),
      idempotencyKey: String(r.idempotency_key),
      payloadHash: String(r.payload_hash),
      memo: r.memo == null ? null : String(r.memo),
      createdAt: toDate(r.created_at),
      postings: postings.map((p) => ({ accountId: String(p.account_id), amount: BigInt(p.amount as string) })),
    };
  }

  async insertEntry(entry: Omit<EntryRow, 'postings'>, postings: Posting[]): Promise<void> {
    await this.tx.manager.createQueryBuilder().insert().into(JournalEntryEntity).values(entry).execute();
    if (postings.length > 0) {
      await this.tx.manager
        .createQueryBuilder()
        .insert()
        .into(PostingEntity)
        .values(postings.map((p) => ({ entryId: entry.id, accountId: p.accountId, amount: p.amount })))
        .execute();
    }
  }

  /** Which of `keys` are already in the journal (one query). */
  async existingKeys(keys: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const part = keys.slice(i, i + 500);
      const rows = await this.sql(
        `SELECT idempotency_key FROM ledger_entries WHERE idempotency_key IN (${part.map(() => '?').join(', ')})`,
        part,
      );
      for (const r of rows) out.add(String(r.idempotency_key));
    }
    return out;
  }

  async findHolds(ids: string[]): Promise<Map<string, HoldRecord>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.sql(`SELECT ${HOLD_COLUMNS} FROM ledger_holds WHERE id IN (${unique.map(() => '?').join(', ')})`, unique);
    return new Map(rows.map((r) => [String(r.id), hold(r)]));
  }

  /** Many entries with their postings in a few statements (a batch command): see the platform's bulkInsert. */
  async insertEntries(entries: Array<Omit<EntryRow, 'postings'> & { postings: Posting[] }>): Promise<void> {
    // PostgreSQL: one statement per table whatever the size; SQLite: the postings of each 400 entries after them.
    const ENTRY_ROWS = 400;
    const parts = this.postgres
      ? [entries]
      : Array.from({ length: Math.ceil(entries.length / ENTRY_ROWS) }, (_, i) => entries.slice(i * ENTRY_ROWS, (i + 1) * ENTRY_ROWS));
    for (const part of parts) {
      await bulkInsert(
        this.tx,
        'ledger_entries',
        [
          ['id', 'varchar'],
          ['kind', 'varchar'],
          ['idempotency_key', 'varchar'],
          ['payload_hash', 'varchar'],
          ['memo', 'text'],
          ['created_at', 'timestamptz'],
        ],
        part.map((e) => [e.id, e.kind, e.idempotencyKey, e.payloadHash, e.memo, this.timestamp(e.createdAt)]),
        '',
        ENTRY_ROWS,
      );
      await bulkInsert(
        this.tx,
        'ledger_postings',
        [
          ['entry_id', 'varchar'],
          ['account_id', 'varchar'],
          ['amount', 'bigint'],
        ],
        part.flatMap((e) => e.postings.map((p) => [e.id, p.accountId, p.amount.toString()])),
        '',
        900,
      );
    }
  }

  /** Writes many balances at once (PostgreSQL: one UPDATE … FROM VALUES; SQLite: one per row). */
  async setBalances(balances: Map<string, bigint>): Promise<void> {
    await this.bulkUpdate(
      'ledger_accounts',
      'balance',
      [...balances].map(([id, b]) => [id, b.toString()]),
    );
  }

  async setHoldsPaidOut(paid: Map<string, bigint>): Promise<void> {
    await this.bulkUpdate(
      'ledger_holds',
      'paid_out',
      [...paid].map(([id, b]) => [id, b.toString()]),
    );
  }

  async setHoldsAmount(amounts: Map<string, bigint>): Promise<void> {
    await this.bulkUpdate(
      'ledger_holds',
      'amount',
      [...amounts].map(([id, b]) => [id, b.toString()]),
    );
  }

  private async bulkUpdate(table: string, column: string, rows: Array<[string, string]>): Promise<void> {
    if (rows.length === 0) return;
    if (!this.postgres) {
      for (const [id, v] of rows) await this.sql(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [v, id]);
      return;
    }
    await this.sql(`UPDATE ${table} AS t SET ${column} = v.x FROM unnest(?::varchar[], ?::bigint[]) AS v(id, x) WHERE t.id = v.id`, [
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
    ]);
  }

  /**
   * The postings of `accountIds`, newest first, with their entries: (created_at, entry id, account id)
   * after the cursor `after` (keyset pagination), at most `limit`.
   */
  async history(accountIds: string[], limit: number, after?: HistoryCursor): Promise<HistoryRow[]> {
    if (accountIds.length === 0) return [];
    const params: unknown[] = [...accountIds];
    let where = `p.account_id IN (${accountIds.map(() => '?').join(', ')})`;
    if (after) {
      const k = keysetAfter([
        { column: 'e.created_at', value: this.timestamp(after.createdAt), order: 'DESC' },
        { column: 'e.id', value: after.entryId, order: 'DESC' },
        { column: 'p.account_id', value: after.accountId, order: 'DESC' },
      ]);
      where += ` AND ${k.sql}`;
      params.push(...k.params);
    }
    params.push(limit);
    const rows = await this.sql(
      `SELECT e.id AS entry_id, e.kind, e.memo, e.created_at, p.account_id, CAST(p.amount AS TEXT) AS amount
         FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
        WHERE ${where} ORDER BY e.created_at DESC, e.id DESC, p.account_id DESC LIMIT ?`,
      params,
    );
    return rows.map((r) => ({
      entryId: String(r.entry_id),
      kind: String(r.kind),
      memo: r.memo == null ? null : String(r.memo),
      createdAt: toDate(r.created_at),
      accountId: String(r.account_id),
      amount: BigInt(r.amount as string),
    }));
  }

  /** Σ of an account's incoming postings of `kinds` per UTC day since `since` (only days with postings). */
  async dailyTotals(accountId: string, kinds: string[], since: Date): Promise<Array<{ day: string; amount: bigint; entries: number }>> {
    const day = this.tx.dialect.utcDay('e.created_at');
    const rows = await this.sql(
      `SELECT ${day} AS day, CAST(SUM(p.amount) AS TEXT) AS amount, COUNT(*) AS n
         FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
        WHERE p.account_id = ? AND e.kind IN (${kinds.map(() => '?').join(', ')}) AND e.created_at >= ? AND p.amount > 0
        GROUP BY ${day} ORDER BY 1`,
      [accountId, ...kinds, this.timestamp(since)],
    );
    return rows.map((r) => ({ day: String(r.day), amount: BigInt(r.amount as string), entries: Number(r.n) }));
  }

  /** Per entry: Σ and count of its positive postings (what it credited), for the entries that have any. */
  async entryCredits(entryIds: string[]): Promise<Map<string, { amount: bigint; postings: number }>> {
    const out = new Map<string, { amount: bigint; postings: number }>();
    const unique = [...new Set(entryIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const where = this.tx.dialect.inList('entry_id', unique.slice(i, i + 500));
      const rows = await this.sql(
        `SELECT entry_id, CAST(SUM(amount) AS TEXT) AS amount, COUNT(*) AS n FROM ledger_postings WHERE ${where.sql} AND amount > 0 GROUP BY entry_id`,
        where.params,
      );
      for (const r of rows) out.set(String(r.entry_id), { amount: BigInt(r.amount as string), postings: Number(r.n) });
    }
    return out;
  }

  /** Σ of an account's incoming postings of `kinds` made before `before`. */
  async sumIncoming(accountId: string, kinds: string[], before: Date): Promise<bigint> {
    const [r] = await this.sql(
      `SELECT CAST(COALESCE(SUM(p.amount), 0) AS TEXT) AS s FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
        WHERE p.account_id = ? AND p.amount > 0 AND e.kind IN (${kinds.map(() => '?').join(', ')}) AND e.created_at < ?`,
      [accountId, ...kinds, this.timestamp(before)],
    );
    return BigInt(r.s as string);
  }

  /** Σ of an account's outgoing postings of `kinds` (as a positive number). */
  async sumOutgoing(accountId: string, kinds: string[]): Promise<bigint> {
    const [r] = await this.sql(
      `SELECT CAST(COALESCE(-SUM(p.amount), 0) AS TEXT) AS s FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
        WHERE p.account_id = ? AND p.amount < 0 AND e.kind IN (${kinds.map(() => '?').join(', ')})`,
      [accountId, ...kinds],
    );
    return BigInt(r.s as string);
  }

  /** Ids of the accounts of `kind` whose balance is above zero, in id order after `afterId`, at most `limit`. */
  async accountIdsWithBalance(kind: AccountKind, afterId: string, limit: number): Promise<string[]> {
    const rows = await this.sql(`SELECT id FROM ledger_accounts WHERE kind = ? AND balance > 0 AND id > ? ORDER BY id LIMIT ?`, [
      kind,
      afterId,
      limit,
    ]);
    return rows.map((r) => String(r.id));
  }

  private timestamp(d: Date): Date | string {
    return this.tx.dialect.time(d);
  }

  async findHold(id: string): Promise<HoldRecord | null> {
    const [r] = await this.sql(`SELECT ${HOLD_COLUMNS} FROM ledger_holds WHERE id = ?`, [id]);
    return r ? hold(r) : null;
  }

  async findHoldByPlaceEntry(entryId: string): Promise<HoldRecord | null> {
    const [r] = await this.sql(`SELECT ${HOLD_COLUMNS} FROM ledger_holds WHERE place_entry_id = ?`, [entryId]);
    return r ? hold(r) : null;
  }

  async insertHold(h: HoldRecord): Promise<void> {
    await this.tx.manager.createQueryBuilder().insert().into(HoldEntity).values(h).execute();
  }

  async updateHold(id: string, paidOut: bigint, status: HoldStatus, closedAt: Date | null): Promise<void> {
    await this.tx.manager.createQueryBuilder().update(HoldEntity).set({ paidOut, status, closedAt }).where('id = :id', { id }).execute();
  }

  /** Whole-ledger checks in SQL: what must always be empty (or zero). */
  async audit(): Promise<LedgerAudit> {
    const ids = (rows: Raw[]) => rows.map((r) => String(r.id));
    const unbalancedEntries = ids(await this.sql(`SELECT entry_id AS id FROM ledger_postings GROUP BY entry_id HAVING SUM(amount) <> 0`));
    const balanceMismatches = ids(
      await this.sql(
        `SELECT a.id FROM ledger_accounts a LEFT JOIN (SELECT account_id, SUM(amount) AS s FROM ledger_postings GROUP BY account_id) p ON p.account_id = a.id WHERE a.balance <> COALESCE(p.s, 0)`,
      ),
    );
    const negativeGuarded = ids(await this.sql(`SELECT id FROM ledger_accounts WHERE kind <> 'MINT' AND balance < 0`));
    const overpaidHolds = ids(
      await this.sql(
        `SELECT h.id FROM ledger_holds h JOIN ledger_accounts a ON a.id = h.account_id WHERE h.paid_out > h.amount OR h.paid_out + a.balance <> h.amount AND h.status = 'OPEN'`,
      ),
    );
    const [t] = await this.sql(`SELECT CAST(COALESCE(SUM(balance), 0) AS TEXT) AS s FROM ledger_accounts`);
    return { unbalancedEntries, balanceMismatches, negativeGuarded, overpaidHolds, sumOfBalances: BigInt(t.s as string) };
  }

  /** Σ postings of one account (for checks and tests: must equal its cached balance). */
  async sumOfPostings(accountId: string): Promise<bigint> {
    const [r] = await this.sql(`SELECT CAST(COALESCE(SUM(amount), 0) AS TEXT) AS s FROM ledger_postings WHERE account_id = ?`, [accountId]);
    return BigInt(r.s as string);
  }
}
