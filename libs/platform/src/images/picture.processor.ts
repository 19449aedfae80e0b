import sharp from 'sharp';
import { formatBytes } from '../format';

/** What an uploaded picture is turned into, and what it must be to be taken. */
export interface PictureSpec {
  /** What the picture is, in messages: "avatar", "cover", "show artwork". */
  label: string;
  /** The least it must measure (smaller ones would be blown up into mush). */
  min: { width: number; height: number };
  /** The renditions made, each cover-cropped to its size. */
  sizes: ReadonlyArray<{ width: number; height: number }>;
  /** WebP for the platform's own pages; JPEG where other apps read it too (podcast feeds). */
  format: 'webp' | 'jpeg';
  /** The most bytes an upload may have. */
  maxBytes: number;
  /** Why the minimum is what it is, added to the too-small message (e.g. podcast apps' rule). */
  minReason?: string;
}

/** Formats taken, by what the bytes are (sharp's reading of them), never by the file name. SVG is refused (a document, not a picture). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);
/** Decoding larger pictures than this (pixels) is refused: a small file can claim a huge canvas. */
const MAX_INPUT_PIXELS = 60_000_000;

/** A refused picture, with the HTTP status that says why (400, 413, 415) and a message naming the problem. */
export class PictureError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface ProcessedPicture {
  width: number;
  height: number;
  bytes: Buffer;
}

/**
 * Checks an upload by its content and re-encodes it: oriented by its EXIF tag, cover-cropped to each
 * size (sharp's attention strategy picks the part kept), WebP or JPEG; no metadata is carried over
 * (sharp writes none unless asked), so EXIF, GPS and ICC text are gone.
 */
export async function processPicture(spec: PictureSpec, input: Buffer): Promise<ProcessedPicture[]> {
  if (input.length === 0) throw new PictureError(400, 'The request has no image: send the picture as the request body.');
  if (input.length > spec.maxBytes) throw pictureTooLarge(spec, input.length);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw new PictureError(415, 'This file is not a picture we can read: upload a JPEG, PNG, WebP, GIF or AVIF image.');
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) {
    throw new PictureError(
      415,
      `${String(meta.format ?? 'This').toUpperCase()} images are not taken: upload a JPEG, PNG, WebP, GIF or AVIF image.`,
    );
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width * height > MAX_INPUT_PIXELS) throw new PictureError(400, `The picture is ${width}×${height}: too many pixels to take.`);
  const { min } = spec;
  if (width < min.width || height < min.height) {
    const why = spec.minReason ? ` (${spec.minReason})` : '';
    throw new PictureError(400, `The ${spec.label} is ${width}×${height}; it must be at least ${min.width}×${min.height} pixels${why}.`);
  }
  try {
    return await Promise.all(
      spec.sizes.map(async (size) => {
        const resized = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
          .autoOrient()
          .resize(size.width, size.height, { fit: 'cover', position: 'attention' });
        const bytes = await (
          spec.format === 'jpeg'
            ? resized.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true })
            : resized.webp({ quality: 82 })
        ).toBuffer();
        return { ...size, bytes };
      }),
    );
  } catch {
    throw new PictureError(415, 'This picture is damaged or cut short: upload it again or choose another one.');
  }
}

export function pictureTooLarge(spec: PictureSpec, bytes: number): PictureError {
  return new PictureError(413, `The image is ${formatBytes(bytes)}; the most it may be is ${formatBytes(spec.maxBytes)}.`);
}
