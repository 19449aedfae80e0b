import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanCommentBody, COMMENT_MAX_CHARS } from './comment-body';
import { commentCursor, commentPosition } from './comment.cursor';

describe('comment text rules (small)', () => {
  it('trims, keeps line breaks as \\n, drops control characters, caps blank lines; HTML stays as typed', () => {
    assert.deepEqual(cleanCommentBody('  a\r\nb\rc\u0000\u0007d\t!  '), { ok: true, body: 'a\nb\ncd\t!' });
    assert.deepEqual(cleanCommentBody('x\n\n\n\n\n\ny'), { ok: true, body: 'x\n\n\ny' });
    assert.deepEqual(cleanCommentBody('<img src=x onerror="alert(1)">'), { ok: true, body: '<img src=x onerror="alert(1)">' });
  });

  it('1 to 10,000 characters (code points, after trimming), with a message naming the count', () => {
    assert.equal(cleanCommentBody(' \n\t\u0000 ').ok, false);
    assert.equal((cleanCommentBody('') as { code: string }).code, 'BODY_EMPTY');
    assert.equal(cleanCommentBody('😀'.repeat(COMMENT_MAX_CHARS)).ok, true, 'emoji count as one character each');
    const long = cleanCommentBody(`  ${'a'.repeat(COMMENT_MAX_CHARS + 5)}  `);
    assert.deepEqual(long, {
      ok: false,
      code: 'BODY_TOO_LONG',
      message: 'A comment can be at most 10,000 characters; this one has 10,005.',
    });
  });
});

describe('comment cursors (small)', () => {
  const c = { likeCount: 7, replyCount: 3, createdAt: new Date('2026-12-03T08:00:00.123Z'), id: 'abc' };

  it('round-trip per list, and a cursor of one list is refused by another', () => {
    assert.deepEqual(commentPosition(commentCursor(c, 'TOP'), 'TOP'), c);
    assert.deepEqual(commentPosition(commentCursor(c, 'NEWEST'), 'NEWEST'), { createdAt: c.createdAt, id: 'abc' });
    assert.deepEqual(commentPosition(commentCursor(c, 'REPLIES'), 'REPLIES'), { createdAt: c.createdAt, id: 'abc' });
    assert.equal(commentPosition(null, 'TOP'), null);
    for (const [cursor, kind] of [
      [commentCursor(c, 'NEWEST'), 'TOP'],
      [commentCursor(c, 'TOP'), 'NEWEST'],
      [commentCursor(c, 'REPLIES'), 'NEWEST'],
      ['', 'NEWEST'],
      ['%%%', 'REPLIES'],
      [Buffer.from(JSON.stringify(['t', 1, -1, c.createdAt, 'abc'])).toString('base64url'), 'TOP'],
      [Buffer.from(JSON.stringify(['t', 1.5, 1, c.createdAt, 'abc'])).toString('base64url'), 'TOP'],
      [Buffer.from(JSON.stringify(['n', 'not a date', 'abc'])).toString('base64url'), 'NEWEST'],
    ] as const) {
      assert.throws(
        () => commentPosition(cursor, kind),
        (e: { extensions?: { code?: string; argumentName?: string } }) =>
          e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.argumentName === 'after',
      );
    }
  });
});
