import type { IncomingMessage } from 'node:http';
import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  HttpException,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import { RateLimiterFactory, type RateLimiter } from '@wetube/platform';
import { CHANNEL_IMAGE_MAX_BYTES, ChannelImageError, ChannelImageKind, tooLarge } from './channel-image.processor';
import { ChannelImagesService } from './channel-images.service';

/** Uploads per account: re-encoding is CPU work. */
const UPLOAD_LIMIT = { burst: 20, perSecond: 20 / 600 };

/**
 * `POST /api/channels/me/avatar|banner`: the picture's bytes as the request body (any image
 * content type; the bytes decide), signed in (cookie or bearer). 200 `{avatarUrl…}`; 413 over the
 * size limit (checked from Content-Length before reading, and while reading); 415 not a picture we
 * take; 400 too small or empty; 429 too many uploads.
 * `GET /api/channel-images/<file>`: the stored renditions, cacheable for good (a new upload has a new name).
 */
@Controller('api')
export class ChannelImagesController {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly images: ChannelImagesService,
    limits: RateLimiterFactory,
  ) {
    this.limiter = limits.create('channel-images', UPLOAD_LIMIT);
  }

  @Post('channels/me/:kind')
  @HttpCode(200)
  @UseGuards(AuthenticatedGuard)
  async upload(
    @Param('kind') kind: string,
    @Req() req: IncomingMessage,
    @CurrentUser() user: AuthUser,
  ): Promise<Record<string, string | null>> {
    if (kind !== 'avatar' && kind !== 'banner')
      throw new NotFoundException('Upload to /api/channels/me/avatar or /api/channels/me/banner.');
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > CHANNEL_IMAGE_MAX_BYTES) throw http(tooLarge(declared));
    if (/^multipart\//i.test(String(req.headers['content-type'] ?? ''))) {
      throw new HttpException({ statusCode: 415, message: 'Send the picture itself as the request body, not a multipart form.' }, 415);
    }
    const limit = await this.limiter.consume(user.id);
    if (!limit.ok)
      throw new HttpException({ statusCode: 429, message: `Too many image uploads; try again in ${limit.retryAfterSec} s.` }, 429);
    const body = await readBody(req, CHANNEL_IMAGE_MAX_BYTES);
    try {
      const key = await this.images.upload(user.id, kind as ChannelImageKind, body);
      const urls = this.images.urls(kind as ChannelImageKind, key);
      return kind === 'avatar'
        ? { avatarUrl: urls.get(176) ?? null, avatarSmallUrl: urls.get(48) ?? null }
        : { bannerUrl: urls.get(2048) ?? null };
    } catch (err) {
      if (err instanceof ChannelImageError) throw http(err);
      throw err;
    }
  }

  @Get('channel-images/:file')
  async serve(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const bytes = await this.images.read(file);
    if (!bytes) throw new NotFoundException('No such image.');
    res.setHeader('Content-Type', 'image/webp');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Content-Length', String(bytes.length));
    res.end(bytes);
  }
}

function http(err: ChannelImageError): HttpException {
  if (err.status === 400) return new BadRequestException(err.message);
  return new HttpException({ statusCode: err.status, message: err.message }, err.status);
}

/** The request body, at most `max` bytes (else 413 without reading the rest). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
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
        reject(http(tooLarge(size)));
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
