'use client';

import { useEffect, useRef, type RefObject } from 'react';
import { shortcutFor, type PlayerAction } from '@/lib/player/shortcuts';

/**
 * Keyboard shortcuts (web/lib/player/shortcuts.ts): when the focus is in the player (`container`'s
 * parent) or on the page itself (not a field). Each handled key runs `apply` and `poke`s the controls.
 */
export function useKeyboardShortcuts(container: RefObject<HTMLElement | null>, apply: (action: PlayerAction) => void, poke: () => void) {
  const applyRef = useRef(apply);
  applyRef.current = apply;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      const inPlayer = !!target && !!container.current?.parentElement?.contains(target);
      const onPage = !target || target === document.body || target === document.documentElement;
      if (!inPlayer && !onPage) return;
      const action = shortcutFor(
        e,
        target && {
          tagName: target.tagName,
          type: (target as HTMLInputElement).type,
          isContentEditable: (target as HTMLElement).isContentEditable,
          role: target.getAttribute('role'),
        },
      );
      if (!action) return;
      e.preventDefault();
      applyRef.current(action);
      poke();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [container, poke]);
}
