import { Injectable } from '@nestjs/common';
import { Database } from '@wetube/platform';
import { LedgerTx } from './ledger.tx';

/** The ledger's statements on the platform's transaction handle: a command is one {@link Database.transaction}. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly db: Database) {}

  /** Runs `fn` in one transaction: READ COMMITTED + row locks on PostgreSQL; serialized on SQLite. */
  transaction<T>(fn: (tx: LedgerTx) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new LedgerTx(tx)));
  }

  /** Runs reads outside a transaction (on SQLite in the same queue, so never inside someone's open one). */
  read<T>(fn: (tx: LedgerTx) => Promise<T>): Promise<T> {
    return this.db.read((tx) => fn(new LedgerTx(tx)));
  }
}
