import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LedgerTx } from './ledger.tx';

/** Serializes ledger work per SQLite data source (TypeORM's better-sqlite3 driver shares one connection). */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

@Injectable()
export class LedgerRepository {
  private readonly postgres: boolean;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.postgres = ds.options.type === 'postgres';
  }

  get isPostgres(): boolean {
    return this.postgres;
  }

  /** Runs `fn` in one transaction: READ COMMITTED + row locks on PostgreSQL; serialized on SQLite. */
  async transaction<T>(fn: (tx: LedgerTx) => Promise<T>): Promise<T> {
    return this.serialized(async () => {
      const q = this.ds.createQueryRunner();
      await q.connect();
      try {
        await q.startTransaction(this.postgres ? 'READ COMMITTED' : undefined);
        const tx = new LedgerTx(q, this.postgres);
        try {
          if (!this.postgres) await tx.takeWriteLock();
          const result = await fn(tx);
          await q.commitTransaction();
          return result;
        } catch (err) {
          await q.rollbackTransaction();
          throw err;
        }
      } finally {
        if (this.postgres) await q.release();
      }
    });
  }

  /** Runs reads outside a transaction (on SQLite in the same queue, so never inside someone's open one). */
  async read<T>(fn: (tx: LedgerTx) => Promise<T>): Promise<T> {
    return this.serialized(async () => {
      const q = this.ds.createQueryRunner();
      try {
        return await fn(new LedgerTx(q, this.postgres));
      } finally {
        if (this.postgres) await q.release();
      }
    });
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
