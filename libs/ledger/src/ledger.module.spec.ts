import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { AppConfig, ConfigModule, DatabaseModule } from '@wetube/platform';
import { AccountKind, LedgerModule, LedgerService } from './index';

describe('LedgerModule', () => {
  it('provides LedgerService on the platform database connection (migrated by DatabaseModule)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wetube-ledger-mod-'));
    const config = AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(32) });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot({ runMigrations: true }), LedgerModule],
    }).compile();
    try {
      const ledger = moduleRef.get(LedgerService);
      assert.ok(ledger instanceof LedgerService);
      const w = await ledger.openAccount(AccountKind.USER_WALLET, 'u1');
      await ledger.mint(w.id, 5n, 'module-mint');
      assert.equal(await ledger.balanceOf(w.id), 5n);
      assert.equal(await ledger.totalSupply(), 5n);
    } finally {
      await moduleRef.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
