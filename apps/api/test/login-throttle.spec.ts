import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startApi, TestApi } from './api.harness';

const PASSWORD = 'correct horse battery';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LOGIN = `mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token user { id } userErrors { code } securityNotice { failedAttempts lockouts } } }`;
const REGISTER = `mutation($e: String!) { register(input: {email: $e, password: "${PASSWORD}", displayName: "R"}) { user { id } userErrors { code } } }`;

/** The api trusts X-Forwarded-For from loopback (TRUST_PROXY=loopback): each test speaks from its own client address. */
function client(api: TestApi, ip: string) {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': ip };
  return {
    gql: async (query: string, variables: Record<string, unknown>) =>
      (await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) })).json() as Promise<any>,
    login: (email: string, password: string) => client(api, ip).gql(LOGIN, { e: email, p: password }),
    rest: async (path: string, body: unknown) => {
      const res = await fetch(`${api.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
    },
  };
}

async function register(api: TestApi, ip: string, name: string): Promise<string> {
  const email = `${name}.${randomBytes(3).toString('hex')}@example.com`;
  const r = await client(api, ip).rest('/api/auth/register', { email, password: PASSWORD, displayName: name });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return email;
}

function code(r: any): string {
  return r.errors?.[0]?.extensions?.code ?? r.data?.login?.userErrors?.[0]?.code ?? (r.data?.login?.token ? 'OK' : 'NONE');
}

// 2 free wrong passwords, then a 1 s wait (doubling), the 4th in a row locks for 3 s.
const RULES = { LOGIN_FREE_FAILURES: '2', LOGIN_LOCK_AFTER_FAILURES: '4', LOGIN_DELAY_BASE_SEC: '1', LOGIN_LOCK_SEC: '3' };
// The same with a 10 s lock, for the test that makes 97 attempts inside one lock: on a loaded 2-core
// machine 97 sign-ins took more than 3 s and the lock ended under the test's feet.
const LOCK_SEC = 10;
const RULES_LONG_LOCK = { ...RULES, LOGIN_LOCK_SEC: String(LOCK_SEC) };

describe('sign-in throttling per account (GraphQL login and POST /api/auth/login)', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi('sqlite', RULES_LONG_LOCK);
  });
  after(async () => api?.close());

  it('wrong passwords: free, then a growing wait, then a lock; the 101st is RATE_LIMITED and so is the right password until the lock ends; then the owner is told', async () => {
    const c = client(api, '203.0.113.1');
    const email = await register(api, '203.0.113.1', 'victim');
    assert.equal(code(await c.login(email, 'wrong 1')), 'INVALID_CREDENTIALS');
    assert.equal(code(await c.login(email, 'wrong 2')), 'INVALID_CREDENTIALS');
    assert.equal(
      code(await c.login(email, 'wrong 3')),
      'INVALID_CREDENTIALS',
      'the first past the free ones is still checked; it starts a 1 s wait',
    );
    const waiting = await c.login(email, PASSWORD);
    assert.equal(code(waiting), 'RATE_LIMITED', 'even the right password waits');
    assert.equal(waiting.errors[0].extensions.retryAfterSec, 1);
    assert.ok(Date.parse(waiting.errors[0].extensions.retryAt) > Date.now(), waiting.errors[0].extensions.retryAt);
    await sleep(1100);
    assert.equal(code(await c.login(email, 'wrong 4')), 'INVALID_CREDENTIALS', 'the 4th in a row: checked, and the account is locked');
    let last: any;
    for (let i = 5; i <= 101; i++) {
      last = await c.login(email, `wrong ${i}`);
      assert.equal(code(last), 'RATE_LIMITED', `attempt ${i}`);
    }
    assert.match(last.errors[0].message, /Too many failed sign-ins for this account/);
    assert.ok(
      last.errors[0].extensions.retryAfterSec >= 1 && last.errors[0].extensions.retryAfterSec <= LOCK_SEC,
      JSON.stringify(last.errors[0].extensions),
    );
    assert.equal(code(await c.login(email, PASSWORD)), 'RATE_LIMITED', 'locked: the right password is refused too');
    const rest = await c.rest('/api/auth/login', { email, password: PASSWORD });
    assert.equal(rest.status, 429);
    assert.equal(rest.body.code, 'RATE_LIMITED');
    assert.ok(Number(rest.retryAfter) >= 1 && Number(rest.retryAfter) <= LOCK_SEC, `Retry-After ${rest.retryAfter}`);
    assert.equal(rest.body.retryAfterSec, Number(rest.retryAfter));

    await sleep(Number(rest.retryAfter) * 1000 + 200);
    const ok = await c.login(email, PASSWORD);
    assert.equal(code(ok), 'OK', JSON.stringify(ok));
    assert.deepEqual(ok.data.login.securityNotice, { failedAttempts: 4, lockouts: 1 }, 'the owner is told at the next sign-in');
    const again = await c.login(email, PASSWORD);
    assert.equal(again.data.login.securityNotice, null, 'told once');
  });

  it('a sign-in that works starts the count again (REST too, with the notice in its answer)', async () => {
    const c = client(api, '203.0.113.2');
    const email = await register(api, '203.0.113.2', 'typo');
    assert.equal(code(await c.login(email, 'oops 1')), 'INVALID_CREDENTIALS');
    assert.equal((await c.rest('/api/auth/login', { email, password: 'oops 2' })).status, 401);
    const ok = await c.rest('/api/auth/login', { email, password: PASSWORD });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.securityNotice, { failedAttempts: 2, lockouts: 0 });
    // Had the count not started again, the next wrong password would be the 3rd (a wait) and the one after refused.
    assert.equal(code(await c.login(email, 'oops 3')), 'INVALID_CREDENTIALS');
    assert.equal(code(await c.login(email, 'oops 4')), 'INVALID_CREDENTIALS');
    assert.equal(code(await c.login(email, PASSWORD)), 'OK');
  });

  it('unknown emails are throttled alike (no telling which accounts exist)', async () => {
    const c = client(api, '203.0.113.3');
    for (let i = 0; i < 3; i++) assert.equal(code(await c.login('nobody@example.com', 'x')), 'INVALID_CREDENTIALS');
    assert.equal(code(await c.login('nobody@example.com', 'x')), 'RATE_LIMITED');
  });
});

describe('sign-in and registration limits per client address', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi('sqlite', {
      LOGIN_IP_FAILURES: '3',
      LOGIN_IP_WINDOW_SEC: '60',
      REGISTER_IP_BURST: '2',
      REGISTER_IP_PER_HOUR: '1',
    });
  });
  after(async () => api?.close());

  it('LOGIN_IP_FAILURES wrong passwords from one address, over any accounts, stop its sign-ins; other addresses are not affected', async () => {
    const emails = [await register(api, '198.51.100.50', 'a'), await register(api, '198.51.100.51', 'b')];
    const attacker = client(api, '198.51.100.9');
    assert.equal(code(await attacker.login(emails[0], 'guess 1')), 'INVALID_CREDENTIALS');
    assert.equal(code(await attacker.login(emails[1], 'guess 2')), 'INVALID_CREDENTIALS');
    assert.equal(code(await attacker.login('x@example.com', 'guess 3')), 'INVALID_CREDENTIALS');
    const refused = await attacker.login(emails[1], PASSWORD);
    assert.equal(code(refused), 'RATE_LIMITED');
    assert.match(refused.errors[0].message, /from your address/);
    assert.equal((await attacker.rest('/api/auth/login', { email: emails[0], password: PASSWORD })).status, 429);
    assert.equal(code(await client(api, '198.51.100.10').login(emails[1], PASSWORD)), 'OK', 'the owner elsewhere signs in');
  });

  it('registrations: REGISTER_IP_BURST per address, then RATE_LIMITED (GraphQL) and 429 with Retry-After (REST)', async () => {
    const c = client(api, '198.51.100.20');
    for (let i = 0; i < 2; i++)
      assert.ok((await c.gql(REGISTER, { e: `r${i}.${randomBytes(3).toString('hex')}@example.com` })).data.register.user);
    const gql = await c.gql(REGISTER, { e: `r3.${randomBytes(3).toString('hex')}@example.com` });
    assert.equal(gql.errors?.[0]?.extensions?.code, 'RATE_LIMITED', JSON.stringify(gql));
    assert.ok(gql.errors[0].extensions.retryAfterSec >= 1);
    const rest = await c.rest('/api/auth/register', { email: 'r4@example.com', password: PASSWORD, displayName: 'R' });
    assert.equal(rest.status, 429);
    assert.ok(Number(rest.retryAfter) >= 1);
    assert.equal(
      (await client(api, '198.51.100.21').rest('/api/auth/register', { email: 'r5@example.com', password: PASSWORD, displayName: 'R' }))
        .status,
      201,
    );
  });
});

describe('the limits are shared by api processes through Redis', () => {
  const REDIS_URL = process.env.REDIS_URL;
  let a: TestApi;
  let b: TestApi;
  before(async () => {
    if (!REDIS_URL) return;
    const shared = { ...RULES, REDIS_URL, QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`, TRANSCODE_IN_PROCESS: 'true' };
    [a, b] = await Promise.all([startApi('sqlite', shared), startApi('sqlite', shared)]);
  });
  after(async () => Promise.all([a?.close(), b?.close()]));

  it('failures on one api lock the account on the other; the notice comes from either', async (t) => {
    if (!REDIS_URL) return t.skip('needs REDIS_URL');
    assert.equal(a.config.redisUrl, REDIS_URL);
    // The same account on both (each test api has its own SQLite database).
    const email = `shared.${randomBytes(3).toString('hex')}@example.com`;
    for (const api of [a, b])
      assert.equal(
        (await client(api, '192.0.2.1').rest('/api/auth/register', { email, password: PASSWORD, displayName: 'S' })).status,
        201,
      );
    const [ca, cb] = [client(a, '192.0.2.1'), client(b, '192.0.2.1')];
    assert.equal(code(await ca.login(email, 'w1')), 'INVALID_CREDENTIALS');
    assert.equal(code(await cb.login(email, 'w2')), 'INVALID_CREDENTIALS');
    assert.equal(code(await ca.login(email, 'w3')), 'INVALID_CREDENTIALS');
    assert.equal(code(await cb.login(email, PASSWORD)), 'RATE_LIMITED', 'the wait set on a holds on b');
    await sleep(1100);
    assert.equal(code(await cb.login(email, 'w4')), 'INVALID_CREDENTIALS');
    const locked = await ca.login(email, PASSWORD);
    assert.equal(code(locked), 'RATE_LIMITED', 'locked on b, refused on a');
    await sleep(locked.errors[0].extensions.retryAfterSec * 1000 + 200);
    const ok = await ca.login(email, PASSWORD);
    assert.deepEqual(ok.data.login.securityNotice, { failedAttempts: 4, lockouts: 1 });
    assert.equal((await cb.login(email, PASSWORD)).data.login.securityNotice, null, 'the reset is seen by b');
  });
});
