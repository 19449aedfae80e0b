import {
  BadRequestException,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpException,
  HttpStatus,
  Logger,
  Param,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig, RateLimiterFactory, type RateLimiter } from '@wetube/platform';
import type { AdPosition } from '../decision/decision.types';
import { buildVast, VastAd } from '../formats/vast.writer';
import { AdChargingService } from './ad-charging.service';
import { AdDecisionService, BreakDecision } from './ad-decision.service';
import { isBeaconEvent } from './beacons';
import { classifyDevice, countryOf } from './device';

const ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The ad server's HTTP surface: HLS asset lists (the web player's interstitials), VAST 4.2 (outside
 * players) and the signed beacons. Beacons always answer 204 No Content, whatever happened: a
 * forged, expired, unknown or replayed one changes nothing and is logged (forged/expired at warn,
 * replays at debug), so a client learns nothing from the answer and retries are harmless.
 */
@Controller('ads')
export class AdServerController {
  private readonly log = new Logger('AdServer');
  /** Every decision may reserve budget for AD_RESERVATION_TTL_SEC: a limit per client IP (shared through Redis when scaled out). */
  readonly limiter: RateLimiter;

  constructor(
    private readonly decisions: AdDecisionService,
    private readonly charging: AdChargingService,
    private readonly config: AppConfig,
    limits: RateLimiterFactory,
  ) {
    this.limiter = limits.create('ad-requests', { burst: config.ads.requestsBurst, perSecond: config.ads.requestsPerSecond });
  }

  /**
   * `GET /ads/asset-list/:videoId/:breakIndex?session=…&position=PREROLL|MIDROLL` → the HLS
   * Interstitials asset list (RFC 8216bis appendix D.2): `{"ASSETS":[{"URI","DURATION"}]}` plus our
   * own `X-WETUBE` key (impression ids and beacons, for the web player's tracking). Empty pod:
   * `{"ASSETS":[]}`.
   */
  @Get('asset-list/:videoId/:breakIndex')
  @Header('Cache-Control', 'no-store')
  async assetList(
    @Param('videoId') videoId: string,
    @Param('breakIndex') breakIndex: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.limit(req, res);
    const d = await this.decide(req, videoId, breakIndex, query.session, query.position);
    return {
      ASSETS: d.ads.map((a) => ({ URI: a.masterUrl, DURATION: a.durationMs / 1000 })),
      'X-WETUBE': {
        adFree: d.adFree,
        impressionIds: d.ads.map((a) => a.impressionId),
        beacons: d.ads.map((a) => a.beacons),
        clickThroughUrls: d.ads.map((a) => a.clickThroughUrl),
      },
    };
  }

  /** `GET /ads/vast?video=…&session=…&position=PREROLL&break=0` → VAST 4.2 (`<VAST version="4.2"/>` when no ad). */
  @Get('vast')
  @Header('Cache-Control', 'no-store')
  async vast(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.limit(req, res);
    const d = await this.decide(req, query.video, query.break ?? '0', query.session, query.position ?? 'PREROLL');
    const ads: VastAd[] = d.ads.map((a, i) => ({
      adId: a.lineItemId,
      creativeId: a.creativeId,
      title: a.lineItemName,
      advertiserName: a.advertiserName,
      durationMs: a.durationMs,
      mediaFiles: [
        {
          url: a.masterUrl,
          type: 'application/x-mpegURL',
          // VAST 4: an audio ad's media file is 0 × 0.
          width: a.kind === 'AUDIO' ? 0 : Math.max(1, a.width),
          height: a.kind === 'AUDIO' ? 0 : Math.max(1, a.height),
          ...(a.bandwidth > 0 ? { bitrateKbps: Math.max(1, Math.round(a.bandwidth / 1000)) } : {}),
          delivery: 'streaming',
        },
      ],
      clickThroughUrl: a.clickThroughUrl,
      impressionUrls: [a.beacons.impression],
      trackingUrls: {
        start: [a.beacons.start],
        firstQuartile: [a.beacons.firstQuartile],
        midpoint: [a.beacons.midpoint],
        thirdQuartile: [a.beacons.thirdQuartile],
        complete: [a.beacons.complete],
      },
      clickTrackingUrls: [a.beacons.click],
      pricingCpmMinor: a.cpmBid,
      adSystem: 'WeTube',
      sequence: i + 1,
      adServingId: a.impressionId,
    }));
    res.status(200).type('application/xml').send(buildVast(ads));
  }

  /** `GET /ads/beacon/:impressionId/:event?exp=…&sig=…` → 204 always (see the class comment). */
  @Get('beacon/:impressionId/:event')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  async beacon(
    @Param('impressionId') impressionId: string,
    @Param('event') event: string,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
  ): Promise<void> {
    const verdict = ID.test(impressionId)
      ? this.decisions.beacons.verify(
          impressionId,
          event,
          typeof exp === 'string' ? exp : undefined,
          typeof sig === 'string' ? sig : undefined,
          new Date(),
        )
      : 'forged';
    if (verdict !== 'ok' || !isBeaconEvent(event)) {
      this.log.warn(`beacon ignored (${verdict}): ${impressionId.slice(0, 64)}/${event.slice(0, 20)}`);
      return;
    }
    const outcome = await this.charging.record(impressionId, event);
    if (outcome === 'REPLAYED') this.log.debug(`beacon replay ignored: ${impressionId}/${event}`);
    else if (outcome !== 'CHARGED' && outcome !== 'COUNTED') this.log.warn(`beacon ${impressionId}/${event}: ${outcome}`);
  }

  /** 429 + Retry-After past the client IP's limit (AD_REQUESTS_BURST, AD_REQUESTS_PER_SECOND). */
  private async limit(req: Request, res: Response): Promise<void> {
    const ip = req.ip ?? req.socket?.remoteAddress ?? 'unknown';
    const r = await this.limiter.consume(ip);
    if (r.ok) return;
    res.setHeader('Retry-After', String(r.retryAfterSec));
    this.log.debug(`ad request rate limit: ${ip}`);
    throw new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        limit: 'AD_REQUESTS_PER_IP',
        message: `Too many ad requests from this address (burst ${this.limiter.burst}, ${this.limiter.perSecond}/s); retry after ${r.retryAfterSec} s.`,
        retryAfterSec: r.retryAfterSec,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private async decide(req: Request, video: unknown, breakIndex: unknown, session: unknown, position: unknown): Promise<BreakDecision> {
    if (typeof video !== 'string' || !ID.test(video)) throw new BadRequestException('video: a video id');
    if (typeof breakIndex !== 'string' || !/^\d{1,4}$/.test(breakIndex)) throw new BadRequestException('breakIndex: a whole number 0–9999');
    if (session !== undefined && (typeof session !== 'string' || !ID.test(session)))
      throw new BadRequestException('session: a playback session id');
    const index = Number(breakIndex);
    const pos = position === undefined ? (index === 0 ? 'PREROLL' : 'MIDROLL') : position;
    if (pos !== 'PREROLL' && pos !== 'MIDROLL') throw new BadRequestException('position: PREROLL or MIDROLL');
    return this.decisions.decideBreak({
      sessionId: (session as string | undefined) ?? null,
      videoId: video,
      position: pos as AdPosition,
      breakIndex: index,
      device: classifyDevice(req.headers['user-agent']),
      country: countryOf(req.headers[this.config.ads.countryHeader]),
      now: new Date(),
    });
  }
}
