import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { PaymentSessionsService, type PaymentSession } from '@wetube/payments';
import { AppConfig, Database, toDate } from '@wetube/platform';
import { decide } from '../decision/auction';
import type { AdPosition, Device, ImpressionCounts } from '../decision/decision.types';
import { BeaconSigner, Beacons } from './beacons';
import { LineItemSnapshot, parseJson, SNAPSHOT_TTL_MS, topRendition } from './line-item.snapshot';
import { reservePod } from './pod.reservations';

/** Most ads in one break (the engine's per-pod caps still apply: default 1 per line item). */
export const POD_SIZE = 2;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

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

/**
 * The ad server's decision: loads the servable line items (cached a few seconds) and the viewer's
 * history, asks the engine, then reserves each chosen impression with a conditional write on the
 * line item (spent + reserved + price ≤ budget, and the local day's reserved+charged + price ≤ the
 * daily cap), so concurrent requests deciding on the same stale snapshot never overspend.
 */
@Injectable()
export class AdDecisionService {
  private readonly log = new Logger('AdServer');
  private readonly snapshot: LineItemSnapshot;
  readonly beacons: BeaconSigner;

  constructor(
    private readonly db: Database,
    private readonly sessions: PaymentSessionsService,
    private readonly config: AppConfig,
  ) {
    this.beacons = new BeaconSigner(config.ads.beaconSecret, config.publicApiUrl);
    this.snapshot = new LineItemSnapshot(db);
  }

  /** Forget the cached line items and video facts (tests, or after a change that must show at once). */
  invalidate(): void {
    this.snapshot.invalidate();
    this.videoCache.clear();
  }

  async decideBreak(req: BreakRequest): Promise<BreakDecision> {
    const t0 = performance.now();
    const session = req.sessionId ? await this.session(req.sessionId) : null;
    // A session of another video (or none) is treated as an anonymous request.
    const own = session && session.videoId === req.videoId ? session : null;
    if (own?.adFree) return { ads: [], adFree: true, dropped: 0, timing: { decideMs: performance.now() - t0, reserveMs: 0 } };
    const video = await this.contentVideo(req.videoId);
    if (!video) return { ads: [], adFree: false, dropped: 0, timing: { decideMs: performance.now() - t0, reserveMs: 0 } };
    const viewerKey = own ? (own.viewerId ?? own.viewerKey) : null;
    if (own && viewerKey) {
      // One pod per (session, break) while its reservations live: a repeated request (a reload, a
      // retry, an abuser) answers the same impressions instead of reserving more budget. Requests
      // in flight for the same key share one decision (per process).
      const key = `${own.id}\n${req.videoId}\n${req.breakIndex}`;
      const pending = this.inFlight.get(key);
      if (pending) return pending;
      const p = (async () => {
        // One query answers both: the frequency caps' counts, and whether this break already has a live pod.
        const { counts, livePod } = await this.history(viewerKey, own.id, req);
        if (livePod) {
          const again = await this.reservedPod(own.id, viewerKey, req);
          if (again.length) return { ads: again, adFree: false, dropped: 0, timing: { decideMs: performance.now() - t0, reserveMs: 0 } };
        }
        return this.decideFresh(req, t0, own.id, viewerKey, video, counts);
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, p);
      return p;
    }
    return this.decideFresh(req, t0, null, null, video, new Map());
  }

  private readonly inFlight = new Map<string, Promise<BreakDecision>>();

  /**
   * Sessions as the ad server needs them (video, viewer, ad-free: fixed when the session opens),
   * kept a minute: a viewer's pre-roll and mid-rolls ask for the same one.
   */
  private readonly sessionCache = new LRUCache<string, PaymentSession>({ max: 50_000, ttl: 60_000 });

  private async session(id: string): Promise<PaymentSession | null> {
    const hit = this.sessionCache.get(id);
    if (hit) return hit;
    const s = await this.sessions.get(id).catch(() => null);
    if (s) this.sessionCache.set(id, s);
    return s;
  }

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
      [
        viewerKey,
        this.db.dialect.time(new Date(req.now.getTime() - ttlMs)),
        sessionId,
        req.videoId,
        req.breakIndex,
        this.db.dialect.time(req.now),
      ],
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

  private async decideFresh(
    req: BreakRequest,
    t0: number,
    sessionId: string | null,
    viewerKey: string | null,
    video: { ownerId: string; tags: string[]; category: string | null },
    counts: ReadonlyMap<string, ImpressionCounts>,
  ): Promise<BreakDecision> {
    const snap = await this.snapshot.get(req.now);
    const decision = decide(
      snap.items,
      {
        now: req.now,
        video: { categories: video.category ? [video.category] : [], tags: video.tags },
        device: req.device,
        country: req.country,
        position: req.position,
        podSize: POD_SIZE,
        viewerHistory: { impressions: [], counts },
        sessionId: sessionId ?? '',
        floorCpm: this.config.ads.floorCpm,
      },
      Math.random,
    );
    const t1 = performance.now();
    const expiresAt = new Date(req.now.getTime() + this.config.ads.reservationTtlSec * 1000);
    const chosen = decision.ads.map((pod) => ({
      pod,
      id: randomUUID(),
      item: snap.byId.get(pod.lineItemId)!,
      creative: snap.creatives.get(pod.creativeId)!,
    }));
    const reserved = await reservePod(
      this.db,
      chosen.map((c) => ({
        id: c.id,
        lineItemId: c.item.id,
        timeZone: c.item.targeting.timeZone ?? 'UTC',
        creativeId: c.creative.id,
        price: c.pod.priceMinor,
      })),
      {
        videoId: req.videoId,
        creatorId: video.ownerId,
        sessionId,
        viewerKey,
        position: req.position,
        breakIndex: req.breakIndex,
        now: req.now,
        expiresAt,
      },
    );
    const ads: ServedAd[] = [];
    for (const { pod, id, item, creative } of chosen) {
      if (!reserved.has(id)) continue;
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
    const dropped = chosen.length - ads.length;
    if (dropped) this.log.debug(`${dropped} chosen ad(s) dropped: budget or daily cap reserved by concurrent requests`);
    return { ads, adFree: false, dropped, timing: { decideMs: t1 - t0, reserveMs: performance.now() - t1 } };
  }

  /**
   * The viewer's impressions (reserved, not yet shown, included; expired ones not) counted per line
   * item in the frequency caps' windows, in SQL (one row per line item the viewer has seen, whatever
   * the history's length), and whether this session's break already has a live pod.
   */
  private async history(
    viewerKey: string,
    sessionId: string,
    req: BreakRequest,
  ): Promise<{ counts: Map<string, ImpressionCounts>; livePod: boolean }> {
    const t = req.now.getTime();
    const rows = await this.db.query(
      `SELECT line_item_id, COUNT(*) AS lifetime,
              SUM(CASE WHEN created_at > ? THEN 1 ELSE 0 END) AS last_24h,
              SUM(CASE WHEN created_at > ? THEN 1 ELSE 0 END) AS last_hour,
              SUM(CASE WHEN session_id = ? THEN 1 ELSE 0 END) AS this_stream,
              SUM(CASE WHEN session_id = ? AND video_id = ? AND break_index = ? AND expires_at > ? THEN 1 ELSE 0 END) AS live_pod
         FROM ad_impressions WHERE viewer_key = ? AND status <> 'EXPIRED' GROUP BY line_item_id`,
      [
        this.db.dialect.time(new Date(t - DAY_MS)),
        this.db.dialect.time(new Date(t - HOUR_MS)),
        sessionId,
        sessionId,
        req.videoId,
        req.breakIndex,
        this.db.dialect.time(req.now),
        viewerKey,
      ],
    );
    const counts = new Map<string, ImpressionCounts>();
    let livePod = false;
    for (const r of rows) {
      counts.set(String(r.line_item_id), {
        lifetime: Number(r.lifetime),
        last24h: Number(r.last_24h),
        lastHour: Number(r.last_hour),
        thisStream: Number(r.this_stream),
      });
      if (Number(r.live_pod) > 0) livePod = true;
    }
    return { counts, livePod };
  }

  private readonly videoCache = new Map<string, { at: number; v: { ownerId: string; tags: string[]; category: string | null } | null }>();

  private async contentVideo(videoId: string): Promise<{ ownerId: string; tags: string[]; category: string | null } | null> {
    const hit = this.videoCache.get(videoId);
    if (hit && Date.now() - hit.at < SNAPSHOT_TTL_MS) return hit.v;
    const [r] = await this.db.query(`SELECT owner_id, tags, category FROM videos WHERE id = ? AND status = 'READY'`, [videoId]);
    const v = r
      ? { ownerId: String(r.owner_id), tags: parseJson<string[]>(r.tags, []), category: r.category == null ? null : String(r.category) }
      : null;
    if (this.videoCache.size > 10_000) this.videoCache.clear();
    this.videoCache.set(videoId, { at: Date.now(), v });
    return v;
  }
}
