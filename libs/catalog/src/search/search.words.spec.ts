import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { editDistanceWithin, typoBudget } from './edit-distance';
import { prng, typo, words } from './search.corpus';
import { parseSearchQuery } from './search.query';
import { letterMask } from './search.sqlite';
import { ftsMatch } from './search.sqlite';
import { tsQueryText } from './search.postgres';

describe('search words', () => {
  it('measures edit distance with swaps, and gives up past the bound', () => {
    assert.equal(editDistanceWithin('query', 'query', 2), 0);
    assert.equal(editDistanceWithin('qurey', 'query', 2), 1, 'a swap is one edit');
    assert.equal(editDistanceWithin('quer', 'query', 2), 1);
    assert.equal(editDistanceWithin('qwery', 'query', 2), 1);
    assert.equal(editDistanceWithin('kitten', 'sitting', 3), 3);
    assert.equal(editDistanceWithin('kitten', 'sitting', 1), 2, 'beyond the bound: bound + 1');
    assert.deepEqual(['cat', 'lava', 'volcanos', 'tectonics'].map(typoBudget), [0, 1, 2, 2]);
  });

  it('the letter-set test never rejects a word within the distance (1,000 generated typos)', () => {
    const r = prng(5);
    for (const [i, w] of words(1000, 3).entries()) {
      const t = typo(w, Math.floor(r() * 1000) + i);
      assert.ok(editDistanceWithin(w, t, 1) <= 1, `${w} → ${t}`);
      let x = (letterMask(w) ^ letterMask(t)) >>> 0;
      let bits = 0;
      for (; x; x &= x - 1) bits++;
      assert.ok(bits <= 2, `${w} → ${t}: ${bits} bits`);
    }
  });

  it('cuts user text into words: FTS syntax, SQL, control characters and emoji separate words', () => {
    assert.deepEqual(parseSearchQuery('NEAR("a" b*) OR c:d -e ^f {g}'), {
      ok: true,
      words: ['near', 'a', 'b', 'or', 'c', 'd', 'e', 'f', 'g'],
    });
    assert.deepEqual(parseSearchQuery("x'; DROP TABLE videos; --"), { ok: true, words: ['x', 'drop', 'table', 'videos'] });
    assert.deepEqual(parseSearchQuery('Café\u0000naïve🔥ＦＵＬＬ'), { ok: true, words: ['café', 'naïve', 'full'] });
    assert.equal(parseSearchQuery('🔥').ok, false);
  });

  it('quotes every word in the FTS5 MATCH and tsquery text it builds', () => {
    const groups = [
      { word: 'near', prefix: false, variants: [] },
      { word: 'or', prefix: true, variants: ['of'] },
    ];
    assert.equal(ftsMatch(groups), '("near") AND ("or" OR "or"* OR "of")');
    assert.equal(tsQueryText(groups), "('near') & ('or' | 'or':* | 'of')");
    assert.equal(tsQueryText(groups, 'A'), "('near':A) & ('or':A | 'or':*A | 'of':A)");
    assert.equal(ftsMatch([{ word: 'a"b', prefix: false, variants: [] }]), '("a""b")');
    assert.equal(tsQueryText([{ word: "a'b\\", prefix: false, variants: [] }]), "('a''b\\\\')");
  });
});
