import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineItem, request } from './decision.fixtures';
import type { AdRequest, Targeting } from './decision.types';
import { eligible } from './eligibility';
import { inDayPart } from './targeting';

function reasonFor(targeting: Targeting, req: Partial<AdRequest> = {}): string | null {
  const e = eligible(lineItem({ targeting }), request(req));
  return e.eligible ? null : e.reason;
}

describe('targeting: every set dimension must match', () => {
  // request(): music / [live, jazz], desktop, FR, PREROLL
  const matrix: Array<[string, Targeting, Partial<AdRequest>, string | null]> = [
    ['nothing set matches anything', {}, {}, null],
    ['empty lists are unset', { categories: [], tags: [], devices: [], countries: [], positions: [], dayParts: [] }, {}, null],
    ['category hit', { categories: ['sport', 'music'] }, {}, null],
    ['category hit, any case', { categories: ['MUSIC'] }, {}, null],
    ['category miss', { categories: ['sport'] }, {}, 'CATEGORY'],
    ['tag hit (one of several)', { tags: ['rock', 'jazz'] }, {}, null],
    ['tag miss', { tags: ['rock'] }, {}, 'TAG'],
    ['device hit', { devices: ['mobile', 'desktop'] }, {}, null],
    ['device miss', { devices: ['tv'] }, {}, 'DEVICE'],
    ['unknown device never matches a set device list', { devices: ['desktop'] }, { device: null }, 'DEVICE'],
    ['unknown device with no device targeting', {}, { device: null }, null],
    ['country hit', { countries: ['DE', 'FR'] }, {}, null],
    ['country hit, lower-case header', { countries: ['FR'] }, { country: 'fr' }, null],
    ['country miss', { countries: ['DE'] }, {}, 'COUNTRY'],
    ['missing country header never matches a set country list', { countries: ['FR'] }, { country: null }, 'COUNTRY'],
    ['missing country header with no country targeting', {}, { country: null }, null],
    ['position hit', { positions: ['PREROLL'] }, {}, null],
    ['position miss', { positions: ['MIDROLL'] }, {}, 'POSITION'],
    ['mid-roll request', { positions: ['MIDROLL'] }, { position: 'MIDROLL' }, null],
    [
      'all dimensions set and matching',
      { categories: ['music'], tags: ['live'], devices: ['desktop'], countries: ['FR'], positions: ['PREROLL'] },
      {},
      null,
    ],
    [
      'all match but one (tag)',
      { categories: ['music'], tags: ['rock'], devices: ['desktop'], countries: ['FR'], positions: ['PREROLL'] },
      {},
      'TAG',
    ],
    [
      'all match but one (country)',
      { categories: ['music'], tags: ['live'], devices: ['desktop'], countries: ['US'], positions: ['PREROLL'] },
      {},
      'COUNTRY',
    ],
    ['media kind hit (a video)', { mediaKinds: ['VIDEO'] }, {}, null],
    ['media kind miss (an audio-only line item in a video)', { mediaKinds: ['AUDIO'] }, {}, 'MEDIA_KIND'],
    [
      'media kind hit (audio)',
      { mediaKinds: ['VIDEO', 'AUDIO'] },
      { video: { categories: ['music'], tags: [], kind: 'AUDIO' } },
      'NO_CREATIVE_OF_KIND',
    ],
    ['video without categories vs category targeting', { categories: ['music'] }, { video: { categories: [], tags: [] } }, 'CATEGORY'],
  ];
  for (const [name, targeting, req, expected] of matrix) {
    it(name, () => assert.equal(reasonFor(targeting, req), expected));
  }
});

describe('day-parts: evaluated in the line item time zone, DST-correct', () => {
  const weekdayMorning = { days: [0], startMinute: 9 * 60, endMinute: 10 * 60 }; // Sunday 09:00–10:00

  it('New York, the Sunday clocks spring forward (2024-03-10): 09:30 EDT is 13:30Z, not 14:30Z', () => {
    const t: Targeting = { dayParts: [weekdayMorning], timeZone: 'America/New_York' };
    assert.equal(reasonFor(t, { now: new Date('2024-03-10T13:30:00Z') }), null); // 09:30 EDT (UTC−4)
    assert.equal(reasonFor(t, { now: new Date('2024-03-10T14:30:00Z') }), 'DAY_PART'); // 10:30 EDT
    assert.equal(reasonFor(t, { now: new Date('2024-03-10T12:59:00Z') }), 'DAY_PART'); // 08:59 EDT
    // One week earlier, still EST (UTC−5): the same local hour is an hour later in UTC.
    assert.equal(reasonFor(t, { now: new Date('2024-03-03T14:30:00Z') }), null);
    assert.equal(reasonFor(t, { now: new Date('2024-03-03T13:30:00Z') }), 'DAY_PART');
  });

  it('Berlin, the Sunday clocks fall back (2024-10-27): the repeated 02:00–03:00 hour is in a 02:00–03:00 part both times', () => {
    const t: Targeting = { dayParts: [{ days: [0], startMinute: 120, endMinute: 180 }], timeZone: 'Europe/Berlin' };
    assert.equal(reasonFor(t, { now: new Date('2024-10-27T00:30:00Z') }), null); // 02:30 CEST
    assert.equal(reasonFor(t, { now: new Date('2024-10-27T01:30:00Z') }), null); // 02:30 CET
    assert.equal(reasonFor(t, { now: new Date('2024-10-27T02:30:00Z') }), 'DAY_PART'); // 03:30 CET
    assert.equal(reasonFor(t, { now: new Date('2024-10-26T23:30:00Z') }), 'DAY_PART'); // 01:30 CEST
  });

  it('the weekday is the local one: Kiritimati (UTC+14) is already Monday when UTC is Sunday', () => {
    const monday = { days: [1], startMinute: 0, endMinute: 1440 };
    const sunday = 'Sun 2024-06-16T12:00:00Z';
    const now = new Date('2024-06-16T12:00:00Z');
    assert.equal(reasonFor({ dayParts: [monday], timeZone: 'Pacific/Kiritimati' }, { now }), null, sunday);
    assert.equal(reasonFor({ dayParts: [monday], timeZone: 'UTC' }, { now }), 'DAY_PART');
    assert.equal(reasonFor({ dayParts: [monday] }, { now }), 'DAY_PART', 'no zone means UTC');
  });

  it('half-hour offsets (Kolkata, UTC+5:30)', () => {
    const t: Targeting = { dayParts: [{ days: [3], startMinute: 18 * 60, endMinute: 18 * 60 + 30 }], timeZone: 'Asia/Kolkata' };
    assert.equal(reasonFor(t, { now: new Date('2024-06-12T12:45:00Z') }), null); // Wed 18:15 IST
    assert.equal(reasonFor(t, { now: new Date('2024-06-12T13:00:00Z') }), 'DAY_PART'); // 18:30 IST, end exclusive
  });

  it('any of several parts; overnight parts belong to the day they start', () => {
    const friNight = { days: [5], startMinute: 22 * 60, endMinute: 2 * 60 };
    assert.equal(inDayPart(friNight, 5, 23 * 60), true);
    assert.equal(inDayPart(friNight, 6, 60), true); // Saturday 01:00
    assert.equal(inDayPart(friNight, 6, 23 * 60), false);
    assert.equal(inDayPart(friNight, 5, 60), false); // Friday 01:00 is Thursday night's
    assert.equal(inDayPart({ days: [6], startMinute: 22 * 60, endMinute: 60 }, 0, 30), true); // Saturday → Sunday wraps the week
    assert.equal(inDayPart({ days: [1], startMinute: 600, endMinute: 600 }, 1, 600), false);
    const t: Targeting = {
      dayParts: [
        { days: [1], startMinute: 0, endMinute: 60 },
        { days: [3], startMinute: 720, endMinute: 780 },
      ],
    };
    assert.equal(reasonFor(t, { now: new Date('2024-06-12T12:10:00Z') }), null); // Wednesday 12:10 UTC
  });

  it('an unknown time zone never serves, with its own reason', () => {
    assert.equal(
      reasonFor({ dayParts: [{ days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440 }], timeZone: 'Mars/Olympus' }),
      'BAD_TIME_ZONE',
    );
  });
});
