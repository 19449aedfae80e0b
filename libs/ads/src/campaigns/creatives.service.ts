import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { VideosService } from '@wetube/catalog';
import { AppConfig } from '@wetube/platform';
import { AdFormatError } from '../formats/format.errors';
import { checkHttpUrl } from '../formats/vast.writer';
import { Creative, Outcome, refuse } from './campaigns.model';
import { CampaignsService } from './campaigns.service';
import { CreativesRepository } from './creatives.repository';

/** Creatives: an advertiser's own uploaded video on one of its line items, with a click-through URL. */
@Injectable()
export class CreativesService {
  constructor(
    private readonly creatives: CreativesRepository,
    private readonly campaigns: CampaignsService,
    private readonly videos: VideosService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The video must be the advertiser's own upload (another's, or none: NOT_FOUND) and not FAILED;
   * it serves only once READY and approved. Approved at once when ADS_AUTO_APPROVE is on.
   */
  async create(advertiserId: string, input: { lineItemId: string; videoId: string; clickThroughUrl: string }): Promise<Outcome<Creative>> {
    const item = await this.campaigns.lineItem(advertiserId, input.lineItemId);
    if (!item) return refuse('lineItemId', 'No such line item.', 'NOT_FOUND');
    if (item.status === 'CANCELLED' || item.status === 'ENDED')
      return refuse('lineItemId', `The line item is ${item.status.toLowerCase()}.`, 'LINE_ITEM_CLOSED');
    const video = await this.videos.findById(input.videoId).catch(() => null);
    if (!video || video.ownerId !== advertiserId) return refuse('videoId', 'No such video among your uploads.', 'NOT_FOUND');
    if (video.status === 'FAILED') return refuse('videoId', 'This video failed to transcode; upload it again.', 'VIDEO_FAILED');
    let url: string;
    try {
      url = checkHttpUrl('clickThroughUrl', input.clickThroughUrl);
    } catch (err) {
      if (err instanceof AdFormatError)
        return refuse('clickThroughUrl', 'The click-through URL must be an absolute http:// or https:// URL.', 'INVALID_URL');
      throw err;
    }
    if (url.length > 2048) return refuse('clickThroughUrl', 'The click-through URL is longer than 2048 characters.', 'INVALID_URL');
    const now = new Date();
    const approved = this.config.ads.autoApprove;
    const c: Creative = {
      id: randomUUID(),
      lineItemId: item.id,
      advertiserId,
      videoId: video.id,
      clickThroughUrl: url,
      approval: approved ? 'APPROVED' : 'PENDING',
      approvedAt: approved ? now : null,
      createdAt: now,
    };
    await this.creatives.insert(c);
    return { ok: true, value: c };
  }

  ofLineItem(lineItemId: string): Promise<Creative[]> {
    return this.creatives.ofLineItem(lineItemId);
  }

  /** Admin review: approves (or rejects) any creative. */
  async review(adminId: string, id: string, approve: boolean): Promise<Outcome<Creative>> {
    await this.creatives.setApproval(id, approve ? 'APPROVED' : 'REJECTED', approve ? new Date() : null, adminId);
    const c = await this.creatives.get(id);
    return c ? { ok: true, value: c } : refuse('id', 'No such creative.', 'NOT_FOUND');
  }

  /** True when the video is (or was) the video of a creative: an ad, whose own playlists carry no ad breaks. */
  async isCreativeVideo(videoId: string): Promise<boolean> {
    return this.creatives.anyOfVideo(videoId);
  }

  /** The video's status (UPLOADED, PROCESSING, READY, FAILED), or null when it is gone. */
  async videoStatus(videoId: string): Promise<string | null> {
    return (await this.videos.findById(videoId).catch(() => null))?.status ?? null;
  }
}
