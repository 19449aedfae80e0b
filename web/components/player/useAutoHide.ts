'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** How long the controls stay after the last pointer movement or key while the video plays. */
export const CONTROLS_HIDE_MS = 3000;

/**
 * Whether the player's controls show: always while paused (or `keep`), and while playing until
 * CONTROLS_HIDE_MS after the last `poke` (pointer movement, a tap, a key). A control with keyboard
 * focus (:focus-visible) inside `controls` keeps them up.
 */
export function useAutoHide(playing: boolean, keep: boolean, controls: RefObject<HTMLElement | null>) {
  const [idle, setIdle] = useState(false);
  const timer = useRef<number | null>(null);

  const clear = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  const schedule = useCallback(() => {
    clear();
    timer.current = window.setTimeout(function hideLater() {
      if (controls.current?.querySelector(':focus-visible')) {
        timer.current = window.setTimeout(hideLater, CONTROLS_HIDE_MS);
        return;
      }
      timer.current = null;
      setIdle(true);
    }, CONTROLS_HIDE_MS);
  }, [controls]);

  const poke = useCallback(() => {
    setIdle(false);
    schedule();
  }, [schedule]);

  const hide = useCallback(() => {
    clear();
    setIdle(true);
  }, []);

  useEffect(() => {
    if (playing && !keep) schedule();
    else {
      clear();
      setIdle(false);
    }
    return clear;
  }, [playing, keep, schedule]);

  return { visible: !playing || keep || !idle, poke, hide };
}
