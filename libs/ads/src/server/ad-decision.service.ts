import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { LedgerService } from '@wetube/ledger';
import { PaymentSessionsService } from '@wetube/payments';
import { AppConfig } from '@wetube/platform';
import { AdsDb, Row, toDate } from '../advertisers/ads.db';
import { decide } from '../decision/auction';
import type { AdPosition, Device, FrequencyCaps, LineItemForDecision, Targeting, ViewerImpression } from '../decision/decision.types';
import { localDayWindow } from '../decision/zoned-time';
import { returned } from './ad-server.sql';
import { BeaconSigner, Beacons } from './beacons';

/** Most ads in one break (the engine's per-pod caps still apply: default 1 per line item). */
export const POD_SIZE = 2;
/** How long the snapshot of servable line items is reused (concurrent requests share one load). */
export const SNAPSHOT_TTL_MS = 3000;
/** The viewer's most recent impressions read for frequency caps. */
const HISTORY_LIMIT = 1000;

export interface BreakRequest {
  sessionId: string | null;
  videoId: string;
  position: AdPosition;
  breakIndex: number;
  device: Device | null;
  country: string | null;
  now: Date;
}

/** One reserved ad of a pod: what the formats need to present it and the beacons that track it. */
export interface ServedAd {
  impressionId: string;
  lineItemId: string;
  creativeId: string;
  advertiserName: string;
  lineItemName: string;
  priceMinor: bigint;
  cpmBid: bigint;
  videoId: string;
  durationMs: number;
  width: number;
  height: number;
  bandwidth: number;
  clickThroughUrl: string;
  masterUrl: string;
  beacons: Beacons;
  expiresAt: Date;
}

export interface BreakDecision {
  ads: ServedAd[];
  adFree: boolean;
  /** Chosen by the engine but not reserved (budget or daily cap taken by a concurrent request). */
  dropped: number;
  /** Milliseconds spent deciding (session, snapshot, history, engine) and reserving (the writes). */
  timing: { decideMs: number; reserveMs: number };
}

interface CreativeInfo {
  id: string;
  videoId: string;
  clickThroughUrl: string;
  durationMs: number;
  width: number;
  height: number;
  bandwidth: number;
}

interface Snapshot {
  at: number;
  items: LineItemForDecision[];
  creatives: Map<string, CreativeInfo>;
  meta: Map<string, { name: string; advertiserName: string }>;
}

/**
 * The ad server's decision: loads the servable line items (cached a few seconds) and the viewer's
 * history, asks the engine, then reserves each chosen impression with a conditional write on the
 * line item (spent + reserved + price ≤ budget, and the local day's reserved+charged + price ≤ the
 * daily cap), so concurrent requests deciding on the same stale snapshot never overspend.
 */
@Injectable()
export class AdDecisionService {
  private readonly log = new Logger('AdServer');
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;
  readonly beacons: BeaconSigner;

  constructor(
    private readonly db: AdsDb,
    private readonly ledger: LedgerService,
    private readonly sessions: PaymentSessionsService,
    private readonly config: AppConfig,
  ) {
    this.beacons = new BeaconSigner(config.ads.beaconSecret, config.publicApiUrl);
  }

  /** Forget the cached line items (tests, or after a change that must show at once). */
  invalidate(): void {
    this.snapshot = null;
    this.loading = null;
    this.generation++;
  }

  private generation = 0;

  async decideBreak(req: BreakRequest): Promise<BreakDecision> {
    const t0 = performance.now();
    const session = req.sessionId ? await this.sessions.get(req.sessionId).catch(() => null) : null;
    // A session of another video (or none) is treated as an anonymous request.
    const own = session && session.videoId === req.videoId ? session : null;
    if (own?.adFree) return { ads: [], adFree: true, dropped: 0, timing: { decideMs: performance.now() - t0, reserveMs: 0 } };
    const video = await this.contentVideo(req.videoId);
    if (!video) return { ads: [], adFree: false, dropped: 0, timing: { decideMs: performance.now() - t0, reserveMs: 0 } };
    const viewerKey = own ? own.viewerId ?? own.viewerKey : null;
    if (own && viewerKey) {
      // One pod per (session, break) while its reservations live: a repeated request (a reload, a
      // retry, an abuser) answers the same impressions instead of reserving more budget. Requests
      // in flight for the same key share one decision (per process).
      const key = `${own.id}\n${req.videoId}\n${req.breakIndex}`;
      const pending = this.inFlight.get(key);
      if (pending) return pending;
      const p = (async () => {
        const again = await this.reservedPod(own.id, viewerKey, req);
        if (again.length) return { ads: again, adFree: false, dropped: 0, timing: { decideMs: performance.now() - t0, reserveMs: 0 } };
        return this.decideFresh(req, t0, own.id, viewerKey, video);
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, p);
      return p;
    }
    return this.decideFresh(req, t0, null, null, video);
  }

  private readonly inFlight = new Map<string, Promise<BreakDecision>>();

  /**
   * The live pod already reserved for this session's break (RESERVED or CHARGED, not expired), in
   * the order served; [] if none. Found through the viewer index (viewer_key, created_at).
   */
  private async reservedPod(sessionId: string, viewerKey: string, req: BreakRequest): Promise<ServedAd[]> {
    const ttlMs = this.config.ads.reservationTtlSec * 1000;
    const rows = await this.db.query(
      `SELECT i.id, i.line_item_id, i.creative_id, CAST(i.price AS TEXT) AS price, i.expires_at, li.name, CAST(li.cpm_bid AS TEXT) AS cpm_bid, u.display_name,
              c.video_id, c.click_through_url, v.duration_ms, v.width, v.height, v.renditions
         FROM ad_impressions i
         JOIN ad_line_items li ON li.id = i.line_item_id
         JOIN ad_creatives c ON c.id = i.creative_id
         JOIN videos v ON v.id = c.video_id
         LEFT JOIN users u ON u.id = li.advertiser_id
        WHERE i.viewer_key = ? AND i.created_at > ? AND i.session_id = ? AND i.video_id = ? AND i.break_index = ?
          AND i.status IN ('RESERVED', 'CHARGED') AND i.expires_at > ?
        ORDER BY i.created_at, i.id`,
      [viewerKey, this.db.time(new Date(req.now.getTime() - ttlMs)), sessionId, req.videoId, req.breakIndex, this.db.time(req.now)],
    );
    return rows.map((r) => {
      const top = topRendition(r.renditions);
      const expiresAt = toDate(r.expires_at);
      const id = String(r.id);
      return {
        impressionId: id,
        lineItemId: String(r.line_item_id),
        creativeId: String(r.creative_id),
        advertiserName: String(r.display_name ?? 'Advertiser'),
        lineItemName: String(r.name),
        priceMinor: BigInt(String(r.price)),
        cpmBid: BigInt(String(r.cpm_bid)),
        videoId: String(r.video_id),
        durationMs: Number(r.duration_ms ?? 0),
        width: top?.width ?? Number(r.width ?? 0),
        height: top?.height ?? Number(r.height ?? 0),
        bandwidth: top?.bandwidth ?? 0,
        clickThroughUrl: String(r.click_through_url),
        masterUrl: `${this.config.publicApiUrl}/hls/${String(r.video_id)}/master.m3u8`,
        beacons: this.beacons.all(id, Math.floor(expiresAt.getTime() / 1000)),
        expiresAt,
      };
    });
  }

  private async decideFresh(req: BreakRequest, t0: number, sessionId: string | null, viewerKey: string | null, video: { ownerId: string; tags: string[] }): Promise<BreakDecision> {
    const own = sessionId ? { id: sessionId } : null;
    const [snap, history] = await Promise.all([this.load(req.now), viewerKey ? this.history(viewerKey) : Promise.resolve([])]);
    const decision = decide(
      snap.items,
      {
        now: req.now,
        video: { categories: [], tags: video.tags },
        device: req.device,
        country: req.country,
        position: req.position,
        podSize: POD_SIZE,
        viewerHistory: { impressions: history },
        sessionId: own?.id ?? '',
        floorCpm: this.config.ads.floorCpm,
      },
      Math.random,
    );
    const t1 = performance.now();
    const ads: ServedAd[] = [];
    let dropped = 0;
    for (const pod of decision.ads) {
      const item = snap.items.find((i) => i.id === pod.lineItemId)!;
      const creative = snap.creatives.get(pod.creativeId)!;
      const id = randomUUID();
      const expiresAt = new Date(req.now.getTime() + this.config.ads.reservationTtlSec * 1000);
      const reserved = await this.reserve({ id, item, creativeId: creative.id, price: pod.priceMinor, req, viewerKey, sessionId: own?.id ?? null, creatorId: video.ownerId, expiresAt });
      if (!reserved) {
        dropped++;
        continue;
      }
      const meta = snap.meta.get(item.id)!;
      ads.push({
        impressionId: id,
        lineItemId: item.id,
        creativeId: creative.id,
        advertiserName: meta.advertiserName,
        lineItemName: meta.name,
        priceMinor: pod.priceMinor,
        cpmBid: item.cpmBid,
        videoId: creative.videoId,
        durationMs: creative.durationMs,
        width: creative.width,
        height: creative.height,
        bandwidth: creative.bandwidth,
        clickThroughUrl: creative.clickThroughUrl,
        masterUrl: `${this.config.publicApiUrl}/hls/${creative.videoId}/master.m3u8`,
        beacons: this.beacons.all(id, Math.floor(expiresAt.getTime() / 1000)),
        expiresAt,
      });
    }
    if (dropped) this.log.debug(`${dropped} chosen ad(s) dropped: budget or daily cap reserved by concurrent requests`);
    return { ads, adFree: false, dropped, timing: { decideMs: t1 - t0, reserveMs: performance.now() - t1 } };
  }

  /**
   * The conditional write: one transaction that raises the line item's `reserved` (and its day's
   * total) only when budget and daily cap still allow the price, and records the impression as
   * RESERVED. False when the line item had no room left (nothing written).
   */
  private async reserve(r: { id: string; item: LineItemForDecision; creativeId: string; price: bigint; req: BreakRequest; viewerKey: string | null; sessionId: string | null; creatorId: string; expiresAt: Date }): Promise<boolean> {
    const day = localDayWindow(r.req.now, r.item.targeting.timeZone ?? 'UTC').start.getTime();
    const p = r.price.toString();
    const d = String(day);
    return this.ledger.batch({ idempotencyKey: `ads:reserve:${r.id}`, kind: 'AD_RESERVE' }, async (b) => {
      const rows = returned(
        await b.query(
          `UPDATE ad_line_items
              SET reserved = reserved + CAST(? AS BIGINT),
                  day_spent = CASE WHEN day_start_ms = CAST(? AS BIGINT) THEN day_spent + CAST(? AS BIGINT) ELSE CAST(? AS BIGINT) END,
                  day_start_ms = CAST(? AS BIGINT)
            WHERE id = ? AND status = 'ACTIVE'
              AND spent + reserved + CAST(? AS BIGINT) <= budget
              AND (daily_cap IS NULL OR (CASE WHEN day_start_ms = CAST(? AS BIGINT) THEN day_spent ELSE 0 END) + CAST(? AS BIGINT) <= daily_cap)
           RETURNING id`,
          [p, d, p, p, d, r.item.id, p, d, p],
        ),
      );
      if (rows.length === 0) return false;
      await b.query(
        `INSERT INTO ad_impressions (id, line_item_id, creative_id, video_id, creator_id, session_id, viewer_key, position, break_index, price, status, day_start_ms, created_at, expires_at, charged_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS BIGINT), 'RESERVED', CAST(? AS BIGINT), ?, ?, NULL)`,
        [r.id, r.item.id, r.creativeId, r.req.videoId, r.creatorId, r.sessionId, r.viewerKey, r.req.position, r.req.breakIndex, p, d, this.db.time(r.req.now), this.db.time(r.expiresAt)],
      );
      return true;
    });
  }

  /** The viewer's past (and reserved, not yet shown) impressions, newest first. */
  private async history(viewerKey: string): Promise<ViewerImpression[]> {
    const rows = await this.db.query(`SELECT line_item_id, created_at, session_id FROM ad_impressions WHERE viewer_key = ? AND status <> 'EXPIRED' ORDER BY created_at DESC LIMIT ?`, [viewerKey, HISTORY_LIMIT]);
    return rows.map((r) => ({ lineItemId: String(r.line_item_id), at: toDate(r.created_at), sessionId: String(r.session_id ?? '') }));
  }

  private readonly videoCache = new Map<string, { at: number; v: { ownerId: string; tags: string[] } | null }>();

  private async contentVideo(videoId: string): Promise<{ ownerId: string; tags: string[] } | null> {
    const hit = this.videoCache.get(videoId);
    if (hit && Date.now() - hit.at < SNAPSHOT_TTL_MS) return hit.v;
    const [r] = await this.db.query(`SELECT owner_id, tags FROM videos WHERE id = ? AND status = 'READY'`, [videoId]);
    const v = r ? { ownerId: String(r.owner_id), tags: parseJson<string[]>(r.tags, []) } : null;
    if (this.videoCache.size > 10_000) this.videoCache.clear();
    this.videoCache.set(videoId, { at: Date.now(), v });
    return v;
  }

  /**
   * The snapshot: fresh for SNAPSHOT_TTL_MS; then, up to 10× that, the stale one is answered while a
   * reload runs in the background (so the load is not on the request path); older or none: waited for.
   */
  private async load(now: Date): Promise<Snapshot> {
    const age = this.snapshot ? Date.now() - this.snapshot.at : Infinity;
    if (age < SNAPSHOT_TTL_MS) return this.snapshot!;
    if (age < 10 * SNAPSHOT_TTL_MS) {
      this.reload(now).catch((err: Error) => this.log.error(`line item snapshot: ${err.message}`));
      return this.snapshot!;
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

  /** ACTIVE line items of ACTIVE campaigns in flight with at least one approved creative whose video is READY. */
  private async read(now: Date): Promise<Snapshot> {
    const at = Date.now();
    const items = await this.db.query(
      `SELECT li.id, li.campaign_id, li.advertiser_id, li.name, li.status, li.flight_start, li.flight_end, CAST(li.budget AS TEXT) AS budget, CAST(li.daily_cap AS TEXT) AS daily_cap,
              CAST(li.cpm_bid AS TEXT) AS cpm_bid, li.pacing, li.targeting, li.frequency_caps, CAST(li.spent AS TEXT) AS spent, CAST(li.reserved AS TEXT) AS reserved,
              CAST(li.day_start_ms AS TEXT) AS day_start_ms, CAST(li.day_spent AS TEXT) AS day_spent, u.display_name
         FROM ad_line_items li JOIN ad_campaigns cp ON cp.id = li.campaign_id LEFT JOIN users u ON u.id = li.advertiser_id
        WHERE li.status = 'ACTIVE' AND cp.status = 'ACTIVE' AND li.hold_id IS NOT NULL AND li.flight_end > ?`,
      [this.db.time(now)],
    );
    const creativeRows = await this.db.query(
      `SELECT c.id, c.line_item_id, c.video_id, c.click_through_url, v.duration_ms, v.width, v.height, v.renditions
         FROM ad_creatives c JOIN videos v ON v.id = c.video_id JOIN ad_line_items li ON li.id = c.line_item_id
        WHERE c.approval = 'APPROVED' AND v.status = 'READY' AND li.status = 'ACTIVE'
        ORDER BY c.created_at, c.id`,
    );
    const byItem = new Map<string, CreativeInfo[]>();
    const creatives = new Map<string, CreativeInfo>();
    for (const c of creativeRows) {
      const top = topRendition(c.renditions);
      const info: CreativeInfo = {
        id: String(c.id),
        videoId: String(c.video_id),
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
    const meta = new Map<string, { name: string; advertiserName: string }>();
    for (const r of items) {
      const list = byItem.get(String(r.id));
      if (!list) continue;
      const item = toDecisionItem(r, list, now);
      out.push(item);
      meta.set(item.id, { name: String(r.name), advertiserName: String(r.display_name ?? 'Advertiser') });
    }
    return { at, items: out, creatives, meta };
  }
}

/** The highest-bandwidth rendition of a video's `renditions` JSON. */
function topRendition(v: unknown): { width: number; height: number; bandwidth: number } | null {
  const renditions = parseJson<{ width: number; height: number; bandwidth: number }[]>(v, []);
  return renditions.reduce<{ width: number; height: number; bandwidth: number } | null>((a, r) => (!a || r.bandwidth > a.bandwidth ? r : a), null);
}

function parseJson<T>(v: unknown, fallback: T): T {
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
