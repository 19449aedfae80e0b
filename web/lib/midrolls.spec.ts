import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatOffset, parseMidrolls } from './midrolls';

describe('web midrolls', () => {
  it('parses seconds, m:ss and h:mm:ss, sorted without repeats', () => {
    assert.deepEqual(parseMidrolls('8, 1:30, 0:08, 1:00:00'), { ok: true, value: [8, 90, 3600] });
    assert.deepEqual(parseMidrolls('  '), { ok: true, value: [] });
  });

  it('refuses what is not a time, or the start', () => {
    for (const bad of ['1.5', 'abc', '1:75', '-3', '0', '0:00']) {
      const r = parseMidrolls(bad);
      assert.equal(r.ok, false, bad);
    }
    const r = parseMidrolls('8, soon');
    assert.ok(!r.ok && r.error.includes('"soon"'));
  });

  it('formats offsets back', () => {
    assert.deepEqual([8, 90, 3600, 3725].map(formatOffset), ['0:08', '1:30', '1:00:00', '1:02:05']);
    for (const t of [8, 90, 3725]) assert.deepEqual(parseMidrolls(formatOffset(t)), { ok: true, value: [t] });
  });
});
