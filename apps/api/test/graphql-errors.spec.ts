import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApi, TestApi } from './api.harness';

async function post(api: TestApi, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('GraphQL: errors the caller caused answer 400, never 500', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi('sqlite', { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COMPLEXITY: '500' });
  });
  after(async () => api?.close());

  it('a cyclic fragment gets 400 with the standard "Cannot spread fragment" error (no stack overflow)', async () => {
    const r = await post(api, 'query { ...F } fragment F on Query { ...F }');
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.data, undefined);
    assert.match(r.body.errors[0].message, /Cannot spread fragment "F" within itself/);
    assert.equal(r.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    const mutual = await post(api, 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    assert.equal(mutual.status, 400);
    assert.match(mutual.body.errors[0].message, /Cannot spread fragment "A" within itself via "B"/);
  });

  it('other malformed documents get 400 with the standard errors: syntax, unknown field, unknown fragment', async () => {
    const syntax = await post(api, 'query { me { ');
    assert.equal(syntax.status, 400);
    assert.equal(syntax.body.errors[0].extensions.code, 'GRAPHQL_PARSE_FAILED');
    const unknown = await post(api, '{ nope }');
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.errors[0].message, /Cannot query field "nope" on type "Query"/);
    const missing = await post(api, '{ ...Missing }');
    assert.equal(missing.status, 400);
    assert.match(missing.body.errors[0].message, /Unknown fragment "Missing"/);
  });

  it('a too-deep document gets 400 QUERY_TOO_DEEP (the depth rule runs after the standard ones), also through fragments', async () => {
    const ok = await post(api, '{ videos { edges { node { id } } } }');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const deep = await post(api, '{ videos { edges { node { owner { id } } } } }');
    assert.equal(deep.status, 400, JSON.stringify(deep.body));
    assert.equal(deep.body.errors[0].extensions.code, 'QUERY_TOO_DEEP');
    const viaFragment = await post(
      api,
      '{ ...V } fragment V on Query { videos { edges { node { ...O } } } } fragment O on Video { owner { id } }',
    );
    assert.equal(viaFragment.status, 400);
    assert.equal(viaFragment.body.errors[0].extensions.code, 'QUERY_TOO_DEEP');
  });

  it('a too-costly document gets 400 QUERY_TOO_COMPLEX: a huge page, an alias bomb', async () => {
    const big = await post(api, '{ videos(first: 1000000) { edges { node { id title } } } }');
    assert.equal(big.status, 400, JSON.stringify(big.body));
    assert.equal(big.body.errors[0].extensions.code, 'QUERY_TOO_COMPLEX');
    assert.match(big.body.errors[0].message, /too complex/);
    assert.equal(big.body.errors[0].extensions.http, undefined, 'the status hint is not sent');
    const viaVariable = await post(api, 'query($n: Int!) { videos(first: $n) { edges { node { id title } } } }', { n: 1000000 });
    assert.equal(viaVariable.status, 400);
    assert.equal(viaVariable.body.errors[0].extensions.code, 'QUERY_TOO_COMPLEX');
    const bomb = `{ ${Array.from({ length: 600 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const r = await post(api, bomb);
    assert.equal(r.status, 400, JSON.stringify(r.body).slice(0, 300));
    assert.equal(r.body.errors[0].extensions.code, 'QUERY_TOO_COMPLEX');
  });

  it('introspection works outside production (tools and codegen in development)', async () => {
    const r = await post(api, INTROSPECTION);
    assert.equal(r.status, 200);
    assert.equal(r.body.data.__schema.queryType.name, 'Query');
  });
});

describe('GraphQL in production: introspection and the IDE are off', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi('sqlite', { NODE_ENV: 'production' });
  });
  after(async () => api?.close());

  it('an introspection query is refused with 400; ordinary queries work', async () => {
    assert.equal(api.config.isProduction, true);
    const r = await post(api, INTROSPECTION);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.match(r.body.errors[0].message, /introspection is not allowed/i);
    const typename = await post(api, '{ __type(name: "User") { name } }');
    assert.equal(typename.status, 400);
    const ok = await post(api, '{ me { id } }');
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.data, { me: null });
  });

  it('GET /graphql from a browser gets no IDE page', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    const text = await res.text();
    assert.doesNotMatch(text, /graphiql|playground|sandbox/i);
  });
});
