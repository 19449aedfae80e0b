import { formatBytes, formatDuration } from '@/lib/format';

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
