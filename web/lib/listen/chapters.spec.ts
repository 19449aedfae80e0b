import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chapterAt } from './chapters';

const chapters = [
  { startSec: 0, title: 'Intro' },
  { startSec: 60, title: 'News' },
  { startSec: 185.5, title: 'Outro' },
];

describe('listen page chapters', () => {
  it('the chapter playing is the last one started', () => {
    assert.equal(chapterAt(chapters, 0), 0);
    assert.equal(chapterAt(chapters, 59.9), 0);
    assert.equal(chapterAt(chapters, 60), 1);
    assert.equal(chapterAt(chapters, 185.4), 1);
    assert.equal(chapterAt(chapters, 4000), 2);
  });

  it('none before the first chapter or without chapters', () => {
    assert.equal(chapterAt([{ startSec: 10, title: 'Late' }], 5), -1);
    assert.equal(chapterAt([], 5), -1);
  });
});
