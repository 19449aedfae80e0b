import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { StartedPlaybackSession } from '@wetube/catalog';
import { UserEntity } from '@wetube/identity';
import { AccountKind, LEDGER_ENTITIES, LedgerService } from '@wetube/ledger';
import { AppConfig, Database } from '@wetube/platform';
import { type DbKind, testDataSource } from '@wetube/testing';
// Test support only: the ledger's repository is its lib's own, reached by path to build a real LedgerService without Nest.
import { LedgerRepository } from '../../ledger/src/ledger.repository';
import { SupportPaymentsService } from './sessions/support-payments.service';
import { SupportSessionsRepository } from './sessions/support-sessions.repository';
import { SupportSettingsRepository } from './settings/support-settings.repository';
import { SupportSplitsRepository } from './splits/support-splits.repository';

export { databaseMatrix, type DbKind } from '@wetube/testing';

export interface SupportTestDb {
  ds: DataSource;
  db: Database;
  ledger: LedgerService;
  settings: SupportSettingsRepository;
  splits: SupportSplitsRepository;
  sessions: SupportSessionsRepository;
  payments: SupportPaymentsService;
  /** A new account whose wallet holds `funds` (minted); its id. */
  user(funds?: bigint): Promise<string>;
  wallet(userId: string): Promise<bigint>;
  revenue(userId: string): Promise<bigint>;
  /** A started playback session of a creator's item (what catalog tells listeners). */
  session(viewerId: string, creatorId: string, durationMs?: number | null): StartedPlaybackSession;
  close(): Promise<void>;
}

/** A migrated private database (SQLite file or PostgreSQL clone) with the support services on a real ledger. */
export async function supportTestDb(kind: DbKind, poolSize = 10): Promise<SupportTestDb> {
  const { ds, close } = await testDataSource(kind, [UserEntity, ...LEDGER_ENTITIES], { prefix: 'wetube_s', poolSize });
  const db = new Database(ds);
  const ledger = new LedgerService(new LedgerRepository(db));
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'wetube-support-')),
    JWT_SECRET: 'x'.repeat(32),
  });
  const settings = new SupportSettingsRepository(db);
  const splits = new SupportSplitsRepository(db);
  const sessions = new SupportSessionsRepository(db);
  let n = 0;
  return {
    ds,
    db,
    ledger,
    settings,
    splits,
    sessions,
    payments: new SupportPaymentsService(config, db, ledger, settings, splits, sessions),
    user: async (funds = 0n) => {
      const id = randomUUID();
      await ds.getRepository(UserEntity).insert({
        id,
        email: `s${++n}-${id.slice(0, 8)}@example.test`,
        passwordHash: 'x',
        displayName: `Person ${n}`,
        roles: [],
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      if (funds > 0n) await ledger.mint((await ledger.openAccount(AccountKind.USER_WALLET, id)).id, funds, `mint:${id}`);
      return id;
    },
    wallet: async (id) => (await ledger.openAccount(AccountKind.USER_WALLET, id)).balance,
    revenue: async (id) => (await ledger.openAccount(AccountKind.CREATOR_REVENUE, id)).balance,
    session: (viewerId, creatorId, durationMs = null) => ({
      sessionId: randomUUID(),
      videoId: randomUUID(),
      creatorId,
      viewerId,
      viewerIp: null,
      sessionPublicKey: 'k',
      expiresAt: new Date(Date.now() + 3600_000),
      durationMs,
    }),
    close,
  };
}
