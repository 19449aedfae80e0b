import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { breakPoints } from './break-points';

describe('breakPoints', () => {
  it('keeps the default when the creator chose nothing', () => {
    assert.deepEqual(breakPoints(20, null), [0]);
    assert.deepEqual(breakPoints(17 * 60, null), [0, 480, 960]);
  });

  it("places the creator's points after the pre-roll, snapped down onto the 2 s grid", () => {
    assert.deepEqual(breakPoints(20, [8]), [0, 8]);
    assert.deepEqual(breakPoints(20, [9, 3]), [0, 2, 8]);
  });

  it('drops points that land on the pre-roll, on an earlier point, or not before the end', () => {
    assert.deepEqual(breakPoints(20, [1, 8, 9, 20, 25]), [0, 8]);
  });

  it('an empty choice means no mid-roll, the pre-roll stays', () => {
    assert.deepEqual(breakPoints(30 * 60, []), [0]);
  });

  it('a video of 0 s has no break at all', () => {
    assert.deepEqual(breakPoints(0, [5]), []);
  });
});
