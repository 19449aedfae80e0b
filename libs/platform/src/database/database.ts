import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlDialect } from './sql-dialect';
import { Row, SqlRunner, SqlTx } from './sql-tx';

/** Serializes work per SQLite data source (TypeORM's better-sqlite3 driver shares one connection). */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();
/** The transaction (or read) the current async call chain runs in, per data source. */
const ambient = new AsyncLocalStorage<Map<DataSource, SqlTx>>();

/**
 * The one way into the database for raw-SQL repositories. `query` runs a statement in the
 * transaction the caller is in (see {@link transaction}) or, outside one, on its own; on SQLite every
 * connection use is queued, so a statement never lands inside someone else's open transaction.
 * A repository takes this and calls `db.query(…)`; a service that needs several repositories'
 * writes to commit together wraps them in `db.transaction(…)` (the ledger's commands do, and payments
 * and ads join the ledger's transaction this way).
 */
@Injectable()
export class Database implements SqlRunner {
  readonly dialect: SqlDialect;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.dialect = SqlDialect.of(ds);
  }

  get postgres(): boolean {
    return this.dialect.postgres;
  }

  /** The open transaction (or read) this call runs in, if any. */
  get current(): SqlTx | undefined {
    const tx = ambient.getStore()?.get(this.ds);
    return tx?.isOpen ? tx : undefined;
  }

  /** One statement: in the current transaction, else on its own (queued on SQLite). */
  query(text: string, params: unknown[] = []): Promise<Row[]> {
    const tx = this.current;
    return tx ? tx.query(text, params) : this.read((t) => t.query(text, params));
  }

  /**
   * Runs `fn` in one transaction (READ COMMITTED + row locks on PostgreSQL; on SQLite queued and
   * holding the write lock from its first statement), committed when `fn` resolves, rolled back
   * when it throws. Inside a transaction already, `fn` joins it.
   */
  async transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    const joined = this.current;
    if (joined) {
      if (!joined.transactional) throw new Error('Database.transaction inside Database.read');
      return fn(joined);
    }
    return this.serialized(async () => {
      const q = this.ds.createQueryRunner();
      await q.connect();
      const tx = new SqlTx(q, this.dialect, true);
      try {
        await q.startTransaction(this.postgres ? 'READ COMMITTED' : undefined);
        try {
          // SQLite: a write as the first statement takes the database write lock now (an immediate begin).
          if (!this.postgres) await tx.query(`UPDATE ${this.migrationsTable} SET id = id WHERE 1 = 0`);
          const result = await this.within(tx, () => fn(tx));
          tx.close();
          await q.commitTransaction();
          return result;
        } catch (err) {
          tx.close();
          await q.rollbackTransaction();
          throw err;
        }
      } finally {
        if (this.postgres) await q.release();
      }
    });
  }

  /** Runs reads outside a transaction (on SQLite in the same queue, so never inside someone's open one). Joins the current one if any. */
  async read<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    const joined = this.current;
    if (joined) return fn(joined);
    return this.serialized(async () => {
      const q = this.ds.createQueryRunner();
      const tx = new SqlTx(q, this.dialect, false);
      try {
        return await this.within(tx, () => fn(tx));
      } finally {
        tx.close();
        if (this.postgres) await q.release();
      }
    });
  }

  private get migrationsTable(): string {
    return this.ds.options.migrationsTableName ?? 'migrations';
  }

  private within<T>(tx: SqlTx, fn: () => Promise<T>): Promise<T> {
    const map = new Map(ambient.getStore() ?? []);
    map.set(this.ds, tx);
    return ambient.run(map, fn);
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    if (this.postgres) return fn();
    const previous = sqliteQueues.get(this.ds) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    sqliteQueues.set(
      this.ds,
      run.catch(() => undefined),
    );
    return run;
  }
}
