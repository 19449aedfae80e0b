import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanAudioTags } from './audio-tags.validator';

const FROM_FILE = { title: 'Song', artist: 'Band', album: 'LP', track: 3, year: 2001, genre: 'Jazz' };

describe('cleanAudioTags', () => {
  it('keeps what is left out, trims what is given and clears what is emptied', () => {
    const r = cleanAudioTags({ artist: '  The   Band ', album: '', year: null }, FROM_FILE);
    assert.deepEqual(r, { ok: true, value: { title: 'Song', artist: 'The Band', track: 3, genre: 'Jazz' } });
  });

  it('sets numbers in range', () => {
    const r = cleanAudioTags({ trackNumber: 12, year: 1999 }, undefined);
    assert.deepEqual(r, { ok: true, value: { track: 12, year: 1999 } });
  });

  it('names every problem under audioTags.<field>', () => {
    const r = cleanAudioTags({ artist: 'x'.repeat(201), trackNumber: 0, year: 3000 }, FROM_FILE);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.errors.map((e) => [e.field.join('.'), e.code]),
      [
        ['input.audioTags.artist', 'TAG_TOO_LONG'],
        ['input.audioTags.trackNumber', 'BAD_TRACK'],
        ['input.audioTags.year', 'BAD_YEAR'],
      ],
    );
    assert.equal(cleanAudioTags({ trackNumber: 2.5 }, undefined).ok, false);
  });
});
