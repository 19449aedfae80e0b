import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildStoryboardVtt } from './storyboard.writer';

describe('buildStoryboardVtt', () => {
  const plan = { intervalSec: 2, thumbWidth: 160, thumbHeight: 90, columns: 2, rows: 2 };

  it('writes one cue per interval, tiles row by row, sprite after sprite, last cue ends at the end', () => {
    const vtt = buildStoryboardVtt({ durationSec: 9.5, plan, sprites: ['storyboard_000.jpg', 'storyboard_001.jpg'] });
    assert.equal(
      vtt,
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:02.000',
        'storyboard_000.jpg#xywh=0,0,160,90',
        '',
        '00:00:02.000 --> 00:00:04.000',
        'storyboard_000.jpg#xywh=160,0,160,90',
        '',
        '00:00:04.000 --> 00:00:06.000',
        'storyboard_000.jpg#xywh=0,90,160,90',
        '',
        '00:00:06.000 --> 00:00:08.000',
        'storyboard_000.jpg#xywh=160,90,160,90',
        '',
        '00:00:08.000 --> 00:00:09.500',
        'storyboard_001.jpg#xywh=0,0,160,90',
        '',
      ].join('\n'),
    );
  });

  it('never points at a sprite that does not exist', () => {
    const vtt = buildStoryboardVtt({ durationSec: 100, plan, sprites: ['storyboard_000.jpg'] });
    assert.equal(vtt.match(/-->/g)?.length, 4);
    assert.ok(!vtt.includes('storyboard_001.jpg'));
  });
});
