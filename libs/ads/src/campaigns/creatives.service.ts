import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { VideosService } from '@wetube/catalog';
import { AppConfig, Database } from '@wetube/platform';
import { AdFormatError } from '../formats/format.errors';
import { checkHttpUrl } from '../formats/vast.writer';
import { Creative, Outcome, refuse, toCreative } from './campaigns.model';
import { CampaignsService } from './campaigns.service';

/** Creatives: an advertiser's own uploaded video on one of its line items, with a click-through URL. */
@Injectable()
export class CreativesService {
  constructor(
    private readonly db: Database,
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
    await this.db.query(
      `INSERT INTO ad_creatives (id, line_item_id, advertiser_id, video_id, click_through_url, approval, approved_at, approved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      [
        c.id,
        c.lineItemId,
        advertiserId,
        c.videoId,
        c.clickThroughUrl,
        c.approval,
        c.approvedAt ? this.db.dialect.time(c.approvedAt) : null,
        this.db.dialect.time(now),
      ],
    );
    return { ok: true, value: c };
  }

  async ofLineItem(lineItemId: string): Promise<Creative[]> {
    return (await this.db.query(`SELECT * FROM ad_creatives WHERE line_item_id = ? ORDER BY created_at, id`, [lineItemId])).map(toCreative);
  }

  /** Admin review: approves (or rejects) any creative. */
  async review(adminId: string, id: string, approve: boolean): Promise<Outcome<Creative>> {
    await this.db.query(`UPDATE ad_creatives SET approval = ?, approved_at = ?, approved_by = ? WHERE id = ?`, [
      approve ? 'APPROVED' : 'REJECTED',
      approve ? this.db.dialect.time(new Date()) : null,
      adminId,
      id,
    ]);
    const rows = await this.db.query(`SELECT * FROM ad_creatives WHERE id = ?`, [id]);
    return rows[0] ? { ok: true, value: toCreative(rows[0]) } : refuse('id', 'No such creative.', 'NOT_FOUND');
  }

  /** True when the video is (or was) the video of a creative: an ad, whose own playlists carry no ad breaks. */
  async isCreativeVideo(videoId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 AS x FROM ad_creatives WHERE video_id = ? LIMIT 1`, [videoId])).length > 0;
  }

  /** The video's status (UPLOADED, PROCESSING, READY, FAILED), or null when it is gone. */
  async videoStatus(videoId: string): Promise<string | null> {
    return (await this.videos.findById(videoId).catch(() => null))?.status ?? null;
  }
}
