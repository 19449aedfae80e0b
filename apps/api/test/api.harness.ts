import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@wetube/platform';
import { type DbKind, emptyPostgres, type TestPostgres, testDatabase } from '@wetube/testing';
import { createApi } from '../src/main';

// The database matrix lives in libs/testing (one copy for every harness).
export { databaseMatrix, type DbKind } from '@wetube/testing';

/** A fresh, EMPTY PostgreSQL database for one test file, dropped again by `drop()` (specs that migrate it themselves). */
export function freshPostgres(): Promise<TestPostgres> {
  return emptyPostgres();
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
  // PostgreSQL: a clone of the migrated template (the api's own migrations then find nothing to do).
  const database = await testDatabase(db, { migrated: db === 'postgres' });
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
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
    ...database.env,
    ...env,
  });
  let app: NestExpressApplication;
  try {
    app = await createApi(config);
    beforeListen?.(app);
    await app.listen(0, '127.0.0.1');
  } catch (err) {
    await database.close();
    throw err;
  }
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    app,
    dataDir: database.dataDir,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
