import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CAPTIONS_OFF, cuePlainText, pickCaptionTrack } from './captions';

describe('cuePlainText', () => {
  it('drops WebVTT tags and decodes character references, so escaped markup shows as typed text', () => {
    assert.equal(cuePlainText('<v Roger><i>Hi</i></v> &amp; <c.loud>bye</c>'), 'Hi & bye');
    assert.equal(cuePlainText('&lt;script&gt;alert(1)&lt;/script&gt;'), '<script>alert(1)</script>');
    assert.equal(cuePlainText('<00:00:01.000>karaoke&#33; &#x263A; &nbsp;x'), 'karaoke! ☺ \u00a0x');
    assert.equal(cuePlainText('two\nlines'), 'two\nlines');
    assert.equal(cuePlainText('&unknown; & plain'), '&unknown; & plain');
  });
});

describe('pickCaptionTrack', () => {
  const tracks = [
    { index: 0, label: 'Deutsch', language: 'de' },
    { index: 1, label: 'English', language: 'en' },
    { index: 2, label: 'Português', language: 'pt' },
  ];
  it('takes the same language, else the same primary language, else none', () => {
    assert.equal(pickCaptionTrack(tracks, 'en'), 1);
    assert.equal(pickCaptionTrack(tracks, 'EN'), 1);
    assert.equal(pickCaptionTrack(tracks, 'pt-BR'), 2);
    assert.equal(pickCaptionTrack(tracks, 'fr'), -1);
  });
  it('off or no choice picks nothing', () => {
    assert.equal(pickCaptionTrack(tracks, CAPTIONS_OFF), -1);
    assert.equal(pickCaptionTrack(tracks, null), -1);
    assert.equal(pickCaptionTrack([], 'en'), -1);
  });
});
