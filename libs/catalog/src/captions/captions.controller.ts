import { Controller, Delete, HttpCode, HttpException, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import { CAPTION_MAX_BYTES } from '@wetube/media';
import { formatBytes } from '@wetube/platform';
import { CaptionOutcome, CaptionsService, CaptionTrack } from './captions.service';

/**
 * Caption files reach the api as the raw body of a REST request (GraphQL multipart is not set up):
 *   POST   /api/videos/:id/captions/:language?label=…   body: the .vtt or .srt file (any text content type)
 *   DELETE /api/videos/:id/captions/:language
 * Owner (or admin) only, with the session cookie or a bearer token. 201 `{language, label, url, …}`;
 * refusals are `{message, field, code}` with 400 (bad file, language or label), 403, 404, 409,
 * 413 (too large, before reading it all) or 429.
 */
@Controller('api/videos')
export class CaptionsController {
  constructor(private readonly captions: CaptionsService) {}

  @Post(':id/captions/:language')
  @HttpCode(201)
  @UseGuards(AuthenticatedGuard)
  async upload(
    @Param('id') id: string,
    @Param('language') language: string,
    @Query('label') label: string | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaptionTrack> {
    const file = await readBody(req, CAPTION_MAX_BYTES);
    const outcome = await this.captions.upload(user, { videoId: id, language, label: typeof label === 'string' ? label : null, file });
    return answer(outcome, res);
  }

  @Delete(':id/captions/:language')
  @HttpCode(200)
  @UseGuards(AuthenticatedGuard)
  async remove(
    @Param('id') id: string,
    @Param('language') language: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ deletedLanguage: string }> {
    return { deletedLanguage: answer(await this.captions.remove(user, id, language), res) };
  }
}

function answer<T>(outcome: CaptionOutcome<T>, res: Response): T {
  if (outcome.ok) return outcome.value;
  const { status, code, field, message, retryAfterSec } = outcome.problem;
  if (retryAfterSec !== undefined) res.setHeader('Retry-After', String(retryAfterSec));
  throw new HttpException({ statusCode: status, message, field, code }, status);
}

/** The request body, refused with 413 as soon as it is bigger than `max` (by Content-Length, or while reading). */
async function readBody(req: Request, max: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpException(
      {
        statusCode: 413,
        message: `The subtitle file is larger than the limit of ${formatBytes(max)}.`,
        field: 'file',
        code: 'CAPTION_TOO_LARGE',
      },
      413,
    );
  if (Buffer.isBuffer(req.body)) return req.body;
  if (req.readableEnded || (req.body && typeof req.body === 'object' && Object.keys(req.body).length > 0)) {
    throw new HttpException(
      {
        statusCode: 415,
        message: 'Send the subtitle file itself as the request body (e.g. Content-Type: text/vtt).',
        field: 'file',
        code: 'CAPTION_NOT_SUBTITLES',
      },
      415,
    );
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    req.resume(); // drained, so the client can read the 413
    throw tooLarge();
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return; // drained, so the client can read the 413
      total += chunk.length;
      if (total > max) {
        over = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
