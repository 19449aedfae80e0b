import { EMPTY_FILE, NOT_A_MEDIA_FILE } from '@wetube/media-messages';
import { formatBytes, formatDuration } from '@/lib/format';
import { sniffMedia, SNIFF_BYTES } from '@/lib/media-sniff';

export function stripExtension(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(0, i) : name;
}

export function tooBigMessage(size: number, maxUploadBytes: number): string {
  return `This file is too big: ${formatBytes(size)}. The limit is ${formatBytes(maxUploadBytes)}. Choose a smaller file.`;
}

export function tooLongMessage(durationSec: number, maxDurationSec: number): string {
  return `This video is too long: ${formatDuration(durationSec)}. The limit is ${formatDuration(maxDurationSec)}.`;
}

/** Reads the duration of a local file when the browser can decode it; null otherwise. */
export function probeDuration(file: File): Promise<number | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const el = document.createElement('video');
    let done = false;
    const finish = (v: number | null) => {
      if (done) return;
      done = true;
      URL.revokeObjectURL(url);
      el.removeAttribute('src');
      resolve(v);
    };
    const timer = window.setTimeout(() => finish(null), 5000);
    el.preload = 'metadata';
    el.muted = true;
    el.onloadedmetadata = () => {
      window.clearTimeout(timer);
      finish(Number.isFinite(el.duration) ? el.duration : null);
    };
    el.onerror = () => {
      window.clearTimeout(timer);
      finish(null);
    };
    el.src = url;
  });
}

/**
 * Refuses a file that is plainly not audio or video by its first bytes, with the words the server
 * would use after probing it (one shared constant); null when the file may go up.
 */
export async function refuseNonMedia(file: File): Promise<string | null> {
  if (file.size === 0) return EMPTY_FILE;
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  } catch {
    return null; // unreadable here: let the server judge
  }
  return sniffMedia(head) ? null : NOT_A_MEDIA_FILE;
}
