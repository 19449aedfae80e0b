// Compiled by web/tsconfig.spec.json (and the root tsconfig.json) into dist/web/lib/ads, so
// scripts/test.sh runs it with the rest of dist/**/*.spec.js.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildLineItemInput,
  formFieldOf,
  LINE_ITEM_FIELDS,
  minorUnitsAsClc,
  parseLocalDateTime,
  splitList,
  splitUserErrors,
  toLocalDateTime,
  type LineItemDraft,
} from './line-item-draft';

const NOW = new Date(2026, 2, 10, 12, 0);
const draft = (over: Partial<LineItemDraft> = {}): LineItemDraft => ({
  campaignId: 'c1',
  name: ' Spring pre-roll ',
  flightStart: '2026-03-10T09:00',
  flightEnd: '2026-03-17T09:00',
  budget: '5',
  dailyCap: '',
  cpmBid: '1',
  pacing: 'EVEN',
  positions: ['PREROLL'],
  devices: [],
  mediaKinds: [],
  countries: '',
  categories: '',
  tags: '',
  timeZone: '',
  ...over,
});

describe('buildLineItemInput', () => {
  it('turns CLC into minor units and local times into ISO instants', () => {
    const r = buildLineItemInput(draft({ dailyCap: '0.5', countries: 'de, fr  DE', tags: 'shoes sale' }), NOW);
    assert.ok(r.ok);
    assert.equal(r.input.name, 'Spring pre-roll');
    assert.equal(r.input.budget, '5000000');
    assert.equal(r.input.dailyCap, '500000');
    assert.equal(r.input.cpmBid, '1000000');
    assert.equal(r.input.flightStart, new Date(2026, 2, 10, 9, 0).toISOString());
    assert.deepEqual(r.input.targeting, {
      positions: ['PREROLL'],
      devices: null,
      mediaKinds: null,
      countries: ['DE', 'FR'],
      categories: null,
      tags: ['shoes', 'sale'],
      timeZone: null,
    });
  });

  it('sends the media kind ticked, and no filter for none or both', () => {
    const only = buildLineItemInput(draft({ mediaKinds: ['AUDIO'] }), NOW);
    assert.ok(only.ok);
    assert.deepEqual(only.input.targeting.mediaKinds, ['AUDIO']);
    const both = buildLineItemInput(draft({ mediaKinds: ['VIDEO', 'AUDIO'] }), NOW);
    assert.ok(both.ok);
    assert.equal(both.input.targeting.mediaKinds, null);
  });

  it('sends no position filter when both are picked', () => {
    const r = buildLineItemInput(draft({ positions: ['PREROLL', 'MIDROLL'] }), NOW);
    assert.ok(r.ok);
    assert.equal(r.input.targeting.positions, null);
  });

  it('names each field at fault', () => {
    const r = buildLineItemInput(
      draft({ name: ' ', flightEnd: '2026-03-09T09:00', budget: 'abc', cpmBid: '1.0005', dailyCap: '9', positions: [], countries: 'DEU' }),
      NOW,
    );
    assert.ok(!r.ok);
    assert.deepEqual(Object.keys(r.errors).sort(), ['budget', 'countries', 'cpmBid', 'flightEnd', 'name', 'positions']);
  });

  it('refuses a daily cap above the budget and a flight already over', () => {
    const r = buildLineItemInput(draft({ dailyCap: '6', flightStart: '2026-03-01T00:00', flightEnd: '2026-03-02T00:00' }), NOW);
    assert.ok(!r.ok);
    assert.match(r.errors.dailyCap!, /more than the budget/);
    assert.match(r.errors.flightEnd!, /past/);
  });
});

describe('dates and lists', () => {
  it('round-trips datetime-local values', () => {
    const d = parseLocalDateTime('2026-03-10T09:05');
    assert.ok(d);
    assert.equal(toLocalDateTime(d), '2026-03-10T09:05');
    assert.equal(parseLocalDateTime('10/03/2026'), null);
  });

  it('splits on commas and spaces, without duplicates', () => {
    assert.deepEqual(splitList(' a, b  c,,a '), ['a', 'b', 'c']);
    assert.deepEqual(splitList(''), []);
  });
});

describe('server userErrors on the form', () => {
  it('maps dotted paths to the form field', () => {
    assert.equal(formFieldOf(['input', 'budget'], LINE_ITEM_FIELDS), 'budget');
    assert.equal(formFieldOf(['input', 'targeting.devices.0'], LINE_ITEM_FIELDS), 'devices');
    assert.equal(formFieldOf(['input', 'targeting.timeZone'], LINE_ITEM_FIELDS), 'timeZone');
    assert.equal(formFieldOf(['input', 'frequencyCaps.perDay'], LINE_ITEM_FIELDS), null);
    assert.equal(formFieldOf(null, LINE_ITEM_FIELDS), null);
  });

  it('keeps the first message per field and the rest as general', () => {
    const s = splitUserErrors(
      [
        { field: ['input', 'budget'], message: 'Not enough.' },
        { field: ['input', 'budget'], message: 'Second.' },
        { field: ['input', 'idempotencyKey'], message: 'Key used.' },
      ],
      LINE_ITEM_FIELDS,
    );
    assert.deepEqual(s, { byField: { budget: 'Not enough.' }, general: ['Key used.'] });
  });
});

describe('minorUnitsAsClc', () => {
  it('says CLC where the server says minor units', () => {
    assert.equal(
      minorUnitsAsClc('Your wallet has less than the budget (1000000000000 minor units).'),
      'Your wallet has less than the budget (1,000,000 CLC).',
    );
    assert.equal(minorUnitsAsClc('at least the platform floor, 1000000 minor units.'), 'at least the platform floor, 1 CLC.');
    assert.equal(minorUnitsAsClc('Give it a name.'), 'Give it a name.');
  });
});
