import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTypingTarget, nextRate, rateLabel, shortcutFor, stepVolume } from './shortcuts';

const BODY = { tagName: 'BODY' };

describe('player keyboard shortcuts', () => {
  it('maps the YouTube keys to actions', () => {
    assert.deepEqual(shortcutFor({ key: ' ' }, BODY), { kind: 'toggle-play' });
    assert.deepEqual(shortcutFor({ key: 'k' }, BODY), { kind: 'toggle-play' });
    assert.deepEqual(shortcutFor({ key: 'K', shiftKey: true }, BODY), { kind: 'toggle-play' });
    assert.deepEqual(shortcutFor({ key: 'j' }, BODY), { kind: 'seek-by', seconds: -10 });
    assert.deepEqual(shortcutFor({ key: 'l' }, BODY), { kind: 'seek-by', seconds: 10 });
    assert.deepEqual(shortcutFor({ key: 'ArrowLeft' }, BODY), { kind: 'seek-by', seconds: -5 });
    assert.deepEqual(shortcutFor({ key: 'ArrowRight' }, BODY), { kind: 'seek-by', seconds: 5 });
    assert.deepEqual(shortcutFor({ key: 'ArrowUp' }, BODY), { kind: 'volume-by', delta: 0.05 });
    assert.deepEqual(shortcutFor({ key: 'ArrowDown' }, BODY), { kind: 'volume-by', delta: -0.05 });
    assert.deepEqual(shortcutFor({ key: 'm' }, BODY), { kind: 'toggle-mute' });
    assert.deepEqual(shortcutFor({ key: 'f' }, BODY), { kind: 'toggle-fullscreen' });
    assert.deepEqual(shortcutFor({ key: 'c' }, BODY), { kind: 'toggle-captions' });
    assert.deepEqual(shortcutFor({ key: '>', shiftKey: true }, BODY), { kind: 'rate-step', direction: 1 });
    assert.deepEqual(shortcutFor({ key: '<', shiftKey: true }, BODY), { kind: 'rate-step', direction: -1 });
    assert.deepEqual(shortcutFor({ key: '0' }, BODY), { kind: 'seek-to-fraction', fraction: 0 });
    assert.deepEqual(shortcutFor({ key: '7' }, BODY), { kind: 'seek-to-fraction', fraction: 0.7 });
    assert.deepEqual(shortcutFor({ key: '9' }), { kind: 'seek-to-fraction', fraction: 0.9 });
  });

  it('ignores other keys and keys with Ctrl, Cmd or Alt (the browser keeps Ctrl+F, Alt+←)', () => {
    for (const key of ['a', 'x', 'Enter', 'Tab', 'Escape', '.', ',']) assert.equal(shortcutFor({ key }, BODY), null, key);
    assert.equal(shortcutFor({ key: 'f', ctrlKey: true }, BODY), null);
    assert.equal(shortcutFor({ key: 'k', metaKey: true }, BODY), null);
    assert.equal(shortcutFor({ key: 'ArrowLeft', altKey: true }, BODY), null);
  });

  it('does nothing while the user types in a field, a textarea, a select or editable content', () => {
    const typing = [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'input' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ];
    for (const t of typing) {
      assert.equal(isTypingTarget(t), true, JSON.stringify(t));
      for (const key of [' ', 'k', 'j', 'l', 'm', 'f', '5', 'ArrowLeft', '>'])
        assert.equal(shortcutFor({ key }, t), null, `${key} in ${JSON.stringify(t)}`);
    }
    assert.equal(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' }), false);
    assert.equal(isTypingTarget({ tagName: 'BUTTON' }), false);
    assert.equal(isTypingTarget(null), false);
  });

  it('leaves space to a focused button or checkbox and arrows to a focused slider; letters still work there', () => {
    assert.equal(shortcutFor({ key: ' ' }, { tagName: 'BUTTON' }), null);
    assert.equal(shortcutFor({ key: ' ' }, { tagName: 'INPUT', type: 'checkbox' }), null);
    assert.equal(shortcutFor({ key: ' ' }, { tagName: 'SUMMARY' }), null);
    assert.deepEqual(shortcutFor({ key: 'k' }, { tagName: 'BUTTON' }), { kind: 'toggle-play' });
    assert.equal(shortcutFor({ key: 'ArrowUp' }, { tagName: 'INPUT', type: 'range' }), null);
    assert.equal(shortcutFor({ key: 'ArrowRight' }, { tagName: 'DIV', role: 'slider' }), null);
    assert.deepEqual(shortcutFor({ key: 'm' }, { tagName: 'INPUT', type: 'range' }), { kind: 'toggle-mute' });
    assert.deepEqual(shortcutFor({ key: ' ' }, { tagName: 'INPUT', type: 'range' }), { kind: 'toggle-play' });
    assert.deepEqual(shortcutFor({ key: 'ArrowRight' }, { tagName: 'BUTTON' }), { kind: 'seek-by', seconds: 5 });
  });

  it('steps the speed through 0.25..2 and stops at the ends', () => {
    assert.equal(nextRate(1, 1), 1.25);
    assert.equal(nextRate(1, -1), 0.75);
    assert.equal(nextRate(2, 1), 2);
    assert.equal(nextRate(0.25, -1), 0.25);
    assert.equal(nextRate(1.1, 1), 1.25, 'an off-menu speed goes to the next one on the menu');
    assert.equal(nextRate(1.1, -1), 1);
    assert.equal(rateLabel(1), '1×');
    assert.equal(rateLabel(0.25), '0.25×');
  });

  it('keeps the volume within 0..1 in whole percents', () => {
    assert.equal(stepVolume(0.5, 0.05), 0.55);
    assert.equal(stepVolume(0.98, 0.05), 1);
    assert.equal(stepVolume(0.02, -0.05), 0);
    assert.equal(stepVolume(0.1, 0.2), 0.3);
  });
});
