import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chapterAt, parseChapters, parseTimestamp } from './chapters';

describe('parseTimestamp', () => {
  it('reads m:ss, mm:ss and h:mm:ss', () => {
    assert.equal(parseTimestamp('0:00'), 0);
    assert.equal(parseTimestamp('12:34'), 754);
    assert.equal(parseTimestamp('1:02:03'), 3723);
  });
  it('refuses seconds or minutes over 59', () => {
    assert.equal(parseTimestamp('1:60'), null);
    assert.equal(parseTimestamp('1:60:00'), null);
  });
});

describe('parseChapters', () => {
  const toc = ['Our show today', '', '0:00 Intro', '1:30 - The news', '(12:05) Interview: Ada', '• 1:01:00 | Q&A', 'Thanks!'].join('\n');

  it('reads every timestamp line with its title, bullets and separators aside', () => {
    assert.deepEqual(parseChapters(toc), [
      { startSec: 0, title: 'Intro' },
      { startSec: 90, title: 'The news' },
      { startSec: 725, title: 'Interview: Ada' },
      { startSec: 3660, title: 'Q&A' },
    ]);
  });

  it('accepts CRLF lines and [mm:ss] brackets', () => {
    assert.equal(parseChapters('[00:00] A\r\n[00:20] B\r\n[01:00] C').length, 3);
  });

  it('is empty unless the list starts at 0:00', () => {
    assert.deepEqual(parseChapters('0:10 A\n1:00 B\n2:00 C'), []);
  });

  it('is empty with fewer than three chapters', () => {
    assert.deepEqual(parseChapters('0:00 A\n1:00 B'), []);
    assert.deepEqual(parseChapters('We met at 3:00 and talked.'), []);
  });

  it('is empty when a chapter is shorter than 10 s or the times go back', () => {
    assert.deepEqual(parseChapters('0:00 A\n0:05 B\n1:00 C'), []);
    assert.deepEqual(parseChapters('0:00 A\n2:00 B\n1:00 C'), []);
  });

  it('drops chapters past the end and needs the last to last 10 s', () => {
    assert.equal(parseChapters(toc, 800).length, 3, 'the 1:01:00 chapter is past an 800 s item');
    assert.deepEqual(parseChapters('0:00 A\n1:00 B\n2:00 C', 125), []);
  });

  it('skips lines whose title is empty and cuts long titles', () => {
    assert.deepEqual(
      parseChapters('0:00 A\n0:30\n1:00 B\n2:00 C').map((c) => c.title),
      ['A', 'B', 'C'],
    );
    assert.equal(parseChapters(`0:00 ${'x'.repeat(300)}\n1:00 B\n2:00 C`)[0].title.length, 100);
  });
});

describe('chapterAt', () => {
  const chapters = parseChapters('0:00 A\n1:00 B\n2:00 C');
  it('gives the last chapter started', () => {
    assert.equal(chapterAt(chapters, 0)?.title, 'A');
    assert.equal(chapterAt(chapters, 119.9)?.title, 'B');
    assert.equal(chapterAt(chapters, 5000)?.title, 'C');
    assert.equal(chapterAt([], 10), null);
  });
});
