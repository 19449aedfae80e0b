import { DataSource } from 'typeorm';
import { Database } from '@wetube/platform';
import { type DbKind, testDataSource } from '@wetube/testing';
import { LEDGER_ENTITIES } from './ledger.entities';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

// The database matrix lives in libs/testing (one copy for every harness). (Test support, not exported by index.ts.)
export { databaseMatrix, type DbKind } from '@wetube/testing';

export interface LedgerTestDb {
  ds: DataSource;
  ledger: LedgerService;
  close(): Promise<void>;
}

/** A migrated private database (a temp SQLite file, or a PostgreSQL database cloned from the migrated template) with a LedgerService on it. */
export async function ledgerTestDb(db: DbKind, poolSize = 10): Promise<LedgerTestDb> {
  const { ds, close } = await testDataSource(db, LEDGER_ENTITIES, { prefix: 'wetube_l', poolSize });
  return { ds, ledger: new LedgerService(new LedgerRepository(new Database(ds))), close };
}
