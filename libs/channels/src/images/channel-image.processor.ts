import sharp from 'sharp';
import { formatBytes } from '@wetube/platform';

export type ChannelImageKind = 'avatar' | 'banner';

/** The most bytes an uploaded channel image may have. */
export const CHANNEL_IMAGE_MAX_BYTES = 6_000_000;

/** What each kind is turned into: WebP renditions, cover-cropped to these sizes. */
export const CHANNEL_IMAGE_SIZES: Record<ChannelImageKind, Array<{ width: number; height: number }>> = {
  avatar: [
    { width: 176, height: 176 },
    { width: 48, height: 48 },
  ],
  banner: [{ width: 2048, height: 1152 }],
};

/** The least an upload must measure (smaller ones would be blown up into mush). */
const MIN_SIZE: Record<ChannelImageKind, { width: number; height: number }> = {
  avatar: { width: 98, height: 98 },
  banner: { width: 1024, height: 576 },
};

/** Formats taken, by what the bytes are (sharp's reading of them), never by the file name. SVG is refused (a document, not a picture). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);
/** Decoding larger pictures than this (pixels) is refused: a small file can claim a huge canvas. */
const MAX_INPUT_PIXELS = 60_000_000;

/** A refused image, with the HTTP status that says why (400, 413, 415) and a message naming the problem. */
export class ChannelImageError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface ProcessedImage {
  width: number;
  height: number;
  bytes: Buffer;
}

/**
 * Checks an upload by its content and re-encodes it: oriented by its EXIF tag, cover-cropped to each
 * size, WebP; no metadata is carried over (sharp writes none unless asked), so EXIF, GPS and ICC
 * text are gone.
 */
export async function processChannelImage(kind: ChannelImageKind, input: Buffer): Promise<ProcessedImage[]> {
  if (input.length === 0) throw new ChannelImageError(400, 'The request has no image: send the picture as the request body.');
  if (input.length > CHANNEL_IMAGE_MAX_BYTES) throw tooLarge(input.length);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw new ChannelImageError(415, 'This file is not a picture we can read: upload a JPEG, PNG, WebP, GIF or AVIF image.');
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) {
    throw new ChannelImageError(
      415,
      `${String(meta.format ?? 'This').toUpperCase()} images are not taken: upload a JPEG, PNG, WebP, GIF or AVIF image.`,
    );
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width * height > MAX_INPUT_PIXELS) throw new ChannelImageError(400, `The picture is ${width}×${height}: too many pixels to take.`);
  const min = MIN_SIZE[kind];
  if (width < min.width || height < min.height) {
    throw new ChannelImageError(400, `The ${kind} is ${width}×${height}; it must be at least ${min.width}×${min.height} pixels.`);
  }
  try {
    return await Promise.all(
      CHANNEL_IMAGE_SIZES[kind].map(async (size) => {
        const bytes = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
          .autoOrient()
          .resize(size.width, size.height, { fit: 'cover', position: 'attention' })
          .webp({ quality: 82 })
          .toBuffer();
        return { ...size, bytes };
      }),
    );
  } catch {
    throw new ChannelImageError(415, 'This picture is damaged or cut short: upload it again or choose another one.');
  }
}

export function tooLarge(bytes: number): ChannelImageError {
  return new ChannelImageError(
    413,
    `The image is ${formatBytes(bytes)}; the most a channel image may be is ${formatBytes(CHANNEL_IMAGE_MAX_BYTES)}.`,
  );
}
