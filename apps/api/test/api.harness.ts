import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { AppConfig } from '@wetube/platform';
import { createApi } from '../src/main';

export type DbKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export function databaseMatrix(): DbKind[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, empty PostgreSQL database for one test file, dropped again by the returned function. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const name = `wetube_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApi {
  url: string;
  config: AppConfig;
  app: NestExpressApplication;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Boots the real api (migrations, GraphQL, tus, origin, in-process worker) on a random port.
 * `beforeListen` runs on the created app before it initializes and listens (benches use it to add a
 * route of their own on the same HTTP adapter; Nest's 404 handler would shadow one added later).
 */
export async function startApi(
  db: DbKind,
  env: Record<string, string> = {},
  beforeListen?: (app: NestExpressApplication) => void,
): Promise<TestApi> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wetube-test-'));
  const pg = db === 'postgres' ? await freshPostgres() : null;
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    TRANSCODE_PRESET: 'ultrafast',
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    // Every spec's clients come from 127.0.0.1; the per-IP limit has its own spec.
    PLAYBACK_SESSIONS_BURST: '100000',
    // Likewise the per-IP sign-in and registration limits (login-throttle.spec sets its own).
    LOGIN_IP_FAILURES: '100000',
    REGISTER_IP_BURST: '100000',
    REGISTER_IP_PER_HOUR: '10000000',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
    ...env,
  });
  const app = await createApi(config);
  beforeListen?.(app);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    app,
    dataDir,
    close: async () => {
      await app.close();
      await pg?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
