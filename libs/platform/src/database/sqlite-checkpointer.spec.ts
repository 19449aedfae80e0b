import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SqliteCheckpointer } from './sqlite-checkpointer';

interface Statement {
  run(...args: unknown[]): unknown;
  get(...args: unknown[]): unknown;
}
interface Db {
  pragma(s: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): Statement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}
// better-sqlite3 ships no types (TypeORM's driver underneath); the little used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (path: string, options?: { readonly?: boolean }) => Db;

const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A database whose own connection never checkpoints (as the api's), written in 20 transactions. */
async function writeMany(path: string): Promise<number> {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${MB}`);
  db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const many = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run('x'.repeat(200));
  });
  let largest = 0;
  for (let k = 0; k < 20; k++) {
    many(2000);
    largest = Math.max(largest, (await stat(`${path}-wal`)).size);
    await sleep(60);
  }
  const rows = (db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
  assert.equal(rows, 40_000);
  db.close();
  return largest;
}

describe('SqliteCheckpointer: the WAL checkpointed on a thread of its own', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-ckpt-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('without it, a connection that never checkpoints lets the WAL grow with every write', async () => {
    assert.ok((await writeMany(join(dir, 'alone.sqlite'))) > 8 * MB);
  });

  it('with it, the WAL stays small while the same writes go on, and nothing is lost', async () => {
    const path = join(dir, 'helped.sqlite');
    const checkpointer = new SqliteCheckpointer(path, 20);
    try {
      const largest = await writeMany(path);
      assert.ok(largest < 4 * MB, `the WAL reached ${(largest / MB).toFixed(1)} MB`);
    } finally {
      await checkpointer.stop();
    }
    const db = new Database(path, { readonly: true });
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n, 40_000);
    db.close();
  });
});
