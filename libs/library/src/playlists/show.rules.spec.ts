import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalLanguage, cleanShow, DEFAULT_SHOW, podcastGuid } from './show.rules';

describe('show rules', () => {
  it("podcast:guid is the spec's UUIDv5 of the feed URL without scheme and trailing slash", () => {
    // The example of the Podcasting 2.0 namespace's <podcast:guid> section.
    assert.equal(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml'), '917393e3-1b1e-5cef-ace4-edaa54e1f810');
    assert.equal(podcastGuid('http://mp3s.nashownotes.com/pc20rss.xml/'), '917393e3-1b1e-5cef-ace4-edaa54e1f810');
  });

  it('takes BCP 47 tags in canonical case and refuses unknown languages', () => {
    assert.equal(canonicalLanguage('en-us'), 'en-US');
    assert.equal(canonicalLanguage('de'), 'de');
    assert.equal(canonicalLanguage('zh-hant-tw'), 'zh-Hant-TW');
    assert.equal(canonicalLanguage('zz'), null);
    assert.equal(canonicalLanguage('english'), null);
    assert.equal(canonicalLanguage('en_US!'), null);
  });

  it('checks categories against the Apple list and clears a subcategory of another category', () => {
    const r = cleanShow({ category: 'Arts', subcategory: 'Books' }, DEFAULT_SHOW);
    assert.ok(r.ok);
    assert.deepEqual([r.value.category, r.value.subcategory], ['Arts', 'Books']);
    const moved = cleanShow({ category: 'Technology' }, r.value);
    assert.ok(moved.ok && moved.value.subcategory === null);
    const bad = cleanShow({ category: 'Cooking', language: 'xx', subcategory: 'Drama' }, DEFAULT_SHOW);
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.errors.map((e) => e.code),
      ['LANGUAGE_UNKNOWN', 'CATEGORY_UNKNOWN', 'SUBCATEGORY_UNKNOWN'],
    );
  });
});
