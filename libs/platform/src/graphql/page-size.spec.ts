import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { checkFirst, MAX_PAGE_SIZE, pageSizeProblem } from './page-size';

describe('checkFirst', () => {
  it('answers a page size from 1 to 100', () => {
    assert.equal(MAX_PAGE_SIZE, 100);
    for (const n of [1, 20, 100]) assert.equal(checkFirst(n), n);
  });

  it('refuses 0, 101, fractions and NaN with BAD_USER_INPUT naming "first"', () => {
    for (const n of [0, -1, 101, 1.5, Number.NaN]) {
      assert.throws(
        () => checkFirst(n),
        (e: unknown) =>
          e instanceof GraphQLError &&
          e.message === '"first" must be between 1 and 100.' &&
          e.extensions.code === 'BAD_USER_INPUT' &&
          e.extensions.argumentName === 'first',
        String(n),
      );
    }
  });

  it('takes another limit where a field has one', () => {
    assert.equal(checkFirst(200, 200), 200);
    assert.equal(pageSizeProblem(51, 50), '"first" must be between 1 and 50.');
    assert.equal(pageSizeProblem(50, 50), null);
  });
});
