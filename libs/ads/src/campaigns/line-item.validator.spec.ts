import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCountryCode, LineItemDraft, normalizeTargeting, validateLineItem } from './line-item.validator';

const now = new Date('2026-03-01T12:00:00Z');
const FLOOR = 1_000_000n;
const ok: LineItemDraft = {
  name: 'Spring',
  flightStart: new Date('2026-03-01T00:00:00Z'),
  flightEnd: new Date('2026-03-08T00:00:00Z'),
  budget: 10_000_000n,
  dailyCap: 2_000_000n,
  cpmBid: 2_000_000n,
  pacing: 'EVEN',
  targeting: { countries: ['de'], timeZone: 'Europe/Berlin', dayParts: [{ days: [0, 6], startMinute: 1320, endMinute: 120 }] },
  frequencyCaps: { perDay: 0 },
};
const codes = (d: Partial<LineItemDraft>) => validateLineItem({ ...ok, ...d }, FLOOR, now).map((e) => `${e.field}:${e.code}`);

describe('line item validation', () => {
  it('accepts a sound line item (a day part past midnight, a cap of 0 = never)', () => {
    assert.deepEqual(codes({}), []);
  });

  it('flight, budget, daily cap and bid rules', () => {
    assert.deepEqual(codes({ flightEnd: ok.flightStart }), ['flightEnd:FLIGHT_END_BEFORE_START']);
    assert.deepEqual(codes({ flightStart: new Date('2026-02-01Z'), flightEnd: new Date('2026-03-01T11:59:59Z') }), [
      'flightEnd:FLIGHT_IN_PAST',
    ]);
    assert.deepEqual(codes({ flightEnd: new Date('2027-03-03Z') }), ['flightEnd:FLIGHT_TOO_LONG']);
    assert.deepEqual(codes({ flightStart: new Date('nope') }), ['flightStart:INVALID_DATE']);
    assert.deepEqual(codes({ budget: 0n, dailyCap: null }), ['budget:BUDGET_NOT_POSITIVE']);
    assert.deepEqual(codes({ dailyCap: 10_000_001n }), ['dailyCap:DAILY_CAP_ABOVE_BUDGET']);
    assert.deepEqual(codes({ dailyCap: 10_000_000n }), [], 'a daily cap equal to the budget is fine');
    assert.deepEqual(codes({ dailyCap: 0n }), ['dailyCap:DAILY_CAP_NOT_POSITIVE']);
    assert.deepEqual(codes({ cpmBid: 999_000n }), ['cpmBid:BID_BELOW_FLOOR']);
    assert.deepEqual(codes({ cpmBid: 1_000_000n }), [], 'the floor itself is fine');
    assert.deepEqual(codes({ cpmBid: 1_000_999n }), ['cpmBid:BID_NOT_WHOLE']);
  });

  it('targeting and caps', () => {
    assert.deepEqual(codes({ targeting: { timeZone: 'Europe/Atlantis' } }), ['targeting.timeZone:UNKNOWN_TIME_ZONE']);
    assert.deepEqual(codes({ targeting: { countries: ['GB', 'UK', 'XX', 'D', 'DEU'] } }), [
      'targeting.countries.1:INVALID_COUNTRY',
      'targeting.countries.2:INVALID_COUNTRY',
      'targeting.countries.3:INVALID_COUNTRY',
      'targeting.countries.4:INVALID_COUNTRY',
    ]);
    assert.deepEqual(codes({ targeting: { dayParts: [{ days: [], startMinute: 60, endMinute: 60 }] } }), [
      'targeting.dayParts.0.days:INVALID_DAY_PART',
      'targeting.dayParts.0.endMinute:INVALID_DAY_PART',
    ]);
    assert.deepEqual(codes({ targeting: { dayParts: [{ days: [1.5], startMinute: -1, endMinute: 1440 }] } }), [
      'targeting.dayParts.0.days:INVALID_DAY_PART',
      'targeting.dayParts.0.startMinute:INVALID_DAY_PART',
    ]);
    assert.deepEqual(codes({ targeting: { devices: ['fridge' as never], positions: ['POSTROLL' as never] } }), [
      'targeting.devices.0:INVALID_DEVICE',
      'targeting.positions.0:INVALID_POSITION',
    ]);
    assert.deepEqual(codes({ targeting: { tags: [' '] } }), ['targeting.tags.0:INVALID_TARGETING']);
    assert.deepEqual(codes({ frequencyCaps: { perPod: -1, lifetime: 1.5 } }), [
      'frequencyCaps.lifetime:INVALID_FREQUENCY_CAP',
      'frequencyCaps.perPod:INVALID_FREQUENCY_CAP',
    ]);
  });

  it('country codes are ISO alpha-2 regions Intl knows, any case', () => {
    for (const c of ['DE', 'fr', 'Us', 'JP', 'GB', 'XK']) assert.equal(isCountryCode(c), true, c);
    for (const c of ['XX', 'ZZ', 'UK', 'EU', 'QO', 'EU1', '', 'D1']) assert.equal(isCountryCode(c), false, c);
  });

  it('normalizes what is stored: countries upper-cased, empty lists dropped, UTC by default', () => {
    assert.deepEqual(normalizeTargeting({ countries: ['de'], tags: [], categories: [' Music '] }), {
      categories: ['Music'],
      countries: ['DE'],
      timeZone: 'UTC',
    });
  });
});
