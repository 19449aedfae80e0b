import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import { Database } from './database';
import { SqlDialect } from './sql-dialect';

describe('Database: the transaction handle (SQLite)', () => {
  let dir: string;
  let ds: DataSource;
  let db: Database;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-db-'));
    ds = new DataSource({ type: 'better-sqlite3', database: join(dir, 'db.sqlite') });
    await ds.initialize();
    await ds.query('CREATE TABLE migrations (id INTEGER PRIMARY KEY, timestamp BIGINT, name VARCHAR)');
    await ds.query('CREATE TABLE t (id VARCHAR PRIMARY KEY, n INTEGER)');
    db = new Database(ds);
  });

  after(async () => {
    await ds.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('joins the open transaction from any call below it, and rolls all of it back on a throw', async () => {
    const insert = (id: string) => db.query('INSERT INTO t (id, n) VALUES (?, ?)', [id, 1]);
    await assert.rejects(
      db.transaction(async () => {
        await insert('a');
        await db.transaction(() => insert('b')); // joins, does not queue behind itself
        assert.equal((await db.query('SELECT COUNT(*) AS n FROM t'))[0].n, 2);
        throw new Error('refused');
      }),
      /refused/,
    );
    assert.equal((await db.query('SELECT COUNT(*) AS n FROM t'))[0].n, 0);
    await db.transaction(async () => {
      await insert('c');
      await insert('d');
    });
    assert.deepEqual(
      (await db.query('SELECT id FROM t ORDER BY id')).map((r) => r.id),
      ['c', 'd'],
    );
  });

  it('answers RETURNING rows, and nothing for other writes', async () => {
    assert.deepEqual(await db.query('UPDATE t SET n = n + 1 WHERE id = ? RETURNING id, n', ['c']), [{ id: 'c', n: 2 }]);
    assert.deepEqual(await db.query('UPDATE t SET n = n + 1 WHERE id = ?', ['d']), []);
  });

  it('inserts many rows in chunks', async () => {
    await bulkInsert(
      db,
      't',
      [
        ['id', 'varchar'],
        ['n', 'int'],
      ],
      Array.from({ length: 25 }, (_, i) => [`bulk-${String(i).padStart(2, '0')}`, i]),
      '',
      10,
    );
    assert.equal((await db.query(`SELECT COUNT(*) AS n FROM t WHERE id LIKE 'bulk-%'`))[0].n, 25);
  });

  it("numbers placeholders for PostgreSQL and leaves SQLite's alone", () => {
    assert.equal(new SqlDialect(true).placeholders('a = ? AND b = ?'), 'a = $1 AND b = $2');
    assert.equal(new SqlDialect(false).placeholders('a = ?'), 'a = ?');
    assert.deepEqual(new SqlDialect(true).inList('id', ['x', 'y']), { sql: 'id = ANY(?::varchar[])', params: [['x', 'y']] });
    assert.deepEqual(new SqlDialect(false).inList('id', ['x', 'y']), { sql: 'id IN (?, ?)', params: ['x', 'y'] });
  });
});
