import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { AppConfig, ConfigError } from './app-config';

const dataDir = mkdtempSync(join(tmpdir(), 'wetube-config-'));
const base = { DATA_DIR: dataDir };

describe('configuration', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('has working embedded defaults: SQLite in DATA_DIR, in-process queue, a kept development secret', () => {
    const c = AppConfig.fromEnv(base);
    assert.deepEqual(c.database, { type: 'sqlite', path: join(dataDir, 'wetube.sqlite') });
    assert.equal(c.transcodeInProcess, true);
    assert.equal(c.port, 4000);
    assert.equal(c.maxUploadBytes, 4e9);
    assert.ok(c.jwtSecret.length >= 32);
    assert.equal(AppConfig.fromEnv(base).jwtSecret, c.jwtSecret, 'the development secret survives a restart');
    assert.equal(c.originAccessLog, join(dataDir, 'logs', 'origin-access.log'));
    assert.deepEqual(c.trackerRateLimit, { burst: 30, perSecond: 3 });
  });

  it('reads the origin access log and tracker limit settings', () => {
    const c = AppConfig.fromEnv({ ...base, ORIGIN_ACCESS_LOG: 'off', TRACKER_ANNOUNCE_BURST: '200', TRACKER_ANNOUNCES_PER_SECOND: '20' });
    assert.equal(c.originAccessLog, null);
    assert.deepEqual(c.trackerRateLimit, { burst: 200, perSecond: 20 });
    assert.equal(AppConfig.fromEnv({ ...base, ORIGIN_ACCESS_LOG: 'x/access.log' }).originAccessLog, resolve('x/access.log'));
    assert.throws(() => AppConfig.fromEnv({ ...base, TRACKER_ANNOUNCE_BURST: '0' }), /TRACKER_ANNOUNCE_BURST/);
  });

  it('reads the tracker process and shard settings: per-IP ceiling, port, proxy trust, shards', () => {
    const d = AppConfig.fromEnv(base);
    assert.deepEqual(d.trackerIpRateLimit, { burst: 300, perSecond: 30 }, 'default: 10 times the per-peer limit');
    assert.deepEqual(d.trackerProcess, { port: 4100, host: '0.0.0.0', trustProxy: false });
    assert.deepEqual(d.trackerUrls, []);
    assert.equal(d.trackerEmbedded, true);
    assert.equal(d.trustProxy, 'loopback');
    const c = AppConfig.fromEnv({
      ...base,
      TRACKER_ANNOUNCE_BURST: '20',
      TRACKER_ANNOUNCES_PER_SECOND: '2',
      TRACKER_ANNOUNCE_IP_BURST: '100',
      TRACKER_PORT: '4201',
      TRACKER_TRUST_PROXY: 'true',
      TRACKER_URLS: 'wss://t1.example/tracker/,wss://t2.example/tracker',
      TRUST_PROXY: '10.0.0.0/8',
    });
    assert.deepEqual(c.trackerIpRateLimit, { burst: 100, perSecond: 10 }, 'same window as the per-peer limit');
    assert.deepEqual(c.trackerProcess, { port: 4201, host: '0.0.0.0', trustProxy: true });
    assert.deepEqual(c.trackerUrls, ['wss://t1.example/tracker', 'wss://t2.example/tracker']);
    assert.equal(c.trackerEmbedded, false);
    assert.equal(c.trustProxy, '10.0.0.0/8');
    assert.throws(
      () => AppConfig.fromEnv({ ...base, TRACKER_ANNOUNCE_IP_BURST: '10' }),
      /TRACKER_ANNOUNCE_IP_BURST: must be at least TRACKER_ANNOUNCE_BURST \(30\), got 10/,
    );
    assert.throws(
      () => AppConfig.fromEnv({ ...base, TRACKER_URLS: 'http://t1/tracker' }),
      /TRACKER_URLS: must be a comma list of ws:\/\/ or wss:\/\/ tracker URLs/,
    );
    assert.throws(
      () => AppConfig.fromEnv({ ...base, TRACKER_URLS: 'ws://t1/tracker,ws://t1/tracker/' }),
      /TRACKER_URLS: names a tracker twice/,
    );
    assert.throws(() => AppConfig.fromEnv({ ...base, TRACKER_URLS: 'ws://t1/tracker?x=1' }), /TRACKER_URLS: .*no query or fragment/);
    assert.throws(() => AppConfig.fromEnv({ ...base, TRACKER_PORT: '70000' }), /TRACKER_PORT/);
  });

  it('reads the payments settings: the faucet and the pool seed are development-only, admins by email', () => {
    const dev = AppConfig.fromEnv({ ...base, ADMIN_EMAILS: ' Root@Example.com , ops@example.com', PEER_PRICE_PER_SEGMENT: '2500' });
    assert.equal(dev.payments.faucet, true);
    assert.equal(dev.payments.bandwidthPoolSeed, 1_000_000_000n);
    assert.equal(dev.payments.pricePerSegment, 2500n);
    assert.deepEqual([...dev.adminEmails], ['root@example.com', 'ops@example.com']);
    assert.equal(AppConfig.fromEnv({ ...base, DEV_FAUCET: 'false' }).payments.faucet, false);
    const prod = AppConfig.fromEnv({ ...base, NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) });
    assert.equal(prod.payments.faucet, false, 'no faucet in production');
    assert.equal(prod.payments.bandwidthPoolSeed, 0n, 'no minted pool seed in production');
    assert.throws(
      () => AppConfig.fromEnv({ ...base, NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), DEV_FAUCET: 'true' }),
      /DEV_FAUCET: the development faucet cannot be switched on in production/,
    );
    assert.throws(() => AppConfig.fromEnv({ ...base, PEER_PRICE_PER_SEGMENT: '1.5' }), /PEER_PRICE_PER_SEGMENT/);
  });

  it('reads the abuse limits (sign-in throttling, registrations per IP, mint ceilings) and refuses ones that cannot work', () => {
    const d = AppConfig.fromEnv(base);
    assert.deepEqual(
      { ...d.login, registerPerSecond: Math.round(d.login.registerPerSecond * 3600) },
      {
        freeFailures: 5,
        lockAfterFailures: 10,
        delayBaseSec: 1,
        lockSec: 900,
        failureWindowSec: 86400,
        ipFailures: 100,
        ipWindowSec: 900,
        registerBurst: 20,
        registerPerSecond: 20,
      },
    );
    assert.deepEqual(d.mintLimits, { perCall: 1_000_000_000_000n, perDay: 10_000_000_000_000n });
    const c = AppConfig.fromEnv({
      ...base,
      LOGIN_FREE_FAILURES: '3',
      LOGIN_LOCK_AFTER_FAILURES: '20',
      LOGIN_LOCK_SEC: '60',
      MINT_MAX_PER_CALL: '5',
      MINT_MAX_PER_DAY: '7',
    });
    assert.equal(c.login.lockAfterFailures, 20);
    assert.deepEqual(c.mintLimits, { perCall: 5n, perDay: 7n });
    assert.throws(
      () => AppConfig.fromEnv({ ...base, LOGIN_FREE_FAILURES: '10', LOGIN_LOCK_AFTER_FAILURES: '10' }),
      /LOGIN_LOCK_AFTER_FAILURES: must be more than LOGIN_FREE_FAILURES \(10\), got 10/,
    );
    assert.throws(() => AppConfig.fromEnv({ ...base, LOGIN_LOCK_SEC: '0' }), /LOGIN_LOCK_SEC/);
    assert.throws(
      () => AppConfig.fromEnv({ ...base, MINT_MAX_PER_CALL: '1.5' }),
      /MINT_MAX_PER_CALL: must be a positive whole number of minor units/,
    );
    assert.throws(() => AppConfig.fromEnv({ ...base, MINT_MAX_PER_DAY: '0' }), /MINT_MAX_PER_DAY/);
    assert.throws(
      () => AppConfig.fromEnv({ ...base, REGISTER_IP_BURST: '100000', REGISTER_IP_PER_HOUR: '1' }),
      /REGISTER_IP_PER_HOUR: too low for REGISTER_IP_BURST/,
    );
  });

  it('reads sizes, lists and the scaled-out settings', () => {
    const c = AppConfig.fromEnv({
      ...base,
      MAX_UPLOAD_BYTES: '1.5GiB',
      TRANSCODE_RUNGS: '720,360',
      DATABASE_URL: 'postgres://u@db:5432/w',
      REDIS_URL: 'redis://r:6379',
      WEB_ORIGIN: 'https://a.example, https://b.example/',
    });
    assert.equal(c.maxUploadBytes, 1610612736);
    assert.deepEqual(c.transcodeRungs, [720, 360]);
    assert.equal(c.database.type, 'postgres');
    assert.equal(c.transcodeInProcess, false, 'with Redis the transcoders do the work');
    assert.deepEqual(c.webOrigins, ['https://a.example', 'https://b.example']);
  });

  it('refuses bad values with a message naming every bad variable', () => {
    assert.throws(
      () => AppConfig.fromEnv({ ...base, PORT: 'eighty', DATABASE_URL: 'mysql://x', MAX_UPLOAD_BYTES: '10XB', TRANSCODE_RUNGS: '720p' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        ['PORT', 'DATABASE_URL', 'MAX_UPLOAD_BYTES', 'TRANSCODE_RUNGS'].every((name) => err.message.includes(name)),
    );
    assert.throws(() => AppConfig.fromEnv({ ...base, NODE_ENV: 'production' }), /JWT_SECRET: required in production/);
    assert.throws(() => AppConfig.fromEnv({ ...base, JWT_SECRET: 'short' }), /JWT_SECRET: must be at least 32 characters/);
    assert.throws(() => AppConfig.fromEnv({ ...base, KUBO_API_URL: 'localhost:5001' }), /KUBO_API_URL/);
  });

  it('stops the api at start with the message and exit code 78', () => {
    const main = resolve(__dirname, '../../../../apps/api/src/main.js');
    const r = spawnSync(process.execPath, [main], {
      env: { ...process.env, ...base, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 78, r.stderr);
    assert.match(r.stderr, /Invalid configuration:\n\s+PORT:/);
  });
});
