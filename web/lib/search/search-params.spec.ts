import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterOf, hasFilters, parseSearchParams, searchHref } from './search-params';

const parse = (qs: string, orders?: Parameters<typeof parseSearchParams>[1]) => parseSearchParams(new URLSearchParams(qs), orders);

describe('search URL parameters', () => {
  it('reads the text and every choice from the URL', () => {
    assert.deepEqual(parse('q=harbour+seals&duration=long&date=week&type=video&sort=date'), {
      q: 'harbour seals',
      duration: 'LONG',
      uploadDate: 'WEEK',
      type: 'VIDEO',
      sort: 'DATE',
    });
  });

  it('defaults: no text, no filter, relevance', () => {
    assert.deepEqual(parse(''), { q: '', duration: null, uploadDate: null, type: null, sort: 'RELEVANCE' });
  });

  it('ignores values it does not know instead of failing, and accepts any case', () => {
    const p = parse('q=x&duration=forever&date=LAST&type=podcast&sort=random');
    assert.deepEqual(p, { q: 'x', duration: null, uploadDate: null, type: null, sort: 'RELEVANCE' });
    assert.equal(parse('q=x&duration=SHORT').duration, 'SHORT');
    assert.equal(parse('q=x&duration=%20short%20').duration, 'SHORT');
  });

  it('keeps the text as typed, quotes, operators and all', () => {
    for (const q of ['"', 'NEAR(', "'; DROP TABLE videos; --", '  spaced  ', 'a&b=c', 'x'.repeat(10_240)]) {
      const href = searchHref({ q });
      assert.equal(parse(href.split('?')[1]).q, q, JSON.stringify(q).slice(0, 40));
    }
  });

  it('sorts by views only when the api offers it', () => {
    assert.equal(parse('q=x&sort=views', ['RELEVANCE', 'DATE']).sort, 'RELEVANCE');
    assert.equal(parse('q=x&sort=views', ['RELEVANCE', 'DATE', 'VIEWS']).sort, 'VIEWS');
  });

  it('writes URLs without defaults, so equal searches have equal URLs, and round-trips', () => {
    assert.equal(searchHref({ q: 'cats' }), '/search?q=cats');
    assert.equal(searchHref({ q: 'cats', sort: 'RELEVANCE', duration: null }), '/search?q=cats');
    const full = { q: 'sea & sky', duration: 'MEDIUM', uploadDate: 'TODAY', type: 'AUDIO', sort: 'DATE' } as const;
    const href = searchHref(full);
    assert.equal(href, '/search?q=sea+%26+sky&duration=medium&date=today&type=audio&sort=date');
    assert.deepEqual(parse(href.split('?')[1]), full);
  });

  it('gives the api its filter argument, or null when nothing narrows the search', () => {
    assert.equal(filterOf(parse('q=x&sort=date')), null);
    assert.equal(hasFilters(parse('q=x&sort=date')), false);
    assert.deepEqual(filterOf(parse('q=x&duration=short&type=video')), { duration: 'SHORT', type: 'VIDEO' });
    assert.deepEqual(filterOf(parse('q=x&date=hour')), { uploadDate: 'HOUR' });
  });
});
