import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApi, TestApi } from './api.harness';

const WEB = 'http://web.example:3000';
const EVIL = 'http://evil.example';

describe('CORS: credentials only for the allowed web origins', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi('sqlite', { WEB_ORIGIN: `${WEB},http://other.example` });
  });
  after(async () => api?.close());

  const gql = (origin?: string) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });

  it('an allowed origin gets its origin back with Access-Control-Allow-Credentials: true', async () => {
    for (const origin of [WEB, 'http://other.example']) {
      const res = await gql(origin);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    }
  });

  it('a disallowed origin (or none) gets neither Access-Control-Allow-Origin nor -Credentials', async () => {
    for (const origin of [EVIL, `${WEB}.evil.example`, 'null', undefined]) {
      const res = await gql(origin);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), null, String(origin));
      assert.equal(res.headers.get('access-control-allow-credentials'), null, String(origin));
    }
  });

  it('preflights: allowed gets the CORS answer, disallowed gets no CORS headers', async () => {
    const pre = (origin: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await pre(WEB);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), WEB);
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    const bad = await pre(EVIL);
    assert.equal(bad.headers.get('access-control-allow-origin'), null);
    assert.equal(bad.headers.get('access-control-allow-credentials'), null);
  });

  it('REST routes and tus uploads answer alike', async () => {
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: EVIL },
      body: '{"email":"a@b.c","password":"x"}',
    });
    assert.equal(login.status, 401);
    assert.equal(login.headers.get('access-control-allow-credentials'), null);
    for (const [origin, acac] of [
      [EVIL, null],
      [WEB, 'true'],
    ] as const) {
      const tus = await fetch(`${api.url}/api/uploads`, {
        method: 'POST',
        headers: { origin, 'tus-resumable': '1.0.0', 'upload-length': '10' },
      });
      assert.equal(tus.status, 401, 'anonymous upload');
      assert.equal(tus.headers.get('access-control-allow-credentials'), acac, `tus from ${origin}`);
      const tusPre = await fetch(`${api.url}/api/uploads`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      assert.equal(tusPre.headers.get('access-control-allow-credentials'), acac, `tus preflight from ${origin}`);
    }
  });
});
