import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHandle, handleBase } from './channel-handle';
import { cleanLinks } from './channel-links';

describe('channel handle rules', () => {
  it('takes 3-30 of a-z 0-9 . _ -, an @ in front and any case, stored lowercase', () => {
    assert.deepEqual(checkHandle('@Alice.Films_2'), { ok: true, handle: 'alice.films_2' });
    assert.deepEqual(checkHandle('  bob-cam '), { ok: true, handle: 'bob-cam' });
    assert.equal(checkHandle('abc').ok, true);
    assert.equal(checkHandle('a'.repeat(30)).ok, true);
  });

  it('refuses too short, too long, other characters, edges that are not letters or digits, and reserved words', () => {
    for (const bad of ['ab', '@ab', 'a'.repeat(31), 'has space', 'émile', 'semi;colon', '<script>', '.dot', 'dash-', '']) {
      const r = checkHandle(bad);
      assert.equal(r.ok, false, bad);
      assert.equal(!r.ok && r.code, 'HANDLE_INVALID', bad);
    }
    for (const reserved of ['admin', '@Studio', 'SUBSCRIPTIONS', 'watch', 'api']) {
      const r = checkHandle(reserved);
      assert.equal(!r.ok && r.code, 'HANDLE_RESERVED', reserved);
    }
  });

  it('makes a valid handle from any display name', () => {
    assert.equal(handleBase('Émile Zola'), 'emilezola');
    assert.equal(handleBase('李'), 'user');
    assert.equal(handleBase('Admin'), 'admin-channel');
    assert.equal(handleBase('..Jo..'), 'userjo');
    for (const name of ['x', '', '!!!', 'A very long display name that goes on and on', '__init__']) {
      assert.equal(checkHandle(handleBase(name)).ok, true, name);
    }
  });
});

describe('channel links', () => {
  it('keeps http(s) links, titles defaulting to the host', () => {
    const r = cleanLinks([{ url: 'https://example.com/a' }, { title: 'Shop', url: 'http://shop.example.org' }]);
    assert.deepEqual(r, {
      ok: true,
      links: [
        { title: 'example.com', url: 'https://example.com/a' },
        { title: 'Shop', url: 'http://shop.example.org/' },
      ],
    });
  });

  it('refuses other schemes, credentials, non-URLs, too many and long titles, naming the link', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://example.com',
      'example.com',
      'https://user:pw@example.com',
      `https://e.com/${'a'.repeat(600)}`,
    ]) {
      const r = cleanLinks([{ url: 'https://ok.example' }, { url }]);
      assert.equal(r.ok, false, url);
      assert.match(!r.ok ? r.error.message : '', /Link 2/);
      assert.equal(!r.ok && r.error.code, 'LINK_INVALID');
    }
    const many = cleanLinks(Array.from({ length: 6 }, (_, i) => ({ url: `https://e${i}.example` })));
    assert.equal(!many.ok && many.error.code, 'LINKS_TOO_MANY');
    const long = cleanLinks([{ title: 'x'.repeat(41), url: 'https://e.example' }]);
    assert.equal(!long.ok && long.error.code, 'LINK_TITLE_TOO_LONG');
  });
});
