import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctedQuery, resultCountText, searchProblem } from './search-summary';

describe('result count', () => {
  it('says how many, and 1,000+ where the api stops counting', () => {
    assert.equal(resultCountText(0), 'No results');
    assert.equal(resultCountText(1), '1 result');
    assert.equal(resultCountText(2), 'About 2 results');
    assert.equal(resultCountText(1000), 'About 1,000 results');
    assert.equal(resultCountText(1001), '1,000+ results');
  });
});

describe('did you mean', () => {
  it('replaces each corrected word by its first match, keeping the rest as typed', () => {
    const c = correctedQuery('Harbor  seals at DUKS!', [
      { word: 'harbor', matchedAs: ['harbour', 'arbour'] },
      { word: 'duks', matchedAs: ['dusk'] },
    ]);
    assert.deepEqual(c, {
      text: 'harbour  seals at dusk!',
      parts: [
        { text: 'harbour', match: true },
        { text: '  seals at ', match: false },
        { text: 'dusk', match: true },
        { text: '!', match: false },
      ],
    });
  });

  it('is null when nothing was corrected', () => {
    assert.equal(correctedQuery('harbour', []), null);
    assert.equal(correctedQuery('harbour', [{ word: 'other', matchedAs: ['x'] }]), null);
    assert.equal(correctedQuery('harbor', [{ word: 'harbor', matchedAs: [] }]), null);
  });

  it('trims the text around the words', () => {
    assert.deepEqual(correctedQuery('  harbor  ', [{ word: 'harbor', matchedAs: ['harbour'] }]), {
      text: 'harbour',
      parts: [{ text: 'harbour', match: true }],
    });
  });
});

describe('search problems', () => {
  it('shows bad input with the api words and no retry', () => {
    const p = searchProblem('BAD_USER_INPUT', 'The query is 10240 characters long; at most 200 are searched.');
    assert.equal(p.kind, 'input');
    assert.equal(p.retry, false);
    assert.match(p.detail, /10240 characters/);
  });

  it('offers a retry when waiting or reconnecting can help', () => {
    assert.deepEqual(
      [
        searchProblem('RATE_LIMITED', 'Too many searches; try again in 3 s.'),
        searchProblem('NETWORK', 'down'),
        searchProblem('INTERNAL', ''),
      ].map((p) => [p.kind, p.retry]),
      [
        ['rate-limited', true],
        ['network', true],
        ['server', true],
      ],
    );
    assert.ok(searchProblem('INTERNAL', '').detail.length > 0, 'never a blank message');
  });
});
