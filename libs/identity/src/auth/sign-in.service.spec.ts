import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fake, newTestService } from '@wetube/testing';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { type AttemptDecision, LoginThrottle } from './login-throttle';
import { SignInService } from './sign-in.service';

const ADA = { id: 'u1', email: 'ada@example.com' } as UserEntity;

function signIn(decision: AttemptDecision, user: UserEntity | null = ADA) {
  return newTestService(SignInService, {
    fakes: [
      fake(UsersService, { authenticate: async () => user }),
      fake(LoginThrottle, {
        attempt: async () => decision,
        failed: async () => undefined,
        succeeded: async () => ({ failedAttempts: 2, lockouts: 0 }),
        register: async () => ({ ok: true }) as const,
      }),
    ],
  });
}

describe('SignInService (small: users and throttle faked)', () => {
  it('the right password signs in and hands back what happened to the account meanwhile', async () => {
    const t = signIn({ ok: true, attempt: 1 });
    const r = await t.sut.signIn('ada@example.com', 'pw', '198.51.100.1');
    assert.deepEqual(r, { ok: true, user: ADA, notice: { failedAttempts: 2, lockouts: 0 } });
    assert.deepEqual(t.callNames(), ['LoginThrottle.attempt', 'UsersService.authenticate', 'LoginThrottle.succeeded']);
    assert.deepEqual(t.callsTo('UsersService.authenticate'), [['ada@example.com', 'pw']]);
  });

  it('a wrong password is INVALID_CREDENTIALS and reported to the throttle with its attempt number', async () => {
    const t = signIn({ ok: true, attempt: 3 }, null);
    const r = await t.sut.signIn('ada@example.com', 'nope', '198.51.100.1');
    assert.deepEqual(r, { ok: false, code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' });
    assert.deepEqual(t.callsTo('LoginThrottle.failed'), [['ada@example.com', '198.51.100.1', 3]]);
    assert.deepEqual(t.callsTo('LoginThrottle.succeeded'), []);
  });

  it('while the account waits the password is not even checked: RATE_LIMITED, with when to come back', async () => {
    const t = signIn({ ok: false, retryAfterSec: 120, scope: 'account' });
    const before = Date.now();
    const r = await t.sut.signIn('ada@example.com', 'pw', '198.51.100.1');
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.code === 'RATE_LIMITED');
    assert.equal(r.message, 'Too many failed sign-ins for this account. Try again in 2 min.');
    assert.equal(r.retryAfterSec, 120);
    assert.ok(r.retryAt.getTime() >= before + 120_000 && r.retryAt.getTime() <= Date.now() + 120_000);
    assert.deepEqual(t.callNames('UsersService'), []);
  });

  it('an address over its limit is told so, in seconds or hours', async () => {
    const ip = await signIn({ ok: false, retryAfterSec: 30, scope: 'ip' }).sut.signIn('a@example.com', 'pw', '203.0.113.1');
    assert.equal(!ip.ok && ip.message, 'Too many failed sign-ins from your address. Try again in 30 s.');
    const long = await signIn({ ok: false, retryAfterSec: 3 * 3600, scope: 'account' }).sut.signIn('a@example.com', 'pw', '203.0.113.1');
    assert.equal(!long.ok && long.message, 'Too many failed sign-ins for this account. Try again in 3 h.');
  });

  it('registration: null when the address may register, RATE_LIMITED when it may not', async () => {
    const t = signIn({ ok: true, attempt: 1 });
    assert.equal(await t.sut.register('203.0.113.1'), null);
    const refused = newTestService(SignInService, {
      fakes: [fake(LoginThrottle, { register: async () => ({ ok: false, retryAfterSec: 1800 }) as const })],
    });
    const r = await refused.sut.register('203.0.113.1');
    assert.equal(r?.code, 'RATE_LIMITED');
    assert.equal(r?.message, 'Too many accounts registered from your address. Try again in 30 min.');
    assert.deepEqual(refused.callsTo('LoginThrottle.register'), [['203.0.113.1']]);
  });
});
