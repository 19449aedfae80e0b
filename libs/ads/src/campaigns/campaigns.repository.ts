import { Injectable } from '@nestjs/common';
import { afterCursor, Cursor, Database } from '@wetube/platform';
import { Campaign, CampaignStatus, LINE_ITEM_COLUMNS, LineItem, toCampaign, toLineItem } from './campaigns.model';

/** The ad_campaigns and ad_line_items tables (a campaign and its line items are one aggregate). */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly db: Database) {}

  // ---- campaigns ----

  async insertCampaign(c: Campaign): Promise<void> {
    await this.db.query(`INSERT INTO ad_campaigns (id, advertiser_id, name, status, created_at) VALUES (?, ?, ?, ?, ?)`, [
      c.id,
      c.advertiserId,
      c.name,
      c.status,
      this.db.dialect.time(c.createdAt),
    ]);
  }

  async campaign(advertiserId: string, id: string): Promise<Campaign | null> {
    const rows = await this.db.query(`SELECT * FROM ad_campaigns WHERE id = ? AND advertiser_id = ?`, [id, advertiserId]);
    return rows[0] ? toCampaign(rows[0]) : null;
  }

  /** Newest first, after `after`, at most `limit`. */
  async campaigns(advertiserId: string, limit: number, after: Cursor | null, status: CampaignStatus | null): Promise<Campaign[]> {
    const where = ['advertiser_id = ?'];
    const params: unknown[] = [advertiserId];
    if (status) {
      where.push('status = ?');
      params.push(status);
    }
    if (after) {
      const k = afterCursor(this.db.dialect, after);
      where.push(k.sql);
      params.push(...k.params);
    }
    const rows = await this.db.query(`SELECT * FROM ad_campaigns WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`, [
      ...params,
      limit,
    ]);
    return rows.map(toCampaign);
  }

  async setCampaignStatus(advertiserId: string, id: string, status: CampaignStatus): Promise<void> {
    await this.db.query(`UPDATE ad_campaigns SET status = ? WHERE id = ? AND advertiser_id = ?`, [status, id, advertiserId]);
  }

  // ---- line items ----

  async lineItem(advertiserId: string, id: string): Promise<LineItem | null> {
    const rows = await this.db.query(`SELECT ${LINE_ITEM_COLUMNS} FROM ad_line_items WHERE id = ? AND advertiser_id = ?`, [
      id,
      advertiserId,
    ]);
    return rows[0] ? toLineItem(rows[0]) : null;
  }

  /** Newest first, after `after`, at most `limit`. */
  async lineItems(campaignId: string, limit: number, after: Cursor | null): Promise<LineItem[]> {
    const where = ['campaign_id = ?'];
    const params: unknown[] = [campaignId];
    if (after) {
      const k = afterCursor(this.db.dialect, after);
      where.push(k.sql);
      params.push(...k.params);
    }
    const rows = await this.db.query(
      `SELECT ${LINE_ITEM_COLUMNS} FROM ad_line_items WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...params, limit],
    );
    return rows.map(toLineItem);
  }

  async lineItemByKey(advertiserId: string, key: string): Promise<LineItem | null> {
    const rows = await this.db.query(`SELECT ${LINE_ITEM_COLUMNS} FROM ad_line_items WHERE advertiser_id = ? AND idempotency_key = ?`, [
      advertiserId,
      key,
    ]);
    return rows[0] ? toLineItem(rows[0]) : null;
  }

  /** Writes a new line item (DRAFT, no hold yet). A second one with the same advertiser and key fails on the unique index. */
  async insertLineItem(item: LineItem): Promise<void> {
    const t = (d: Date) => this.db.dialect.time(d);
    await this.db.query(
      `INSERT INTO ad_line_items (id, campaign_id, advertiser_id, name, status, flight_start, flight_end, budget, daily_cap, cpm_bid, pacing, targeting, frequency_caps, hold_id, idempotency_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      [
        item.id,
        item.campaignId,
        item.advertiserId,
        item.name,
        item.status,
        t(item.flightStart),
        t(item.flightEnd),
        item.budget.toString(),
        item.dailyCap?.toString() ?? null,
        item.cpmBid.toString(),
        item.pacing,
        JSON.stringify(item.targeting),
        JSON.stringify(item.frequencyCaps),
        item.idempotencyKey,
        t(item.createdAt),
      ],
    );
  }

  async deleteDraft(id: string): Promise<void> {
    await this.db.query(`DELETE FROM ad_line_items WHERE id = ? AND status = 'DRAFT'`, [id]);
  }

  /** DRAFT → ACTIVE with its escrow hold. */
  async activate(id: string, holdId: string): Promise<void> {
    await this.db.query(`UPDATE ad_line_items SET hold_id = ?, status = 'ACTIVE' WHERE id = ? AND status = 'DRAFT'`, [holdId, id]);
  }

  /** `from` → `to` (only while it is `from`). */
  async moveStatus(id: string, from: string, to: string): Promise<void> {
    await this.db.query(`UPDATE ad_line_items SET status = ? WHERE id = ? AND status = ?`, [to, id, from]);
  }

  /** ACTIVE or PAUSED → `to` (CANCELLED or ENDED) with its closing time; true when this call closed it. */
  async close(id: string, to: 'CANCELLED' | 'ENDED', at: Date): Promise<boolean> {
    const done = await this.db.query(
      `UPDATE ad_line_items SET status = ?, closed_at = ? WHERE id = ? AND status IN ('ACTIVE', 'PAUSED') RETURNING id`,
      [to, this.db.dialect.time(at), id],
    );
    return done.length > 0;
  }

  /** ACTIVE or PAUSED line items whose flight ended before `before`, earliest first. */
  async flightsEndedBefore(before: Date, limit: number): Promise<Array<{ id: string; name: string; holdId: string | null }>> {
    const rows = await this.db.query(
      `SELECT id, name, hold_id FROM ad_line_items WHERE status IN ('ACTIVE', 'PAUSED') AND flight_end < ? ORDER BY flight_end LIMIT ?`,
      [this.db.dialect.time(before), limit],
    );
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), holdId: r.hold_id == null ? null : String(r.hold_id) }));
  }
}
