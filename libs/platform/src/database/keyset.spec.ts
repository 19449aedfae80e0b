import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterCursor, decodeCursor, decodeKeyset, encodeCursor, encodeKeyset, keysetAfter } from './keyset';
import { SqlDialect } from './sql-dialect';

describe('keyset cursors', () => {
  it('round-trips (created_at, id) cursors and refuses anything else', () => {
    const c = { createdAt: new Date('2026-11-24T05:06:07.089Z'), id: 'abc' };
    assert.deepEqual(decodeCursor(encodeCursor(c)), c);
    for (const bad of ['garbage', encodeKeyset(['x', 'y']), encodeKeyset([c.createdAt]), Buffer.from('[1,"a"]').toString('base64url')])
      assert.equal(decodeCursor(bad), null, bad);
    assert.deepEqual(decodeKeyset(encodeKeyset(['r1', '2026-11-24', 'li']), 3), ['r1', '2026-11-24', 'li']);
    assert.equal(decodeKeyset(encodeKeyset(['r1']), 3), null);
  });

  it('writes the condition for rows after the last one seen, whatever the directions', () => {
    assert.deepEqual(
      keysetAfter([
        { column: 'a', value: 1, order: 'DESC' },
        { column: 'b', value: 2, order: 'ASC' },
      ]),
      { sql: '(a < ? OR (a = ? AND b > ?))', params: [1, 1, 2] },
    );
    assert.deepEqual(
      keysetAfter([
        { column: 'a', value: 1, order: 'DESC' },
        { column: 'b', value: 2, order: 'DESC' },
        { column: 'c', value: 3, order: 'DESC' },
      ]),
      { sql: '(a < ? OR (a = ? AND (b < ? OR (b = ? AND c < ?))))', params: [1, 1, 2, 2, 3] },
    );
    const at = new Date('2026-11-24T05:06:07.089Z');
    assert.deepEqual(afterCursor(new SqlDialect(false), { createdAt: at, id: 'x' }), {
      sql: '(created_at < ? OR (created_at = ? AND id < ?))',
      params: ['2026-11-24 05:06:07.089', '2026-11-24 05:06:07.089', 'x'],
    });
  });
});
