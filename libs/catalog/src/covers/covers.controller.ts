import type { IncomingMessage } from 'node:http';
import { Controller, Delete, Get, HttpCode, HttpException, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import {
  AppConfig,
  PICTURE_UPLOAD_LIMIT,
  PictureError,
  RateLimiterFactory,
  allowPictureUpload,
  pictureHttpError,
  receivePicture,
  sendStoredPicture,
  type RateLimiter,
} from '@wetube/platform';
import type { VideoEntity } from '../videos/video.entity';
import { posterUrlOf } from './cover-url';
import { CoverStore } from './cover-store';
import { COVER_SPECS } from './cover.specs';
import { VideoCoverRefused, VideoCoversService } from './video-covers.service';

/**
 * Uploaded covers and thumbnails, the picture's bytes as the request body (any image content type;
 * the bytes decide), owner or admin, signed in (cookie or bearer):
 *   POST   /api/videos/:id/cover[?for=AUDIO|VIDEO]   200 `{ posterUrl, coverUploaded }`
 *   DELETE /api/videos/:id/cover                     200 `{ posterUrl, coverUploaded }` (the transcode's picture again)
 *   GET    /api/covers/<key>.jpg                     the stored JPEG, cacheable for good (a new upload has a new key)
 * `for` names the item's kind while the transcode has not told it yet (the upload page sends the
 * picture while the file is processed). Refusals: 400 too small or empty, 403 not the creator's,
 * 404 no such video, 413 too large (before reading it all), 415 not a picture we take, 429.
 */
@Controller('api')
export class CoversController {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly covers: VideoCoversService,
    private readonly store: CoverStore,
    private readonly config: AppConfig,
    limits: RateLimiterFactory,
  ) {
    this.limiter = limits.create('covers', PICTURE_UPLOAD_LIMIT);
  }

  @Post('videos/:id/cover')
  @HttpCode(200)
  @UseGuards(AuthenticatedGuard)
  async upload(
    @Param('id') id: string,
    @Query('for') shape: string | undefined,
    @Req() req: IncomingMessage,
    @CurrentUser() user: AuthUser,
  ): Promise<VideoCoverAnswer> {
    if (shape !== undefined && shape !== 'AUDIO' && shape !== 'VIDEO') {
      throw new HttpException(
        { statusCode: 400, message: `for=${shape}: say for=AUDIO (a square cover) or for=VIDEO (a 16:9 thumbnail).` },
        400,
      );
    }
    await allowPictureUpload(this.limiter, user.id);
    const body = await receivePicture(req, shape === 'AUDIO' ? COVER_SPECS.AUDIO : COVER_SPECS.VIDEO);
    try {
      return this.answer(await this.covers.set(user, id, body, shape));
    } catch (err) {
      throw httpError(err);
    }
  }

  @Delete('videos/:id/cover')
  @HttpCode(200)
  @UseGuards(AuthenticatedGuard)
  async remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<VideoCoverAnswer> {
    try {
      return this.answer(await this.covers.clear(user, id));
    } catch (err) {
      throw httpError(err);
    }
  }

  @Get('covers/:file')
  async serve(@Param('file') file: string, @Res() res: Response): Promise<void> {
    sendStoredPicture(res, await this.store.read(file), 'image/jpeg', 'No such cover.');
  }

  private answer(video: VideoEntity): VideoCoverAnswer {
    return { posterUrl: posterUrlOf(this.config.publicApiUrl, video), coverUploaded: !!video.coverKey };
  }
}

export interface VideoCoverAnswer {
  posterUrl: string | null;
  coverUploaded: boolean;
}

function httpError(err: unknown): unknown {
  if (err instanceof PictureError) return pictureHttpError(err);
  if (err instanceof VideoCoverRefused) return new HttpException({ statusCode: err.status, message: err.message }, err.status);
  return err;
}
