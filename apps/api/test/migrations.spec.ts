import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SeederNodeEntity, VideoEntity, VideoTorrentEntity } from '@wetube/catalog';
import { UserEntity } from '@wetube/identity';
import { AccountEntity, HoldEntity, JournalEntryEntity, LEDGER_ENTITIES, PostingEntity } from '@wetube/ledger';
import { AppConfig, dataSourceOptions, MIGRATIONS } from '@wetube/platform';
import { databaseMatrix, freshPostgres } from './api.harness';

for (const db of databaseMatrix()) {
  describe(`migrations on a fresh database (${db})`, () => {
    let dataDir: string;
    let pg: Awaited<ReturnType<typeof freshPostgres>> | null = null;
    let config: AppConfig;
    let ds: DataSource;

    const LEDGER_TABLES = ['ledger_accounts', 'ledger_entries', 'ledger_postings', 'ledger_holds'];
    const PAYMENT_TABLES = [
      'payment_sessions',
      'payment_receipt_marks',
      'payment_rewards',
      'payment_pair_stats',
      'payment_plans',
      'payment_entitlements',
      'payment_settlements',
    ];
    const AD_TABLES = ['ad_api_keys', 'ad_campaigns', 'ad_line_items', 'ad_creatives'];
    const AD_SERVER_TABLES = ['ad_impressions', 'ad_events'];
    const BEFORE_MINT_AUDIT = [
      'users',
      'videos',
      'video_torrents',
      'seeder_nodes',
      ...LEDGER_TABLES,
      ...PAYMENT_TABLES,
      ...AD_TABLES,
      ...AD_SERVER_TABLES,
    ];
    const ALL_TABLES = [...BEFORE_MINT_AUDIT, 'payment_mints'];
    const tables = async (): Promise<string[]> => {
      const q = ds.createQueryRunner();
      try {
        const found: string[] = [];
        for (const name of ALL_TABLES) if (await q.hasTable(name)) found.push(name);
        return found;
      } finally {
        await q.release();
      }
    };

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'wetube-migr-'));
      pg = db === 'postgres' ? await freshPostgres() : null;
      config = AppConfig.fromEnv({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        JWT_SECRET: 'x'.repeat(32),
        ...(pg ? { DATABASE_URL: pg.url } : {}),
      });
      ds = new DataSource(dataSourceOptions(config, [UserEntity, VideoEntity, VideoTorrentEntity, SeederNodeEntity, ...LEDGER_ENTITIES]));
      await ds.initialize();
    });

    after(async () => {
      if (ds?.isInitialized) await ds.destroy();
      await pg?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('never synchronizes the schema from the entities: only migrations change it', () => {
      const opts = dataSourceOptions(config);
      assert.equal(opts.synchronize, false);
      assert.equal(opts.type, db === 'postgres' ? 'postgres' : 'better-sqlite3');
      assert.equal(ds.options.synchronize, false);
    });

    it('the database starts empty and the migrations create the users, videos, video_torrents, seeder_nodes, ledger, payments and ads tables', async () => {
      assert.deepEqual(await tables(), [], 'fresh database');
      assert.equal(await ds.showMigrations(), true, 'migrations are pending on a fresh database');
      const ran = await ds.runMigrations({ transaction: 'all' });
      assert.deepEqual(
        ran.map((m) => m.name),
        MIGRATIONS.map((m) => new m().name),
      );
      assert.deepEqual(await tables(), ALL_TABLES);
      assert.equal(await ds.showMigrations(), false, 'nothing left to run');
      assert.deepEqual(await ds.runMigrations(), [], 'running again is a no-op');
    });

    it('every entity column exists in the migrated tables with the same nullability, plus the indexes and the owner foreign key', async () => {
      const q = ds.createQueryRunner();
      try {
        for (const entity of [UserEntity, VideoEntity, VideoTorrentEntity, SeederNodeEntity, ...LEDGER_ENTITIES]) {
          const meta = ds.getMetadata(entity);
          const table = await q.getTable(meta.tableName);
          assert.ok(table, `table ${meta.tableName}`);
          for (const col of meta.columns) {
            const found = table!.findColumnByName(col.databaseName);
            assert.ok(
              found,
              `${meta.tableName}.${col.databaseName} (entity ${meta.name}.${col.propertyName}) is missing from the migrated table`,
            );
            assert.equal(found!.isNullable, col.isNullable, `${meta.tableName}.${col.databaseName} nullability`);
          }
          for (const col of table!.columns) {
            assert.ok(meta.findColumnWithDatabaseName(col.name), `${meta.tableName}.${col.name} is not mapped by ${meta.name}`);
          }
        }
        const videos = (await q.getTable('videos'))!;
        assert.deepEqual(
          videos.indices
            .map((i) => i.name)
            .filter((n) => n?.startsWith('idx_'))
            .sort(),
          ['idx_videos_channel_feed', 'idx_videos_listing', 'idx_videos_owner'],
        );
        assert.ok(
          videos.foreignKeys.some((fk) => fk.columnNames.includes('owner_id') && fk.referencedTableName.endsWith('users')),
          'videos.owner_id references users',
        );
        assert.ok(
          videos.uniques.some((u) => u.columnNames.includes('upload_id')) ||
            videos.indices.some((i) => i.isUnique && i.columnNames.includes('upload_id')),
          'upload_id is unique',
        );
        const seeders = (await q.getTable('seeder_nodes'))!;
        assert.ok(
          seeders.indices.some((i) => i.name === 'idx_seeder_nodes_public_key' && i.isUnique && i.columnNames.join() === 'public_key'),
          'seeder_nodes.public_key is unique',
        );
        assert.ok(
          seeders.indices.some((i) => i.name === 'idx_seeder_nodes_owner'),
          'seeder_nodes owner index',
        );
        assert.ok(
          seeders.foreignKeys.some(
            (fk) => fk.columnNames.includes('owner_id') && fk.referencedTableName.endsWith('users') && fk.onDelete === 'CASCADE',
          ),
          'seeder_nodes.owner_id references users, cascading',
        );
        const accounts = (await q.getTable('ledger_accounts'))!;
        assert.ok(
          accounts.indices.some((i) => i.name === 'idx_ledger_accounts_owner' && i.isUnique && i.columnNames.join() === 'kind,owner_id'),
          'one ledger account per kind and owner',
        );
        const entries = (await q.getTable('ledger_entries'))!;
        assert.ok(
          entries.indices.some((i) => i.name === 'idx_ledger_entries_key' && i.isUnique && i.columnNames.join() === 'idempotency_key'),
          'idempotency keys are unique',
        );
        const postings = (await q.getTable('ledger_postings'))!;
        assert.deepEqual(postings.primaryColumns.map((c) => c.name).sort(), ['account_id', 'entry_id']);
        assert.ok(
          postings.foreignKeys.some((fk) => fk.columnNames.includes('entry_id') && fk.referencedTableName.endsWith('ledger_entries')),
          'postings reference their entry',
        );
        assert.ok(
          postings.foreignKeys.some((fk) => fk.columnNames.includes('account_id') && fk.referencedTableName.endsWith('ledger_accounts')),
          'postings reference their account',
        );
        assert.ok(
          postings.indices.some((i) => i.name === 'idx_ledger_postings_account'),
          'postings by account index',
        );
        const holds = (await q.getTable('ledger_holds'))!;
        assert.ok(
          holds.indices.some((i) => i.name === 'idx_ledger_holds_account' && i.isUnique),
          'one hold per hold account',
        );
        for (const [table, column] of [
          ['ledger_accounts', 'balance'],
          ['ledger_postings', 'amount'],
          ['ledger_holds', 'amount'],
          ['ledger_holds', 'paid_out'],
        ]) {
          assert.equal((await q.getTable(table))!.findColumnByName(column)!.type, 'bigint', `${table}.${column} is BIGINT`);
        }
      } finally {
        await q.release();
      }
    });

    it('rows round-trip through the migrated tables', async () => {
      const now = new Date();
      await ds.getRepository(UserEntity).insert(
        ds.getRepository(UserEntity).create({
          id: '00000000-0000-4000-8000-000000000001',
          email: 'm@example.com',
          passwordHash: 'h',
          displayName: 'M',
          roles: ['creator'] as never,
          createdAt: now,
          updatedAt: now,
        } as Partial<UserEntity>),
      );
      await ds.getRepository(VideoEntity).insert({
        id: '00000000-0000-4000-8000-000000000002',
        ownerId: '00000000-0000-4000-8000-000000000001',
        title: 'T',
        description: '',
        tags: ['a'],
        visibility: 'PUBLIC' as never,
        status: 'READY' as never,
        progress: 100,
        failureReason: null,
        durationMs: 1000,
        width: 2,
        height: 2,
        sourceName: 'x.mp4',
        sourceBytes: 5_000_000_000,
        uploadId: null,
        renditions: [],
        attempts: 1,
        createdAt: now,
        updatedAt: now,
        readyAt: now,
      });
      const v = await ds.getRepository(VideoEntity).findOneByOrFail({ id: '00000000-0000-4000-8000-000000000002' });
      assert.deepEqual(v.tags, ['a']);
      assert.equal(v.sourceBytes, 5_000_000_000, 'sizes over 2^32 survive (bigint)');
      assert.equal(v.createdAt.getTime(), now.getTime());
      const seeder = {
        id: '00000000-0000-4000-8000-000000000003',
        ownerId: '00000000-0000-4000-8000-000000000001',
        publicKey: 'A'.repeat(43),
        name: 'box',
        createdAt: now,
        lastSeenAt: now,
      };
      await ds.getRepository(SeederNodeEntity).insert(seeder);
      assert.deepEqual({ ...(await ds.getRepository(SeederNodeEntity).findOneByOrFail({ id: seeder.id })) }, seeder);
      await assert.rejects(
        ds.getRepository(SeederNodeEntity).insert({ ...seeder, id: '00000000-0000-4000-8000-000000000004' }),
        'one row per public key',
      );
      // Ledger rows: amounts are bigint end to end (exact at 2^53 + 1 on PostgreSQL, whose driver returns BIGINT as text).
      const account = {
        id: 'acct-1',
        kind: 'USER_WALLET' as never,
        ownerId: 'u1',
        currency: 'CLC',
        balance: 2n ** 53n + 1n,
        createdAt: now,
      };
      await ds.getRepository(AccountEntity).insert(account);
      await ds
        .getRepository(AccountEntity)
        .insert({ ...account, id: 'mint-1', kind: 'MINT' as never, ownerId: null, balance: -(2n ** 53n + 1n) });
      await ds
        .getRepository(JournalEntryEntity)
        .insert({ id: 'e1', kind: 'MINT', idempotencyKey: 'k1', payloadHash: 'h'.repeat(64), memo: null, createdAt: now });
      await ds.getRepository(PostingEntity).insert([
        { entryId: 'e1', accountId: 'acct-1', amount: 2n ** 53n + 1n },
        { entryId: 'e1', accountId: 'mint-1', amount: -(2n ** 53n + 1n) },
      ]);
      await assert.rejects(
        ds
          .getRepository(JournalEntryEntity)
          .insert({ id: 'e2', kind: 'MINT', idempotencyKey: 'k1', payloadHash: 'x'.repeat(64), memo: null, createdAt: now }),
        'one entry per idempotency key',
      );
      await assert.rejects(ds.getRepository(AccountEntity).insert({ ...account, id: 'acct-2' }), 'one account per kind and owner');
      await ds.getRepository(HoldEntity).insert({
        id: 'h1',
        accountId: 'acct-1',
        sourceAccountId: 'mint-1',
        amount: 5n,
        paidOut: 0n,
        status: 'OPEN',
        placeEntryId: 'e1',
        createdAt: now,
        closedAt: null,
      });
      assert.equal((await ds.getRepository(HoldEntity).findOneByOrFail({ id: 'h1' })).amount, 5n);
      if (db === 'postgres')
        assert.equal((await ds.getRepository(AccountEntity).findOneByOrFail({ id: 'acct-1' })).balance, 2n ** 53n + 1n);
      assert.equal(await ds.getRepository(PostingEntity).countBy({}), 2);
      // Owner deletion cascades to their videos and seeder nodes (foreign keys).
      await ds.getRepository(UserEntity).delete({ id: '00000000-0000-4000-8000-000000000001' });
      assert.equal(await ds.getRepository(VideoEntity).countBy({}), 0);
      assert.equal(await ds.getRepository(SeederNodeEntity).countBy({}), 0);
    });

    it('undoing every migration removes the tables, and runMigrations brings them back', async () => {
      const hasColumn = async (name: string) => {
        const q = ds.createQueryRunner();
        try {
          return (await q.getTable('videos'))!.columns.some((c) => c.name === name);
        } finally {
          await q.release();
        }
      };
      const hasTable = async (name: string) => {
        const q = ds.createQueryRunner();
        try {
          return await q.hasTable(name);
        } finally {
          await q.release();
        }
      };
      const hasSearch = async () => {
        const q = ds.createQueryRunner();
        try {
          return await q.hasTable('search_documents');
        } finally {
          await q.release();
        }
      };
      const hasCaptions = async () => {
        const q = ds.createQueryRunner();
        try {
          return await q.hasTable('video_captions');
        } finally {
          await q.release();
        }
      };
      const hasChannels = async () => {
        const q = ds.createQueryRunner();
        try {
          return (await q.hasTable('channels')) && (await q.hasTable('channel_subscriptions'));
        } finally {
          await q.release();
        }
      };
      assert.deepEqual(await tables(), ALL_TABLES);
      assert.equal(await hasSearch(), true);
      assert.equal(await hasColumn('kind'), true);
      assert.equal(await hasColumn('audio_meta'), true);
      const hasSearchFields = async () =>
        db === 'postgres' &&
        (await ds.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'search_documents' AND column_name = 'fields'`))
          .length === 1;
      const playlistsHaveCover = async () => {
        const q = ds.createQueryRunner();
        try {
          return (await q.getTable('playlists'))!.columns.some((c) => c.name === 'cover_key');
        } finally {
          await q.release();
        }
      };
      assert.equal(await hasColumn('cover_key'), true);
      assert.equal(await playlistsHaveCover(), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasColumn('cover_key'), false, 'the last migration (uploaded covers) undone alone');
      assert.equal(await playlistsHaveCover(), false);
      assert.equal(await hasSearchFields(), db === 'postgres', 'PostgreSQL indexes the title, tag and channel words apart');
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasSearchFields(), false, 'the last migration (search fields) undone alone');
      assert.equal(await hasSearch(), true);
      assert.equal(await hasColumn('kind'), true);
      assert.equal(await hasTable('support_sessions'), true);
      await ds.undoLastMigration({ transaction: 'all' });
      for (const name of ['support_settings', 'support_splits', 'support_sessions', 'support_days'])
        assert.equal(await hasTable(name), false, `the last migration (pay as you listen) undone alone: ${name}`);
      assert.equal(await hasColumn('kind'), true);
      const playlistHas = async (name: string) => {
        const q = ds.createQueryRunner();
        try {
          return (await q.getTable('playlists'))!.columns.some((c) => c.name === name);
        } finally {
          await q.release();
        }
      };
      assert.equal(await playlistHas('kind'), true);
      assert.equal(await playlistHas('show_meta'), true);
      const itemHas = async (name: string) => {
        const q = ds.createQueryRunner();
        try {
          return (await q.getTable('playlist_items'))!.columns.some((c) => c.name === name);
        } finally {
          await q.release();
        }
      };
      assert.equal(await itemHas('episode_number'), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await itemHas('episode_number'), false);
      assert.equal(await playlistHas('kind'), false, 'the last migration (podcasts: playlist kind, show fields) undone alone');
      assert.equal(await playlistHas('show_meta'), false);
      assert.equal(await hasColumn('audio_meta'), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasColumn('kind'), false, 'the last migration (audio items) undone alone');
      assert.equal(await hasColumn('audio_meta'), false);
      assert.equal(await hasCaptions(), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasCaptions(), false, 'the last migration (video captions) undone alone');
      assert.equal(await hasTable('playlists'), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasTable('playlists'), false, 'then the library (history, playlists)');
      assert.equal(await hasTable('watch_history'), false);
      assert.equal(await hasTable('comments'), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasTable('comments'), false, 'then comments');
      assert.equal(await hasColumn('view_count'), true);
      // SQLite: the counters were added (and are dropped) in place, so the search triggers on videos stay.
      const videoTriggers = async () =>
        db === 'sqlite'
          ? Number((await ds.query(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_video_%'`))[0].n)
          : 3;
      assert.equal(await videoTriggers(), 3);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await videoTriggers(), 3, 'the search triggers survive the counters going');
      assert.equal(await hasColumn('view_count'), false, 'the last migration (views and likes) undone alone');
      assert.equal(await hasColumn('like_count'), false);
      assert.equal(await hasTable('video_views'), false);
      assert.equal(await hasTable('video_ratings'), false);
      assert.equal(await hasChannels(), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasChannels(), false, 'the last migration (channels) undone alone');
      assert.equal(await hasSearch(), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasSearch(), false, 'then search');
      await ds.undoLastMigration({ transaction: 'all' });
      assert.deepEqual(await tables(), BEFORE_MINT_AUDIT, 'then the mint audit');
      assert.equal(await hasColumn('category'), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasColumn('category'), false, "the last migration (videos' category) undone alone");
      assert.equal(await hasColumn('midrolls'), true);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.equal(await hasColumn('midrolls'), false, "then the videos' mid-rolls");
      assert.deepEqual(await tables(), BEFORE_MINT_AUDIT);
      await ds.undoLastMigration({ transaction: 'all' });
      assert.deepEqual(
        await tables(),
        ['users', 'videos', 'video_torrents', 'seeder_nodes', ...LEDGER_TABLES, ...PAYMENT_TABLES, ...AD_TABLES],
        'then the ad server',
      );
      await ds.undoLastMigration({ transaction: 'all' });
      assert.deepEqual(
        await tables(),
        ['users', 'videos', 'video_torrents', 'seeder_nodes', ...LEDGER_TABLES, ...PAYMENT_TABLES],
        'then the ads',
      );
      await ds.undoLastMigration({ transaction: 'all' });
      assert.deepEqual(await tables(), ['users', 'videos', 'video_torrents', 'seeder_nodes', ...LEDGER_TABLES], 'then payments');
      await ds.undoLastMigration({ transaction: 'all' });
      assert.deepEqual(await tables(), ['users', 'videos', 'video_torrents', 'seeder_nodes'], 'then the ledger');
      for (let i = 18; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'all' });
      assert.deepEqual(await tables(), []);
      assert.equal(await ds.showMigrations(), true);
      const ran = await ds.runMigrations({ transaction: 'all' });
      assert.equal(ran.length, MIGRATIONS.length);
      assert.deepEqual(await tables(), ALL_TABLES);
      assert.equal(await hasSearch(), true);
      assert.equal(await hasCaptions(), true);
      assert.equal(await hasChannels(), true);
      // And the schema works again after the round trip.
      assert.equal(await ds.getRepository(VideoEntity).count(), 0);
    });
  });
}
