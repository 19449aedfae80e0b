import { PictureError, processPicture, type PictureSpec, type ProcessedPicture } from '@wetube/platform';

export type ChannelImageKind = 'avatar' | 'banner';

/** The most bytes an uploaded channel image may have. */
export const CHANNEL_IMAGE_MAX_BYTES = 6_000_000;

/** What each kind is turned into (WebP renditions, cover-cropped) and the least it must measure. */
export const CHANNEL_IMAGE_SPECS: Record<ChannelImageKind, PictureSpec> = {
  avatar: {
    label: 'avatar',
    min: { width: 98, height: 98 },
    sizes: [
      { width: 176, height: 176 },
      { width: 48, height: 48 },
    ],
    format: 'webp',
    maxBytes: CHANNEL_IMAGE_MAX_BYTES,
  },
  banner: {
    label: 'banner',
    min: { width: 1024, height: 576 },
    sizes: [{ width: 2048, height: 1152 }],
    format: 'webp',
    maxBytes: CHANNEL_IMAGE_MAX_BYTES,
  },
};

/** The renditions of each kind, by size. */
export const CHANNEL_IMAGE_SIZES: Record<ChannelImageKind, ReadonlyArray<{ width: number; height: number }>> = {
  avatar: CHANNEL_IMAGE_SPECS.avatar.sizes,
  banner: CHANNEL_IMAGE_SPECS.banner.sizes,
};

/** A refused channel image (PictureError: status 400, 413 or 415 and a message naming the problem). */
export { PictureError as ChannelImageError };

/** Checks an upload by its content and re-encodes it (see processPicture): no EXIF, GPS or ICC text kept. */
export function processChannelImage(kind: ChannelImageKind, input: Buffer): Promise<ProcessedPicture[]> {
  return processPicture(CHANNEL_IMAGE_SPECS[kind], input);
}
