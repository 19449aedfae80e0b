import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextActive, suggestionPrefix } from './combobox';

describe('suggestion list keys', () => {
  it('moves down through the options and back to the text', () => {
    assert.deepEqual(
      [-1, 0, 1, 2].map((a) => nextActive(a, 3, 'ArrowDown')),
      [0, 1, 2, -1],
    );
  });

  it('moves up from the text to the last option', () => {
    assert.deepEqual(
      [-1, 2, 1, 0].map((a) => nextActive(a, 3, 'ArrowUp')),
      [2, 1, 0, -1],
    );
  });

  it('stays on the text when there are no options', () => {
    assert.equal(nextActive(-1, 0, 'ArrowDown'), -1);
    assert.equal(nextActive(3, 0, 'ArrowUp'), -1);
  });
});

describe('what to ask suggestions for', () => {
  it('nothing for blank or over-long text', () => {
    assert.equal(suggestionPrefix(''), null);
    assert.equal(suggestionPrefix('   \n'), null);
    assert.equal(suggestionPrefix('x'.repeat(10_240)), null);
  });

  it('the text with its whitespace collapsed', () => {
    assert.equal(suggestionPrefix('  harbour   se'), 'harbour se');
    assert.equal(suggestionPrefix('"NEAR('), '"NEAR(');
  });
});
