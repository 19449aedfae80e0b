import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUniqueViolation, sqlTime, toDate, toDateOrNull } from './sql-dialect';

describe('sql values across SQLite and PostgreSQL', () => {
  it("reads SQLite's UTC text, ISO text with an offset, and Dates as the same instant", () => {
    const d = new Date('2026-11-24T05:06:07.089Z');
    assert.equal(sqlTime(false, d), '2026-11-24 05:06:07.089');
    assert.equal(sqlTime(true, d), d);
    for (const v of ['2026-11-24 05:06:07.089', '2026-11-24T05:06:07.089Z', '2026-11-24T06:06:07.089+01:00', d])
      assert.equal(toDate(v).getTime(), d.getTime(), String(v));
    assert.equal(toDateOrNull(null), null);
  });

  it('tells unique violations of both drivers from other errors', () => {
    assert.ok(isUniqueViolation({ code: '23505' }));
    assert.ok(isUniqueViolation({ driverError: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } }));
    assert.ok(isUniqueViolation(new Error('UNIQUE constraint failed: ad_events.impression_id')));
    assert.equal(isUniqueViolation({ code: '23503' }), false);
    assert.equal(isUniqueViolation(new Error('no such table')), false);
  });
});
