import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, Database, dataSourceOptions } from '@wetube/platform';
import { LEDGER_ENTITIES } from './ledger.entities';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

export type DbKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when DATABASE_URL is set. (Test support, not exported by index.ts.) */
export function databaseMatrix(): DbKind[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface LedgerTestDb {
  ds: DataSource;
  ledger: LedgerService;
  close(): Promise<void>;
}

/** A migrated private database (a temp SQLite file, or a fresh PostgreSQL database) with a LedgerService on it. */
export async function ledgerTestDb(db: DbKind, poolSize = 10): Promise<LedgerTestDb> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wetube-ledger-'));
  let pgName: string | null = null;
  let url: string | undefined;
  if (db === 'postgres') {
    pgName = `wetube_l_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pgName}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${pgName}`;
    url = u.toString();
  }
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: 'x'.repeat(32),
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const options = dataSourceOptions(config, LEDGER_ENTITIES);
  const ds = new DataSource(options.type === 'postgres' ? { ...options, extra: { max: poolSize } } : options);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  return {
    ds,
    ledger: new LedgerService(new LedgerRepository(new Database(ds))),
    close: async () => {
      await ds.destroy();
      if (pgName) {
        const c = new Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
        await c.end();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
