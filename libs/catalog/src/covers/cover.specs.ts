import type { PictureSpec } from '@wetube/platform';

/** The most bytes an uploaded cover, thumbnail or artwork may have. */
export const COVER_MAX_BYTES = 10_000_000;

/**
 * What an uploaded picture becomes, by what it is for. One JPEG each (podcast apps take JPEG or
 * PNG, not WebP, and the feed points at the same file the pages show), cover-cropped:
 * - a video's thumbnail: 1280×720, at least 640×360 (YouTube's sizes);
 * - an audio item's cover and an album's artwork: 1400×1400 square, at least 500×500;
 * - a show's artwork: 1400×1400, at least 1400×1400 (Apple Podcasts refuses smaller show artwork).
 */
/** A square 1400×1400 JPEG, at least `min` pixels a side. */
const square = (label: string, min: number, minReason?: string): PictureSpec => ({
  label,
  min: { width: min, height: min },
  ...(minReason ? { minReason } : {}),
  sizes: [{ width: 1400, height: 1400 }],
  format: 'jpeg',
  maxBytes: COVER_MAX_BYTES,
});

export const COVER_SPECS = {
  VIDEO: {
    label: 'thumbnail',
    min: { width: 640, height: 360 },
    sizes: [{ width: 1280, height: 720 }],
    format: 'jpeg',
    maxBytes: COVER_MAX_BYTES,
  },
  AUDIO: square('cover', 500),
  ALBUM: square('album artwork', 500),
  SHOW: square('show artwork', 1400, 'podcast apps such as Apple Podcasts refuse smaller show artwork'),
} satisfies Record<string, PictureSpec>;

export type CoverKind = keyof typeof COVER_SPECS;
