import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { encodeCursor } from '@wetube/platform';
import { encodeMostViewedCursor, parseAfter, parseMostViewedAfter } from './channel-cursors';

function refused(fn: () => unknown): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof GraphQLError && e.extensions.code === 'BAD_USER_INPUT' && e.extensions.argumentName === 'after',
  );
}

describe('channel video cursors', () => {
  const row = { viewCount: 42, createdAt: new Date('2026-03-01T10:00:00.123Z'), id: 'b6d0c1a2-0000-4000-8000-000000000001' };

  it('a MOST_VIEWED cursor carries the count, the date and the id', () => {
    assert.deepEqual(parseMostViewedAfter(encodeMostViewedCursor(row)), row);
    assert.equal(parseMostViewedAfter(null), null);
  });

  it('a date cursor is refused in MOST_VIEWED and the other way round', () => {
    refused(() => parseMostViewedAfter(encodeCursor(row)));
    refused(() => parseAfter(encodeMostViewedCursor(row)));
  });

  it('refuses junk, negative or fractional counts and bad dates', () => {
    refused(() => parseMostViewedAfter('not a cursor'));
    refused(() => parseMostViewedAfter(Buffer.from(JSON.stringify(['views', -1, row.createdAt, row.id])).toString('base64url')));
    refused(() => parseMostViewedAfter(Buffer.from(JSON.stringify(['views', 1.5, row.createdAt, row.id])).toString('base64url')));
    refused(() => parseMostViewedAfter(Buffer.from(JSON.stringify(['views', 1, 'yesterday', row.id])).toString('base64url')));
  });
});
