import type { IncomingMessage } from 'node:http';
import { Controller, Delete, HttpCode, HttpException, Param, Post, Req, UseGuards } from '@nestjs/common';
import { COVER_SPECS, coverUrl } from '@wetube/catalog';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import {
  AppConfig,
  PICTURE_UPLOAD_LIMIT,
  PictureError,
  RateLimiterFactory,
  allowPictureUpload,
  pictureHttpError,
  receivePicture,
  type RateLimiter,
} from '@wetube/platform';
import type { PlaylistResult } from './playlists.service';
import { PlaylistCoversService } from './playlist-covers.service';

/** HTTP status of a refused artwork change, by its code. */
const STATUS: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, NOT_ALBUM_OR_SHOW: 409 };

/**
 * An album's or show's artwork, the picture's bytes as the request body, the owner signed in:
 *   POST   /api/playlists/:id/cover   200 `{ coverUrl, coverUploaded }` (a show's must be at least 1400×1400)
 *   DELETE /api/playlists/:id/cover   200 `{ coverUrl: null, coverUploaded: false }`
 * The stored JPEG is served at /api/covers/<key>.jpg (CoversController). Refusals name the problem:
 * 400 too small or empty, 403 not theirs, 404 no such playlist, 409 a plain playlist, 413, 415, 429.
 */
@Controller('api/playlists')
export class PlaylistCoversController {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly covers: PlaylistCoversService,
    private readonly config: AppConfig,
    limits: RateLimiterFactory,
  ) {
    this.limiter = limits.create('playlist-covers', PICTURE_UPLOAD_LIMIT);
  }

  @Post(':id/cover')
  @HttpCode(200)
  @UseGuards(AuthenticatedGuard)
  async upload(@Param('id') id: string, @Req() req: IncomingMessage, @CurrentUser() user: AuthUser): Promise<PlaylistCoverAnswer> {
    await allowPictureUpload(this.limiter, user.id);
    const body = await receivePicture(req, COVER_SPECS.ALBUM);
    try {
      return this.answer(await this.covers.set(user, id, body));
    } catch (err) {
      if (err instanceof PictureError) throw pictureHttpError(err);
      throw err;
    }
  }

  @Delete(':id/cover')
  @HttpCode(200)
  @UseGuards(AuthenticatedGuard)
  async remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<PlaylistCoverAnswer> {
    return this.answer(await this.covers.clear(user, id));
  }

  private answer(r: PlaylistResult): PlaylistCoverAnswer {
    if (!r.ok) {
      const [e] = r.errors;
      const status = STATUS[e.code] ?? 400;
      throw new HttpException({ statusCode: status, message: e.message, code: e.code, field: e.field }, status);
    }
    const key = r.playlist.coverKey ?? null;
    return { coverUrl: key ? coverUrl(this.config.publicApiUrl, key) : null, coverUploaded: !!key };
  }
}

export interface PlaylistCoverAnswer {
  coverUrl: string | null;
  coverUploaded: boolean;
}
