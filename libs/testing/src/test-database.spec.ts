import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@wetube/platform';
import { databaseMatrix, emptyPostgres, migratedPostgres, testDatabase, testDataSource } from './test-database';

const run = promisify(execFile);

async function migrationsIn(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const t = await c.query(`SELECT to_regclass('public.migrations') AS t`);
    if (!t.rows[0].t) return 0;
    return Number((await c.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n);
  } finally {
    await c.end();
  }
}

async function onServer<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

describe('the database matrix', () => {
  it('is SQLite alone without DATABASE_URL, SQLite then PostgreSQL with it', () => {
    const saved = process.env.DATABASE_URL;
    try {
      delete process.env.DATABASE_URL;
      assert.deepEqual(databaseMatrix(), ['sqlite']);
      process.env.DATABASE_URL = 'postgres://x@127.0.0.1:1/y';
      assert.deepEqual(databaseMatrix(), ['sqlite', 'postgres']);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });

  for (const db of databaseMatrix()) {
    it(`testDataSource (${db}) hands out a private database at the newest migration, removed by close()`, async () => {
      const a = await testDataSource(db, []);
      const b = await testDataSource(db, []);
      try {
        const ran = await a.ds.query('SELECT count(*) AS n FROM migrations');
        assert.equal(Number(ran[0].n), MIGRATIONS.length);
        // Private: a row written in one is not in the other.
        await a.ds.query(`INSERT INTO migrations (timestamp, name) VALUES (1, 'TestDatabaseSpec1')`);
        assert.equal(Number((await a.ds.query('SELECT count(*) AS n FROM migrations'))[0].n), MIGRATIONS.length + 1);
        assert.equal(Number((await b.ds.query('SELECT count(*) AS n FROM migrations'))[0].n), MIGRATIONS.length);
      } finally {
        await a.close();
        await b.close();
      }
      if (db === 'postgres') {
        const left = await onServer('SELECT 1 FROM pg_database WHERE datname = $1', [new URL(a.env.DATABASE_URL).pathname.slice(1)]);
        assert.equal(left.length, 0, 'close() drops the database');
      }
    });

    it(`testDatabase (${db}) with migrated: false is empty (for the specs that run the migrations themselves)`, async () => {
      const t = await testDatabase(db, { migrated: false });
      try {
        if (db === 'postgres') assert.equal(await migrationsIn(t.env.DATABASE_URL), 0);
        else {
          assert.equal(t.config.database.type, 'sqlite');
          const ds = new DataSource({
            type: 'better-sqlite3',
            database: t.config.database.type === 'sqlite' ? t.config.database.path : '',
          });
          await ds.initialize();
          const tables = await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
          await ds.destroy();
          assert.deepEqual(tables, []);
        }
      } finally {
        await t.close();
      }
    });
  }
});

describe('the migrated PostgreSQL template', { skip: !process.env.DATABASE_URL && 'DATABASE_URL is not set' }, () => {
  const template = `wetube_template_spec_${randomBytes(4).toString('hex')}`;
  const clones: string[] = [];
  after(async () => {
    if (!process.env.DATABASE_URL) return;
    for (const name of [...clones, `${template}_building`, template]) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('concurrent test processes build it once and each gets a migrated clone of it', async () => {
    // Three processes race for a template that does not exist yet (its own name: never the shared one).
    const script = `require(${JSON.stringify(require.resolve('./test-database'))}).migratedPostgres('wetube_tpl').then((p) => console.log(p.name))`;
    const env = { ...process.env, WETUBE_TEST_TEMPLATE: template };
    const outs = await Promise.all([0, 1, 2].map(() => run(process.execPath, ['-e', script], { env })));
    const names = outs.map((o) => o.stdout.trim());
    clones.push(...names);
    assert.equal(new Set(names).size, 3);
    assert.equal(await migrationsIn(urlOf(template)), MIGRATIONS.length);
    for (const name of names) assert.equal(await migrationsIn(urlOf(name)), MIGRATIONS.length);
    assert.deepEqual(await onServer('SELECT datname FROM pg_database WHERE datname = $1', [`${template}_building`]), []);
  });

  it('emptyPostgres is empty, migratedPostgres is migrated, and drop() removes them', async () => {
    const empty = await emptyPostgres();
    const migrated = await migratedPostgres();
    try {
      assert.equal(await migrationsIn(empty.url), 0);
      assert.equal(await migrationsIn(migrated.url), MIGRATIONS.length);
    } finally {
      await empty.drop();
      await migrated.drop();
    }
    const left = await onServer('SELECT datname FROM pg_database WHERE datname = ANY($1)', [[empty.name, migrated.name]]);
    assert.deepEqual(left, []);
  });
});

function urlOf(name: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}
