import { Logger } from '@nestjs/common';
import { VideoStatus, type RenditionInfo, type VideosService } from '@wetube/catalog';
import type { UsersService } from '@wetube/identity';
import type { LineItemForDecision, MediaKind } from '../decision/decision.types';
import { localDayWindow } from '../decision/zoned-time';
import type { ServableLineItem, ServableLineItemsRepository } from './servable-line-items.repository';

/** How long the snapshot of servable line items is reused (concurrent requests share one load). */
export const SNAPSHOT_TTL_MS = 3000;
/** Rows per page of a snapshot read. */
const PAGE = 200;

export interface CreativeInfo {
  id: string;
  videoId: string;
  /** AUDIO when the creative's upload is audio only. */
  kind: MediaKind;
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

  constructor(
    private readonly source: {
      lineItems: ServableLineItemsRepository;
      videos: Pick<VideosService, 'facts'>;
      users: Pick<UsersService, 'displayNames'>;
    },
  ) {}

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
   * of line items never holds requests up for more than a page. The creatives' videos (READY ones
   * serve) come from catalog and the advertisers' names from identity, once per distinct id.
   */
  private async read(now: Date): Promise<Snapshot> {
    const at = Date.now();
    const items = await pages((after) => this.source.lineItems.lineItems(now, after, PAGE));
    const creativeRows = await pages((after) => this.source.lineItems.creatives(after, PAGE));
    const videos = await this.source.videos.facts(creativeRows.map((c) => c.videoId));
    // A line item's creatives in the order they were added (rotation is by that order).
    creativeRows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    const byItem = new Map<string, CreativeInfo[]>();
    const creatives = new Map<string, CreativeInfo>();
    // Creatives often share a video: its top rendition is found once.
    const tops = new Map<string, { width: number; height: number; bandwidth: number } | null>();
    for (const c of creativeRows) {
      const video = videos.get(c.videoId);
      if (!video || video.status !== VideoStatus.READY) continue;
      let top = tops.get(c.videoId);
      if (top === undefined) tops.set(c.videoId, (top = topRendition(video.renditions)));
      const info: CreativeInfo = {
        id: c.id,
        videoId: c.videoId,
        kind: video.kind === 'AUDIO' ? 'AUDIO' : 'VIDEO',
        clickThroughUrl: c.clickThroughUrl,
        durationMs: video.durationMs ?? 0,
        width: top?.width ?? video.width ?? 0,
        height: top?.height ?? video.height ?? 0,
        bandwidth: top?.bandwidth ?? 0,
      };
      if (info.durationMs <= 0) continue;
      creatives.set(info.id, info);
      const list = byItem.get(c.lineItemId) ?? [];
      list.push(info);
      byItem.set(c.lineItemId, list);
    }
    const servable = items.filter((r) => byItem.has(r.id));
    const names = await this.source.users.displayNames(servable.map((r) => r.advertiserId));
    const out: LineItemForDecision[] = [];
    const byId = new Map<string, LineItemForDecision>();
    const meta = new Map<string, { name: string; advertiserName: string }>();
    for (const r of servable) {
      const item = toDecisionItem(r, byItem.get(r.id)!, now);
      out.push(item);
      byId.set(item.id, item);
      meta.set(item.id, { name: r.name, advertiserName: names.get(r.advertiserId) ?? 'Advertiser' });
    }
    // In the engine's ranking order (CPM bid, highest first, then id): its sort then finds the
    // candidates already in order (one pass instead of a full sort per decision).
    out.sort((a, b) => (a.cpmBid === b.cpmBid ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.cpmBid > b.cpmBid ? -1 : 1));
    return { at, items: out, byId, creatives, meta };
  }
}

/** Every row of a keyset-paged read (`after`: the last id of the previous page), yielding between pages. */
async function pages<T extends { id: string }>(page: (after: string) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  let after = '';
  for (;;) {
    const rows = await page(after);
    all.push(...rows);
    if (rows.length < PAGE) return all;
    after = rows[rows.length - 1].id;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The highest-bandwidth rendition of a video's ladder. */
export function topRendition(renditions: readonly RenditionInfo[]): { width: number; height: number; bandwidth: number } | null {
  return renditions.reduce<{ width: number; height: number; bandwidth: number } | null>(
    (a, r) => (!a || r.bandwidth > a.bandwidth ? r : a),
    null,
  );
}

function toDecisionItem(r: ServableLineItem, creatives: CreativeInfo[], now: Date): LineItemForDecision {
  const day = localDayWindow(now, r.targeting.timeZone ?? 'UTC').start.getTime();
  return {
    id: r.id,
    campaignId: r.campaignId,
    advertiserId: r.advertiserId,
    status: 'ACTIVE',
    flight: { start: r.flightStart, end: r.flightEnd },
    budget: r.budget,
    // Reserved impressions count as spent: the engine must not plan on money already promised.
    spent: r.spent + r.reserved,
    dailyCap: r.dailyCap,
    spentToday: r.dayStartMs === String(day) ? r.daySpent : 0n,
    cpmBid: r.cpmBid,
    pacing: r.pacing === 'ASAP' ? 'ASAP' : 'EVEN',
    targeting: r.targeting,
    frequencyCaps: r.frequencyCaps,
    creatives: creatives.map((c) => ({ id: c.id, kind: c.kind, durationMs: c.durationMs, ready: true, approved: true })),
  };
}
