import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { ApiClient } from './api.client';
import { databaseMatrix, startApi, TestApi } from './api.harness';

for (const db of databaseMatrix()) {
  describe(`accounts on ${db}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startApi(db);
    });
    after(async () => api?.close());

    it('registers, sets an httpOnly session cookie, and stores only a scrypt hash', async () => {
      const res = await fetch(`${api.url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'Ada@Example.com ', password: 'analytical engine', displayName: 'Ada' }),
      });
      assert.equal(res.status, 201);
      const body: any = await res.json();
      assert.equal(body.user.email, 'ada@example.com');
      assert.deepEqual(body.user.roles, ['viewer', 'creator']);
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /wetube_session=/);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      const rows = await api.app.get(DataSource).query('SELECT password_hash FROM users');
      assert.equal(rows.length, 1);
      assert.match(rows[0].password_hash, /^scrypt\$32768\$8\$1\$/);
      assert.ok(!rows[0].password_hash.includes('analytical'));

      const me = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] },
        body: JSON.stringify({ query: '{ me { email displayName } }' }),
      });
      assert.deepEqual(((await me.json()) as any).data.me, { email: 'ada@example.com', displayName: 'Ada' });
    });

    it('logs in and refuses a wrong password or unknown email alike', async () => {
      const c = new ApiClient(api.url);
      const { email } = await c.signUp('Grace');
      const ok = await c.rest('POST', '/api/auth/login', { email, password: 'correct horse battery' });
      assert.equal(ok.status, 200);
      assert.ok(ok.body.token);
      const bad = await c.rest('POST', '/api/auth/login', { email, password: 'wrong password' });
      const unknown = await c.rest('POST', '/api/auth/login', { email: 'nobody@example.com', password: 'whatever1' });
      assert.equal(bad.status, 401);
      assert.equal(unknown.status, 401);
      assert.equal(bad.body.message, unknown.body.message);
    });

    it('names the field at fault for bad registrations and a taken email', async () => {
      const c = new ApiClient(api.url);
      const short = await c.rest('POST', '/api/auth/register', { email: 'x@example.com', password: 'short', displayName: 'X' });
      assert.equal(short.status, 400);
      assert.equal(short.body.field, 'password');
      assert.match(short.body.message, /at least 8/);
      const badEmail = await c.gql(
        `mutation { register(input: {email: "not-an-email", password: "long enough", displayName: "Y"}) { user { id } userErrors { field message code } } }`,
      );
      assert.equal(badEmail.data.register.user, null);
      assert.deepEqual(badEmail.data.register.userErrors[0].field, ['input', 'email']);
      assert.equal(badEmail.data.register.userErrors[0].code, 'INVALID_EMAIL');
      const { email } = await new ApiClient(api.url).signUp('Taken');
      const dup = await c.gql(
        `mutation($e: String!) { register(input: {email: $e, password: "long enough", displayName: "Z"}) { userErrors { code } } }`,
        { e: email.toUpperCase() },
      );
      assert.equal(dup.data.register.userErrors[0].code, 'EMAIL_TAKEN');
    });

    it('GraphQL login gives a bearer token; a forged token is anonymous; a protected field says UNAUTHENTICATED', async () => {
      const c = new ApiClient(api.url);
      const { email } = await c.signUp('Linus');
      const anon = new ApiClient(api.url);
      const login = await anon.gql(
        `mutation($e: String!) { login(input: {email: $e, password: "correct horse battery"}) { token user { displayName } userErrors { code } } }`,
        { e: email },
      );
      assert.equal(login.data.login.user.displayName, 'Linus');
      anon.token = login.data.login.token;
      assert.equal((await anon.gql('{ me { displayName } }')).data.me.displayName, 'Linus');
      anon.token = login.data.login.token.slice(0, -3) + 'abc';
      assert.equal((await anon.gql('{ me { id } }')).data.me, null);
      const denied = await anon.gql('{ myVideos { totalCount } }');
      assert.equal(denied.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
      const wrong = await anon.gql(
        `mutation($e: String!) { login(input: {email: $e, password: "nope nope"}) { token userErrors { code } } }`,
        { e: email },
      );
      assert.equal(wrong.data.login.token, null);
      assert.equal(wrong.data.login.userErrors[0].code, 'INVALID_CREDENTIALS');
    });

    it('updates the display name and logs out by clearing the cookie', async () => {
      const c = new ApiClient(api.url);
      await c.signUp('Barbara');
      const r = await c.gql(
        `mutation { updateProfile(input: {displayName: "  Barbara L. "}) { user { displayName } userErrors { code } } }`,
      );
      assert.equal(r.data.updateProfile.user.displayName, 'Barbara L.');
      const empty = await c.gql(`mutation { updateProfile(input: {displayName: "  "}) { user { id } userErrors { code } } }`);
      assert.equal(empty.data.updateProfile.userErrors[0].code, 'INVALID_DISPLAY_NAME');
      const out = await fetch(`${api.url}/api/auth/logout`, { method: 'POST' });
      assert.equal(out.status, 204);
      assert.match(out.headers.get('set-cookie') ?? '', /wetube_session=;.*Expires=Thu, 01 Jan 1970/);
    });
  });
}
