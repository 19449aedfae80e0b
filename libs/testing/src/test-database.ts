import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig, dataSourceOptions, MIGRATIONS } from '@wetube/platform';

/**
 * The database matrix of the "medium" tests (repositories and services on a real database) and of
 * the whole-api tests: every spec runs on SQLite, and on PostgreSQL too when DATABASE_URL is set
 * (CI sets it). Each test file gets a database of its own: a temp SQLite file, or a PostgreSQL
 * database created for it (empty, or cloned from a migrated template) and dropped at the end.
 */
export type DbKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when DATABASE_URL is set. */
export function databaseMatrix(): DbKind[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A PostgreSQL database of one test file; `drop()` removes it (connections included). */
export interface TestPostgres {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function baseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: PostgreSQL tests need it (postgres://postgres@127.0.0.1:5432/test)');
  return url;
}

function urlOf(name: string): string {
  const u = new URL(baseUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `sql` on the server's maintenance connection (the database DATABASE_URL names). */
async function onServer<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: baseUrl() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** PostgreSQL refuses to copy or rename a database while a just-closed session is still leaving it (55006): retry a moment later. */
async function whileInUse<T>(work: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || tries >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function create(prefix: string, template?: string): Promise<TestPostgres> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer((c) => whileInUse(() => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)));
  return {
    name,
    url: urlOf(name),
    drop: () => onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A fresh, EMPTY PostgreSQL database (for the specs that run the migrations themselves). */
export function emptyPostgres(prefix = 'wetube_t'): Promise<TestPostgres> {
  return create(prefix);
}

/**
 * The migrated template's name: `wetube_template_<hash of the migrations' code>`, so branches
 * with other migrations sharing one server never clone each other's schema, and an unchanged set
 * is migrated once, not once per file. Built under an advisory lock (concurrent test processes wait
 * for the first), in a `_building` database renamed only once every migration ran, so a killed
 * build never leaves a half-migrated template behind.
 */
export function migratedTemplate(): Promise<string> {
  templateReady ??= buildTemplate().catch((err) => {
    templateReady = null;
    throw err;
  });
  return templateReady;
}
let templateReady: Promise<string> | null = null;

/** Key of pg_advisory_lock while a template is built ('wetu' in ASCII). */
const TEMPLATE_LOCK = 0x77657475;

export function templateName(): string {
  // A spec of this module builds a template of its own under another name, never touching the shared one.
  if (process.env.WETUBE_TEST_TEMPLATE) return process.env.WETUBE_TEST_TEMPLATE;
  const code = createHash('sha256');
  for (const m of MIGRATIONS) code.update(`${m.name}\n${m.toString()}\n`);
  return `wetube_template_${code.digest('hex').slice(0, 12)}`;
}

async function buildTemplate(): Promise<string> {
  const name = templateName();
  const building = `${name}_building`;
  await onServer(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      const ds = new DataSource(await optionsFor(urlOf(building)));
      await ds.initialize();
      try {
        await ds.runMigrations({ transaction: 'all' });
      } finally {
        await ds.destroy();
      }
      await whileInUse(() => c.query(`ALTER DATABASE ${building} RENAME TO ${name}`));
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

async function optionsFor(url: string): Promise<DataSourceOptions> {
  const dir = await mkdtemp(join(tmpdir(), 'wetube-tpl-'));
  try {
    return dataSourceOptions(AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: dir, JWT_SECRET: 'x'.repeat(32), DATABASE_URL: url }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A fresh PostgreSQL database with every migration applied: `CREATE DATABASE x TEMPLATE wetube_template_<hash>`. */
export async function migratedPostgres(prefix = 'wetube_t'): Promise<TestPostgres> {
  return create(prefix, await migratedTemplate());
}

/** One test file's database: its configuration (DATA_DIR a temp folder, DATABASE_URL on PostgreSQL) and how to remove it. */
export interface TestDatabase {
  kind: DbKind;
  config: AppConfig;
  dataDir: string;
  /** Environment for AppConfig.fromEnv: DATA_DIR, and DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Migrated (the default), or empty for specs that run migrations themselves. */
  migrated?: boolean;
  /** Prefix of the temp folder and of the PostgreSQL database's name. */
  prefix?: string;
  /** More configuration for AppConfig.fromEnv. */
  env?: Record<string, string>;
}

/** A private database for one test file: a temp SQLite file (migrated here when asked), or a PostgreSQL database. */
export async function testDatabase(kind: DbKind, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const prefix = options.prefix ?? 'wetube_t';
  const dataDir = await mkdtemp(join(tmpdir(), `${prefix.replace(/_/g, '-')}-`));
  let pg: TestPostgres | null = null;
  try {
    if (kind === 'postgres') pg = options.migrated === false ? await emptyPostgres(prefix) : await migratedPostgres(prefix);
    const env = { DATA_DIR: dataDir, ...(pg ? { DATABASE_URL: pg.url } : {}) };
    const config = AppConfig.fromEnv({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), ...env, ...options.env });
    if (kind === 'sqlite' && options.migrated !== false) {
      const ds = new DataSource(dataSourceOptions(config));
      await ds.initialize();
      try {
        await ds.runMigrations({ transaction: 'all' });
      } finally {
        await ds.destroy();
      }
    }
    return {
      kind,
      config,
      dataDir,
      env,
      close: async () => {
        await pg?.drop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await pg?.drop();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

export interface TestDataSource extends TestDatabase {
  ds: DataSource;
}

/**
 * A migrated private database with a TypeORM DataSource on it for `entities` (the medium tests of
 * repositories and of the services over them). `poolSize` sets PostgreSQL's pool (default 10).
 */
export async function testDataSource(
  kind: DbKind,
  entities: NonNullable<DataSourceOptions['entities']>,
  options: TestDatabaseOptions & { poolSize?: number } = {},
): Promise<TestDataSource> {
  const migrated = options.migrated !== false;
  // SQLite is migrated below through this DataSource; PostgreSQL comes migrated from the template.
  const db = await testDatabase(kind, { ...options, migrated: kind === 'postgres' && migrated });
  try {
    const base = dataSourceOptions(db.config, entities);
    const ds = new DataSource(base.type === 'postgres' && options.poolSize ? { ...base, extra: { max: options.poolSize } } : base);
    await ds.initialize();
    if (migrated) await ds.runMigrations({ transaction: 'all' });
    return {
      ...db,
      ds,
      close: async () => {
        if (ds.isInitialized) await ds.destroy();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
