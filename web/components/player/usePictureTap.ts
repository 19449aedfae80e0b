'use client';

import { useRef, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

interface Controls {
  visible: boolean;
  poke: () => void;
}

/**
 * Touch on the player's frame: a tap while the controls are hidden only brings them back (its click
 * does nothing else, on the picture or on a control); a click on the picture otherwise plays or pauses.
 */
export function usePictureTap(controls: Controls, controlsRef: RefObject<HTMLElement | null>, togglePlay: () => void) {
  /** A touch that only brought the hidden controls back: its click does nothing else. */
  const swallowClickRef = useRef(false);

  /** A click on the picture plays or pauses; a tap while the controls are hidden only shows them. */
  function onPictureClick() {
    if (swallowClickRef.current) {
      swallowClickRef.current = false;
      return;
    }
    togglePlay();
  }

  function onPointerDownCapture(e: ReactPointerEvent) {
    if (e.pointerType !== 'mouse' && !controls.visible) {
      swallowClickRef.current = true;
      if (controlsRef.current?.contains(e.target as Node)) e.stopPropagation();
    } else swallowClickRef.current = false;
    controls.poke();
  }

  function onClickCapture(e: ReactMouseEvent) {
    if (swallowClickRef.current && controlsRef.current?.contains(e.target as Node)) {
      swallowClickRef.current = false;
      e.stopPropagation();
      e.preventDefault();
    }
  }

  return { onPictureClick, onPointerDownCapture, onClickCapture };
}
