import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { VideosService, VideoStatus } from '@wetube/catalog';
import { UsersService } from '@wetube/identity';
import { PaymentSessionsService, type PaymentSession } from '@wetube/payments';
import { AppConfig } from '@wetube/platform';
import { decide } from '../decision/auction';
import type { AdPosition, Device, ImpressionCounts, MediaKind } from '../decision/decision.types';
import { BeaconSigner, Beacons } from './beacons';
import { ImpressionsRepository } from './impressions.repository';
import { LineItemSnapshot, SNAPSHOT_TTL_MS, topRendition } from './line-item.snapshot';
import { PodReservationsRepository } from './pod-reservations.repository';
import { ServableLineItemsRepository } from './servable-line-items.repository';

/** Most ads in one break (the engine's per-pod caps still apply: default 1 per line item). */
export const POD_SIZE = 2;

/** What the decision needs of the content video (from catalog). */
interface ContentVideo {
  ownerId: string;
  tags: string[];
  category: string | null;
  kind: MediaKind;
}

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
  /** AUDIO for an audio creative (no picture: width and height 0). */
  kind: MediaKind;
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
    private readonly sessions: PaymentSessionsService,
    private readonly config: AppConfig,
    private readonly impressions: ImpressionsRepository,
    private readonly reservations: PodReservationsRepository,
    servable: ServableLineItemsRepository,
    private readonly videos: VideosService,
    private readonly users: UsersService,
  ) {
    this.beacons = new BeaconSigner(config.ads.beaconSecret, config.publicApiUrl);
    this.snapshot = new LineItemSnapshot({ lineItems: servable, videos, users });
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
        const { counts, livePod } = await this.impressions.viewerHistory(
          { sessionId: own.id, viewerKey, videoId: req.videoId, breakIndex: req.breakIndex },
          req.now,
        );
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
   * the order served; [] if none. Its creatives' videos come from catalog, advertiser names from identity.
   */
  private async reservedPod(sessionId: string, viewerKey: string, req: BreakRequest): Promise<ServedAd[]> {
    const ttlMs = this.config.ads.reservationTtlSec * 1000;
    const pod = await this.impressions.livePod(
      { sessionId, viewerKey, videoId: req.videoId, breakIndex: req.breakIndex },
      new Date(req.now.getTime() - ttlMs),
      req.now,
    );
    if (pod.length === 0) return [];
    const [videos, names] = await Promise.all([
      this.videos.facts(pod.map((i) => i.videoId)),
      this.users.displayNames(pod.map((i) => i.advertiserId)),
    ]);
    return pod.flatMap((i) => {
      const video = videos.get(i.videoId);
      if (!video) return [];
      const top = topRendition(video.renditions);
      return [
        {
          impressionId: i.id,
          lineItemId: i.lineItemId,
          creativeId: i.creativeId,
          advertiserName: names.get(i.advertiserId) ?? 'Advertiser',
          lineItemName: i.lineItemName,
          priceMinor: i.price,
          cpmBid: i.cpmBid,
          videoId: i.videoId,
          kind: video.kind === 'AUDIO' ? 'AUDIO' : 'VIDEO',
          durationMs: video.durationMs ?? 0,
          width: top?.width ?? video.width ?? 0,
          height: top?.height ?? video.height ?? 0,
          bandwidth: top?.bandwidth ?? 0,
          clickThroughUrl: i.clickThroughUrl,
          masterUrl: `${this.config.publicApiUrl}/hls/${i.videoId}/master.m3u8`,
          beacons: this.beacons.all(i.id, Math.floor(i.expiresAt.getTime() / 1000)),
          expiresAt: i.expiresAt,
        },
      ];
    });
  }

  private async decideFresh(
    req: BreakRequest,
    t0: number,
    sessionId: string | null,
    viewerKey: string | null,
    video: ContentVideo,
    counts: ReadonlyMap<string, ImpressionCounts>,
  ): Promise<BreakDecision> {
    const snap = await this.snapshot.get(req.now);
    const decision = decide(
      snap.items,
      {
        now: req.now,
        video: { categories: video.category ? [video.category] : [], tags: video.tags, kind: video.kind },
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
    const reserved = await this.reservations.reserve(
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
        kind: creative.kind,
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

  private readonly videoCache = new Map<string, { at: number; v: ContentVideo | null }>();

  /** The content video's owner, tags and category while it is READY (null otherwise), cached SNAPSHOT_TTL_MS. */
  private async contentVideo(videoId: string): Promise<ContentVideo | null> {
    const hit = this.videoCache.get(videoId);
    if (hit && Date.now() - hit.at < SNAPSHOT_TTL_MS) return hit.v;
    const f = (await this.videos.facts([videoId])).get(videoId);
    const v: ContentVideo | null =
      f && f.status === VideoStatus.READY
        ? { ownerId: f.ownerId, tags: f.tags ?? [], category: f.category ?? null, kind: f.kind === 'AUDIO' ? 'AUDIO' : 'VIDEO' }
        : null;
    if (this.videoCache.size > 10_000) this.videoCache.clear();
    this.videoCache.set(videoId, { at: Date.now(), v });
    return v;
  }
}
