import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FeedDocument, ShowFeedService } from './show-feed.service';

/** "abc.xml" → "abc"; null for anything else. */
const FEED_FILE = /^([A-Za-z0-9-]{1,64})\.xml$/;

/**
 * Podcast feeds over plain HTTP (podcast apps poll them):
 *   GET /feeds/shows/<playlistId>.xml                 RSS 2.0 (iTunes + Podcasting 2.0 namespaces)
 *   GET /feeds/episodes/<videoId>/chapters.json       Podcasting 2.0 JSON chapters
 * Both with a strong ETag (hash of the body) and Last-Modified; If-None-Match (first) or
 * If-Modified-Since answer 304. No cookie is read: a feed is what anyone with its URL gets.
 */
@Controller('feeds')
export class ShowFeedController {
  constructor(private readonly feeds: ShowFeedService) {}

  @Get('shows/:file')
  async show(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const id = FEED_FILE.exec(file)?.[1];
    const doc = id ? await this.feeds.feed(id) : null;
    this.answer(doc, req, res, 'public, max-age=300');
  }

  @Get('episodes/:videoId/chapters.json')
  async chapters(@Param('videoId') videoId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.answer(await this.feeds.chapters(videoId), req, res, 'public, max-age=300');
  }

  private answer(doc: FeedDocument | null, req: Request, res: Response, cacheControl: string): void {
    if (!doc) throw new NotFoundException('No such feed');
    res.setHeader('ETag', doc.etag);
    res.setHeader('Last-Modified', doc.lastModified.toUTCString());
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (notModified(req, doc)) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', doc.contentType);
    res.status(200).send(doc.body);
  }
}

/** RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison); else If-Modified-Since. */
export function notModified(req: Pick<Request, 'headers'>, doc: Pick<FeedDocument, 'etag' | 'lastModified'>): boolean {
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string' && inm.trim()) {
    if (inm.trim() === '*') return true;
    const bare = doc.etag.replace(/^W\//, '');
    return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
  }
  const since = Date.parse(String(req.headers['if-modified-since'] ?? ''));
  return !Number.isNaN(since) && doc.lastModified.getTime() <= since;
}
