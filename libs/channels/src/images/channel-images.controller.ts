import type { IncomingMessage } from 'node:http';
import { Controller, Get, HttpCode, NotFoundException, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import {
  PICTURE_UPLOAD_LIMIT,
  PictureError,
  RateLimiterFactory,
  allowPictureUpload,
  pictureHttpError,
  receivePicture,
  sendStoredPicture,
  type RateLimiter,
} from '@wetube/platform';
import { CHANNEL_IMAGE_SPECS } from './channel-image.processor';
import { ChannelImagesService } from './channel-images.service';

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
    this.limiter = limits.create('channel-images', PICTURE_UPLOAD_LIMIT);
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
    const spec = CHANNEL_IMAGE_SPECS[kind];
    await allowPictureUpload(this.limiter, user.id);
    const body = await receivePicture(req, spec);
    try {
      const key = await this.images.upload(user.id, kind, body);
      const urls = this.images.urls(kind, key);
      return kind === 'avatar'
        ? { avatarUrl: urls.get(176) ?? null, avatarSmallUrl: urls.get(48) ?? null }
        : { bannerUrl: urls.get(2048) ?? null };
    } catch (err) {
      if (err instanceof PictureError) throw pictureHttpError(err);
      throw err;
    }
  }

  @Get('channel-images/:file')
  async serve(@Param('file') file: string, @Res() res: Response): Promise<void> {
    sendStoredPicture(res, await this.images.read(file), 'image/webp');
  }
}
