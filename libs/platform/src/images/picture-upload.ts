import type { IncomingMessage } from 'node:http';
import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import { PictureError, pictureTooLarge, type PictureSpec } from './picture.processor';

/** Picture uploads per account (re-encoding is CPU work): 20 at once, then one per 30 s. */
export const PICTURE_UPLOAD_LIMIT = { burst: 20, perSecond: 20 / 600 };

/** 429 naming the wait when the account sent too many pictures lately (a limiter made with PICTURE_UPLOAD_LIMIT). */
export async function allowPictureUpload(limiter: RateLimiter, userId: string): Promise<void> {
  const limit = await limiter.consume(userId);
  if (!limit.ok)
    throw new HttpException({ statusCode: 429, message: `Too many image uploads; try again in ${limit.retryAfterSec} s.` }, 429);
}

/**
 * The bytes of a picture sent as the request body (any image content type; the bytes decide):
 * 413 over the spec's size (from Content-Length before reading, and while reading), 415 for a
 * multipart form. Throws Nest HttpExceptions naming the problem.
 */
export async function receivePicture(req: IncomingMessage, spec: PictureSpec): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > spec.maxBytes) throw pictureHttpError(pictureTooLarge(spec, declared));
  if (/^multipart\//i.test(String(req.headers['content-type'] ?? ''))) {
    throw new HttpException({ statusCode: 415, message: 'Send the picture itself as the request body, not a multipart form.' }, 415);
  }
  return readBodyAtMost(req, spec.maxBytes, (size) => pictureHttpError(pictureTooLarge(spec, size)));
}

/** A refused picture as the HTTP error that says why. */
export function pictureHttpError(err: PictureError): HttpException {
  if (err.status === 400) return new BadRequestException(err.message);
  return new HttpException({ statusCode: err.status, message: err.message }, err.status);
}

/** The request body, at most `max` bytes (else `tooLarge(size)` without reading the rest). */
function readBodyAtMost(req: IncomingMessage, max: number, tooLarge: (size: number) => Error): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        req.pause();
        reject(tooLarge(size));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!done) reject(err);
    });
  });
}

/**
 * Answers a stored picture (or 404): stored pictures get a new name on every upload, so they are
 * cacheable for good; nosniff, and readable from the web origin (CORP cross-origin).
 */
export function sendStoredPicture(res: ServerResponse, bytes: Buffer | null, contentType: string, missing = 'No such image.'): void {
  if (!bytes) throw new NotFoundException(missing);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}
