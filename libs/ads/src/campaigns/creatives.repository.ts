import { Injectable } from '@nestjs/common';
import { Database } from '@wetube/platform';
import { Creative, CreativeApproval, toCreative } from './campaigns.model';

/** The ad_creatives table. */
@Injectable()
export class CreativesRepository {
  constructor(private readonly db: Database) {}

  async insert(c: Creative): Promise<void> {
    const t = (d: Date) => this.db.dialect.time(d);
    await this.db.query(
      `INSERT INTO ad_creatives (id, line_item_id, advertiser_id, video_id, click_through_url, approval, approved_at, approved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      [c.id, c.lineItemId, c.advertiserId, c.videoId, c.clickThroughUrl, c.approval, c.approvedAt ? t(c.approvedAt) : null, t(c.createdAt)],
    );
  }

  async ofLineItem(lineItemId: string): Promise<Creative[]> {
    return (await this.db.query(`SELECT * FROM ad_creatives WHERE line_item_id = ? ORDER BY created_at, id`, [lineItemId])).map(toCreative);
  }

  async get(id: string): Promise<Creative | null> {
    const rows = await this.db.query(`SELECT * FROM ad_creatives WHERE id = ?`, [id]);
    return rows[0] ? toCreative(rows[0]) : null;
  }

  async setApproval(id: string, approval: CreativeApproval, approvedAt: Date | null, by: string): Promise<void> {
    await this.db.query(`UPDATE ad_creatives SET approval = ?, approved_at = ?, approved_by = ? WHERE id = ?`, [
      approval,
      approvedAt ? this.db.dialect.time(approvedAt) : null,
      by,
      id,
    ]);
  }

  async anyOfVideo(videoId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 AS x FROM ad_creatives WHERE video_id = ? LIMIT 1`, [videoId])).length > 0;
  }
}
