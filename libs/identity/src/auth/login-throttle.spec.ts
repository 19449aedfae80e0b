import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppConfig, RateLimiterFactory } from '@wetube/platform';
import { LoginThrottle } from './login-throttle';

// Small tests of the sign-in rules on the in-memory rate-limit store (no Redis, no api, no clock waits).

function throttle(env: Record<string, string> = {}): LoginThrottle {
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    DATA_DIR: '/nonexistent/wetube',
    JWT_SECRET: 'x'.repeat(32),
    LOGIN_FREE_FAILURES: '2',
    LOGIN_LOCK_AFTER_FAILURES: '4',
    LOGIN_DELAY_BASE_SEC: '60',
    LOGIN_LOCK_SEC: '900',
    ...env,
  });
  return new LoginThrottle(config, RateLimiterFactory.inMemory());
}

/** One wrong password, as SignInService reports it. */
async function wrong(t: LoginThrottle, email: string, ip = '198.51.100.1') {
  const d = await t.attempt(email, ip);
  if (d.ok) await t.failed(email, ip, d.attempt);
  return d;
}

describe('LoginThrottle (small: in-memory store)', () => {
  it('the free wrong passwords are checked; the next one makes the account wait LOGIN_DELAY_BASE_SEC, whatever is typed', async () => {
    const t = throttle();
    assert.deepEqual(await wrong(t, 'ada@example.com'), { ok: true, attempt: 1 });
    assert.deepEqual(await wrong(t, 'ada@example.com'), { ok: true, attempt: 2 });
    assert.deepEqual(await wrong(t, 'ada@example.com'), { ok: true, attempt: 3 }, 'the first past the free ones is still checked');
    assert.deepEqual(await t.attempt('ada@example.com', '198.51.100.1'), { ok: false, retryAfterSec: 60, scope: 'account' });
    assert.deepEqual(await t.attempt('other@example.com', '198.51.100.1'), { ok: true, attempt: 1 }, 'other accounts are not held');
  });

  it('LOGIN_LOCK_AFTER_FAILURES wrong passwords in a row lock the account for LOGIN_LOCK_SEC; the owner is told at the next sign-in', async () => {
    const t = throttle({ LOGIN_DELAY_BASE_SEC: '0' });
    for (let i = 1; i <= 4; i++) assert.deepEqual(await wrong(t, 'ada@example.com'), { ok: true, attempt: i });
    assert.deepEqual(await t.attempt('ada@example.com', '198.51.100.1'), { ok: false, retryAfterSec: 900, scope: 'account' });
    assert.deepEqual(await t.succeeded('ada@example.com'), { failedAttempts: 4, lockouts: 1 });
    assert.deepEqual(await t.attempt('ada@example.com', '198.51.100.1'), { ok: true, attempt: 1 }, 'a sign-in that works starts again');
    assert.equal(await t.succeeded('ada@example.com'), null, 'nothing new to tell');
  });

  it('an account is the normalized email: case and spaces do not make a new count', async () => {
    const t = throttle();
    await wrong(t, 'Ada@Example.com');
    await wrong(t, ' ada@example.COM ');
    assert.deepEqual(await t.attempt('ada@example.com', '198.51.100.1'), { ok: true, attempt: 3 });
  });

  it('LOGIN_IP_FAILURES wrong passwords from one address, over any accounts, refuse that address only', async () => {
    const t = throttle({ LOGIN_IP_FAILURES: '3' });
    for (const who of ['a', 'b', 'c']) await wrong(t, `${who}@example.com`, '203.0.113.9');
    const refused = await t.attempt('d@example.com', '203.0.113.9');
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.scope, 'ip');
    assert.deepEqual(await t.attempt('d@example.com', '203.0.113.10'), { ok: true, attempt: 1 });
  });

  it('registrations from one address: REGISTER_IP_BURST at once, then a wait', async () => {
    const t = throttle({ REGISTER_IP_BURST: '2', REGISTER_IP_PER_HOUR: '2' });
    assert.deepEqual(await t.register('203.0.113.5'), { ok: true });
    assert.deepEqual(await t.register('203.0.113.5'), { ok: true });
    const third = await t.register('203.0.113.5');
    assert.equal(third.ok, false);
    assert.ok(!third.ok && third.retryAfterSec > 60, JSON.stringify(third));
    assert.deepEqual(await t.register('203.0.113.6'), { ok: true });
  });
});
