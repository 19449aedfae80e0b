import { Logger } from '@nestjs/common';
import { Database, Row, toDate } from '@wetube/platform';
import type { FrequencyCaps, LineItemForDecision, Targeting } from '../decision/decision.types';
import { localDayWindow } from '../decision/zoned-time';

/** How long the snapshot of servable line items is reused (concurrent requests share one load). */
export const SNAPSHOT_TTL_MS = 3000;
/** Rows per page of a snapshot read. */
const PAGE = 200;

export interface CreativeInfo {
  id: string;
  videoId: string;
  clickThroughUrl: string;
  durationMs: number;
  width: number;
  height: number;
  bandwidth: number;
}

export interface Snapshot {
  at: number;
  items: LineItemForDecision[];
  byId: Map<string, LineItemForDecision>;
  creatives: Map<string, CreativeInfo>;
  meta: Map<string, { name: string; advertiserName: string }>;
}

/**
 * The servable line items (ACTIVE, of an ACTIVE campaign, in flight, with at least one approved
 * creative whose video is READY) as the decision engine takes them, read from the database at most
 * every SNAPSHOT_TTL_MS: fresh ones are answered from memory; a stale one (up to 10× the TTL) is
 * answered while a reload runs in the background; older or none is waited for. Concurrent callers
 * share one load. Counters in it may be behind: the reservation's conditional write is the truth.
 */
export class LineItemSnapshot {
  private readonly log = new Logger('AdServer');
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;
  private generation = 0;

  constructor(private readonly db: Database) {}

  /** Forget the cached line items (tests, or after a change that must show at once). */
  invalidate(): void {
    this.snapshot = null;
    this.loading = null;
    this.generation++;
  }

  get(now: Date): Promise<Snapshot> {
    const age = this.snapshot ? Date.now() - this.snapshot.at : Infinity;
    if (age < SNAPSHOT_TTL_MS) return Promise.resolve(this.snapshot!);
    if (age < 10 * SNAPSHOT_TTL_MS) {
      this.reload(now).catch((err: Error) => this.log.error(`line item snapshot: ${err.message}`));
      return Promise.resolve(this.snapshot!);
    }
    return this.reload(now);
  }

  private reload(now: Date): Promise<Snapshot> {
    if (!this.loading) {
      const gen = this.generation;
      const p: Promise<Snapshot> = this.read(now)
        .then((s) => {
          // A load started before invalidate() may have read the old rows: it answers its callers only.
          if (gen === this.generation) this.snapshot = s;
          return s;
        })
        .finally(() => {
          if (this.loading === p) this.loading = null;
        });
      this.loading = p;
    }
    return this.loading;
  }

  /**
   * Reads the servable line items and their creatives in keyset pages of PAGE rows, yielding to the
   * event loop between pages: on SQLite each statement blocks the process, so a reload of thousands
   * of line items never holds requests up for more than a page.
   */
  private async read(now: Date): Promise<Snapshot> {
    const at = Date.now();
    const items = await this.pages((after) =>
      this.db.query(
        `SELECT li.id, li.campaign_id, li.advertiser_id, li.name, li.status, li.flight_start, li.flight_end, CAST(li.budget AS TEXT) AS budget, CAST(li.daily_cap AS TEXT) AS daily_cap,
                CAST(li.cpm_bid AS TEXT) AS cpm_bid, li.pacing, li.targeting, li.frequency_caps, CAST(li.spent AS TEXT) AS spent, CAST(li.reserved AS TEXT) AS reserved,
                CAST(li.day_start_ms AS TEXT) AS day_start_ms, CAST(li.day_spent AS TEXT) AS day_spent, u.display_name
           FROM ad_line_items li JOIN ad_campaigns cp ON cp.id = li.campaign_id LEFT JOIN users u ON u.id = li.advertiser_id
          WHERE li.status = 'ACTIVE' AND cp.status = 'ACTIVE' AND li.hold_id IS NOT NULL AND li.flight_end > ? AND li.id > ?
          ORDER BY li.id LIMIT ${PAGE}`,
        [this.db.dialect.time(now), after],
      ),
    );
    const creativeRows = await this.pages((after) =>
      this.db.query(
        `SELECT c.id, c.line_item_id, c.video_id, c.click_through_url, c.created_at, v.duration_ms, v.width, v.height, v.renditions
           FROM ad_creatives c JOIN videos v ON v.id = c.video_id JOIN ad_line_items li ON li.id = c.line_item_id
          WHERE c.approval = 'APPROVED' AND v.status = 'READY' AND li.status = 'ACTIVE' AND c.id > ?
          ORDER BY c.id LIMIT ${PAGE}`,
        [after],
      ),
    );
    // A line item's creatives in the order they were added (rotation is by that order).
    creativeRows.sort((a, b) => toDate(a.created_at).getTime() - toDate(b.created_at).getTime() || (String(a.id) < String(b.id) ? -1 : 1));
    const byItem = new Map<string, CreativeInfo[]>();
    const creatives = new Map<string, CreativeInfo>();
    // Creatives often share a video: its renditions JSON is read once.
    const tops = new Map<string, { width: number; height: number; bandwidth: number } | null>();
    for (const c of creativeRows) {
      const videoId = String(c.video_id);
      let top = tops.get(videoId);
      if (top === undefined) tops.set(videoId, (top = topRendition(c.renditions)));
      const info: CreativeInfo = {
        id: String(c.id),
        videoId,
        clickThroughUrl: String(c.click_through_url),
        durationMs: Number(c.duration_ms ?? 0),
        width: top?.width ?? Number(c.width ?? 0),
        height: top?.height ?? Number(c.height ?? 0),
        bandwidth: top?.bandwidth ?? 0,
      };
      if (info.durationMs <= 0) continue;
      creatives.set(info.id, info);
      const list = byItem.get(String(c.line_item_id)) ?? [];
      list.push(info);
      byItem.set(String(c.line_item_id), list);
    }
    const out: LineItemForDecision[] = [];
    const byId = new Map<string, LineItemForDecision>();
    const meta = new Map<string, { name: string; advertiserName: string }>();
    for (const r of items) {
      const list = byItem.get(String(r.id));
      if (!list) continue;
      const item = toDecisionItem(r, list, now);
      out.push(item);
      byId.set(item.id, item);
      meta.set(item.id, { name: String(r.name), advertiserName: String(r.display_name ?? 'Advertiser') });
    }
    // In the engine's ranking order (CPM bid, highest first, then id): its sort then finds the
    // candidates already in order (one pass instead of a full sort per decision).
    out.sort((a, b) => (a.cpmBid === b.cpmBid ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.cpmBid > b.cpmBid ? -1 : 1));
    return { at, items: out, byId, creatives, meta };
  }

  /** Every row of a keyset-paged query (`after`: the last id of the previous page), yielding between pages. */
  private async pages(page: (after: string) => Promise<Row[]>): Promise<Row[]> {
    const all: Row[] = [];
    let after = '';
    for (;;) {
      const rows = await page(after);
      all.push(...rows);
      if (rows.length < PAGE) return all;
      after = String(rows[rows.length - 1].id);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** The highest-bandwidth rendition of a video's `renditions` JSON. */
export function topRendition(v: unknown): { width: number; height: number; bandwidth: number } | null {
  const renditions = parseJson<{ width: number; height: number; bandwidth: number }[]>(v, []);
  return renditions.reduce<{ width: number; height: number; bandwidth: number } | null>(
    (a, r) => (!a || r.bandwidth > a.bandwidth ? r : a),
    null,
  );
}

export function parseJson<T>(v: unknown, fallback: T): T {
  if (v == null) return fallback;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

function toDecisionItem(r: Row, creatives: CreativeInfo[], now: Date): LineItemForDecision {
  const targeting = parseJson<Targeting>(r.targeting, {});
  const day = localDayWindow(now, targeting.timeZone ?? 'UTC').start.getTime();
  return {
    id: String(r.id),
    campaignId: String(r.campaign_id),
    advertiserId: String(r.advertiser_id),
    status: 'ACTIVE',
    flight: { start: toDate(r.flight_start), end: toDate(r.flight_end) },
    budget: BigInt(String(r.budget)),
    // Reserved impressions count as spent: the engine must not plan on money already promised.
    spent: BigInt(String(r.spent)) + BigInt(String(r.reserved)),
    dailyCap: r.daily_cap == null ? null : BigInt(String(r.daily_cap)),
    spentToday: String(r.day_start_ms) === String(day) ? BigInt(String(r.day_spent)) : 0n,
    cpmBid: BigInt(String(r.cpm_bid)),
    pacing: String(r.pacing) === 'ASAP' ? 'ASAP' : 'EVEN',
    targeting,
    frequencyCaps: parseJson<FrequencyCaps>(r.frequency_caps, {}),
    creatives: creatives.map((c) => ({ id: c.id, durationMs: c.durationMs, ready: true, approved: true })),
  };
}
