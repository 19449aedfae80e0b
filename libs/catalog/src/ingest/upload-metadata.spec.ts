import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Visibility } from '../videos/video.enums';
import { parseUploadDetails } from './upload-metadata';

describe('parseUploadDetails (tus Upload-Metadata besides the title)', () => {
  it('leaves everything unset when the keys are absent', () => {
    assert.deepEqual(parseUploadDetails({ filename: 'a.mp4', title: 'A' }), { ok: true, value: {} });
    assert.deepEqual(parseUploadDetails(undefined), { ok: true, value: {} });
  });

  it('cleans description, tags, visibility and category as updateVideo does', () => {
    const r = parseUploadDetails({ description: '  by the sea  ', tags: 'Sea, #waves,,sea ', visibility: 'unlisted', category: ' music ' });
    assert.deepEqual(r, {
      ok: true,
      value: { description: 'by the sea', tags: ['sea', 'waves'], visibility: Visibility.UNLISTED, category: 'Music' },
    });
  });

  it('reads the audio flags podcast and normalize (true/false, any case)', () => {
    assert.deepEqual(parseUploadDetails({ podcast: 'TRUE' }), { ok: true, value: { podcast: true } });
    assert.deepEqual(parseUploadDetails({ podcast: 'true', normalize: 'false' }), { ok: true, value: { podcast: true, normalize: false } });
    assert.deepEqual(parseUploadDetails({ normalize: '1' }), { ok: true, value: { normalize: true } });
  });

  it('an empty category means none and an empty visibility the default', () => {
    assert.deepEqual(parseUploadDetails({ category: '', visibility: '' }), { ok: true, value: {} });
  });

  it('names the field and the problem for each bad value', () => {
    const cases: [Record<string, string>, string, string, RegExp][] = [
      [{ visibility: 'SECRET' }, 'visibility', 'VISIBILITY_UNKNOWN', /PUBLIC, UNLISTED or PRIVATE/],
      [{ category: 'Knitting' }, 'category', 'CATEGORY_UNKNOWN', /no category "Knitting"/],
      [{ description: 'x'.repeat(5001) }, 'description', 'DESCRIPTION_TOO_LONG', /at most 5000 characters/],
      [{ tags: Array.from({ length: 31 }, (_, i) => `t${i}`).join(',') }, 'tags', 'TOO_MANY_TAGS', /at most 30 tags/],
      [{ tags: 'y'.repeat(41) }, 'tags', 'TAG_TOO_LONG', /longer than 40/],
      [{ podcast: 'maybe' }, 'podcast', 'INVALID_FLAG', /"podcast" must be true or false, not "maybe"/],
      [{ normalize: 'loud' }, 'normalize', 'INVALID_FLAG', /"normalize" must be true or false/],
    ];
    for (const [meta, field, code, message] of cases) {
      const r = parseUploadDetails(meta);
      assert.equal(r.ok, false, JSON.stringify(meta).slice(0, 60));
      if (r.ok) continue;
      assert.deepEqual([r.error.field.at(-1), r.error.code], [field, code]);
      assert.match(r.error.message, message);
    }
  });
});
