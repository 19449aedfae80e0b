'use client';

/** "Share my bandwidth": remembered in localStorage, on unless the viewer turned it off. */
const KEY = 'wetube.p2p.share';

export function loadSharePreference(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function saveSharePreference(on: boolean): void {
  try {
    window.localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    /* private mode: not remembered */
  }
}
