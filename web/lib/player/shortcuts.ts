/**
 * The player's keyboard shortcuts, as YouTube's: a pure mapping from a key press (and what has the
 * focus) to a player action. The player applies the action; this module touches no DOM.
 */

/** Playback speeds offered by the speed menu and stepped through by Shift+> and Shift+<. */
export const PLAYBACK_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export type PlayerAction =
  | { kind: 'toggle-play' }
  | { kind: 'seek-by'; seconds: number }
  /** 0 → the start, 0.9 → 90 % of the duration (keys 0-9). */
  | { kind: 'seek-to-fraction'; fraction: number }
  /** Volume change, in 0..1 units (0.05 = 5 %). */
  | { kind: 'volume-by'; delta: number }
  | { kind: 'toggle-mute' }
  | { kind: 'toggle-fullscreen' }
  /** Captions on (the last or remembered track, else the first) or off. */
  | { kind: 'toggle-captions' }
  /** One step faster (+1) or slower (-1) in PLAYBACK_RATES. */
  | { kind: 'rate-step'; direction: 1 | -1 };

/** The key event's fields the mapping reads (a KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** What has the focus when the key is pressed (an Element has these fields). */
export interface FocusTarget {
  tagName?: string;
  /** For <input>: its type attribute. */
  type?: string;
  isContentEditable?: boolean;
  /** Its role attribute, e.g. 'slider'. */
  role?: string | null;
}

/** <input> types that take no typed text: shortcut letters still work on them. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file', 'image']);
/** Keys a focused slider (the volume slider, the seek bar) handles itself. */
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
/** Elements that space/Enter activate natively (a second, shortcut action would undo it). */
const ACTIVATED_BY_SPACE = new Set(['BUTTON', 'SUMMARY', 'A']);

/** The user is typing: in a text field, a textarea, a select or editable content. No shortcut applies. */
export function isTypingTarget(t: FocusTarget | null | undefined): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = (t.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((t.type ?? 'text').toLowerCase());
  return false;
}

/**
 * The action for a key press, or null when the key is not a shortcut here: a modifier (Ctrl, Cmd,
 * Alt) is held, the user is typing, or the focused element handles the key itself (space on a
 * button or checkbox, arrows on a slider).
 */
export function shortcutFor(e: KeyPress, target?: FocusTarget | null): PlayerAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isTypingTarget(target)) return null;
  const tag = (target?.tagName ?? '').toUpperCase();
  const inputType = tag === 'INPUT' ? (target?.type ?? 'text').toLowerCase() : '';
  if ((e.key === ' ' || e.key === 'Enter') && (ACTIVATED_BY_SPACE.has(tag) || (inputType !== '' && inputType !== 'range'))) return null;
  if (SLIDER_KEYS.has(e.key) && (inputType === 'range' || target?.role === 'slider')) return null;

  switch (e.key) {
    case ' ':
    case 'k':
    case 'K':
      return { kind: 'toggle-play' };
    case 'j':
    case 'J':
      return { kind: 'seek-by', seconds: -10 };
    case 'l':
    case 'L':
      return { kind: 'seek-by', seconds: 10 };
    case 'ArrowLeft':
      return { kind: 'seek-by', seconds: -5 };
    case 'ArrowRight':
      return { kind: 'seek-by', seconds: 5 };
    case 'ArrowUp':
      return { kind: 'volume-by', delta: 0.05 };
    case 'ArrowDown':
      return { kind: 'volume-by', delta: -0.05 };
    case 'm':
    case 'M':
      return { kind: 'toggle-mute' };
    case 'f':
    case 'F':
      return { kind: 'toggle-fullscreen' };
    case 'c':
    case 'C':
      return { kind: 'toggle-captions' };
    case '>':
      return { kind: 'rate-step', direction: 1 };
    case '<':
      return { kind: 'rate-step', direction: -1 };
  }
  if (/^[0-9]$/.test(e.key) && !e.shiftKey) return { kind: 'seek-to-fraction', fraction: Number(e.key) / 10 };
  return null;
}

/** The next speed up (+1) or down (-1) from `current`, staying within PLAYBACK_RATES' ends. */
export function nextRate(current: number, direction: 1 | -1): number {
  const rates = PLAYBACK_RATES as readonly number[];
  if (direction > 0) return rates.find((r) => r > current + 1e-9) ?? rates[rates.length - 1];
  for (let i = rates.length - 1; i >= 0; i--) if (rates[i] < current - 1e-9) return rates[i];
  return rates[0];
}

/** A volume `delta` away from `current`, within 0..1 and rounded to whole percents. */
export function stepVolume(current: number, delta: number): number {
  return Math.round(Math.max(0, Math.min(1, current + delta)) * 100) / 100;
}

/** "1×", "0.25×", "1.5×": the speed menu's labels. */
export function rateLabel(rate: number): string {
  return `${Number(rate.toFixed(2))}×`;
}
