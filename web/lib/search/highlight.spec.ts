import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldWord, hasMatch, highlightParts, matchTerms, queryWords, snippet, type TextPart } from './highlight';

/** The parts as a string with matches in [brackets]. */
const show = (parts: TextPart[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');

describe('highlighting matched words', () => {
  it('cuts a query into folded words as the index does', () => {
    assert.deepEqual(queryWords('  Harbour "SEALS" near(Crème brûlée) seals '), ['harbour', 'seals', 'near', 'creme', 'brulee']);
    assert.deepEqual(queryWords('"*-:'), []);
    assert.equal(foldWord('Ｆｕｌｌ'), 'full');
  });

  it('marks whole words, case and diacritics aside, and the last word as a prefix', () => {
    const terms = matchTerms('harbour se');
    assert.equal(
      show(highlightParts('Harbour seals feeding at the harbour-side', terms)),
      '[Harbour] [seals] feeding at the [harbour]-side',
    );
    assert.equal(show(highlightParts('Crème Brûlée', matchTerms('creme brul'))), '[Crème] [Brûlée]');
    assert.equal(show(highlightParts('sea search', matchTerms('s'))), 'sea search', 'a one-letter last word is no prefix');
    assert.equal(show(highlightParts('harbour seals', matchTerms('harb seals'))), 'harbour [seals]', 'only the last word is a prefix');
  });

  it('marks the words the api matched a typo as', () => {
    const terms = matchTerms('harbor seals', [{ word: 'harbor', matchedAs: ['harbour', 'arbour'] }]);
    assert.equal(show(highlightParts('Harbour seals in an arbour', terms)), '[Harbour] [seals] in an [arbour]');
  });

  it('gives back the text exactly, markup and all, as plain parts', () => {
    const text = '<img src=x onerror=alert(1)> "quoted" & <b>bold</b> 🌋 lava';
    const parts = highlightParts(text, matchTerms('lava bold'));
    assert.equal(parts.map((p) => p.text).join(''), text);
    assert.deepEqual(
      parts.filter((p) => p.match).map((p) => p.text),
      ['bold', 'lava'],
    );
    assert.deepEqual(highlightParts('', matchTerms('x')), []);
    assert.deepEqual(highlightParts('no words here', matchTerms('')), [{ text: 'no words here', match: false }]);
  });

  it('tells whether a text has a match', () => {
    assert.equal(hasMatch('Volcano eruption', matchTerms('erupt')), true);
    assert.equal(hasMatch('Volcano eruption', matchTerms('lava')), false);
  });
});

describe('description snippets', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it('keeps a short description whole, whitespace collapsed', () => {
    assert.equal(snippet('  Lava\n\nat   night ', matchTerms('lava')), 'Lava at night');
  });

  it('starts at the start when the match is early or absent', () => {
    const text = `lava ${filler(100)}`;
    const s = snippet(text, matchTerms('lava'), 120);
    assert.ok(s.startsWith('lava word0'), s);
    assert.ok(s.endsWith('…'), s);
    assert.ok(s.length <= 121, `${s.length}`);
    assert.ok(snippet(filler(100), matchTerms('nothing'), 120).startsWith('word0 '));
  });

  it('shows the first match with a little context before it, cut at spaces', () => {
    const text = `${filler(60)} the volcano erupted at dawn ${filler(60)}`;
    const s = snippet(text, matchTerms('volcano'), 120);
    assert.ok(s.startsWith('…word'), s);
    assert.ok(s.endsWith('…'), s);
    assert.ok(s.includes('the volcano erupted'), s);
    assert.ok(s.indexOf('volcano') > 10, 'context before the match');
    assert.ok(s.length <= 122, `${s.length}`);
  });

  it('shows a match near the end with the text before it', () => {
    const text = `${filler(80)} volcano`;
    const s = snippet(text, matchTerms('volcano'), 100);
    assert.ok(s.endsWith('volcano'), s);
    assert.ok(s.startsWith('…'), s);
  });

  it('never cuts a character in two', () => {
    const text = '🌋'.repeat(300);
    const s = snippet(text, matchTerms('x'), 101);
    assert.ok(!/[\ud800-\udbff]…$/.test(s) && !s.includes('\ufffd'), 'no lone surrogate');
    for (const ch of s.replace('…', '')) assert.ok(ch === '🌋', JSON.stringify(ch));
  });
});
