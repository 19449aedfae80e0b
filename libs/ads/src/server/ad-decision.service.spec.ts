import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MediaKind, VideosService, VideoStatus, type VideoFacts } from '@wetube/catalog';
import { UsersService } from '@wetube/identity';
import { PaymentSessionsService, type PaymentSession } from '@wetube/payments';
import { AppConfig } from '@wetube/platform';
import { fake, newTestService } from '@wetube/testing';
import { AdDecisionService, type BreakRequest } from './ad-decision.service';
import { ImpressionsRepository, type LivePodImpression } from './impressions.repository';
import { PodReservationsRepository, type PodContext, type WantedAd } from './pod-reservations.repository';
import { ServableLineItemsRepository, type ServableCreative, type ServableLineItem } from './servable-line-items.repository';

// Small tests of the ad server's decision around the engine: the ads tables, catalog's video facts,
// identity's names and the payments session faked; the engine (decide) is the real one.

const config = AppConfig.fromEnv({
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/wetube',
  JWT_SECRET: 'x'.repeat(32),
  PUBLIC_API_URL: 'https://tube.example',
});
const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 24 * 3600_000;

const LINE_ITEM: ServableLineItem = {
  id: 'li-1',
  campaignId: 'cp-1',
  advertiserId: 'adv-1',
  name: 'Spring sale',
  flightStart: new Date(NOW.getTime() - DAY),
  flightEnd: new Date(NOW.getTime() + DAY),
  budget: 1_000_000n,
  dailyCap: null,
  cpmBid: 2_000_000n,
  pacing: 'ASAP',
  targeting: {},
  frequencyCaps: {},
  spent: 0n,
  reserved: 0n,
  dayStartMs: '0',
  daySpent: 0n,
};
const CREATIVE: ServableCreative = {
  id: 'cr-1',
  lineItemId: 'li-1',
  videoId: 'ad-video',
  clickThroughUrl: 'https://shop.example',
  createdAt: NOW,
};

function facts(id: string, over: Partial<VideoFacts> = {}): VideoFacts {
  return {
    id,
    ownerId: id === 'content' ? 'creator' : 'adv-1',
    status: VideoStatus.READY,
    tags: ['travel'],
    category: null,
    durationMs: 15_000,
    width: 640,
    height: 360,
    kind: MediaKind.VIDEO,
    renditions: [
      { name: '360p', width: 640, height: 360, bandwidth: 800_000, codecs: 'avc1' },
      { name: '720p', width: 1280, height: 720, bandwidth: 2_500_000, codecs: 'avc1' },
    ],
    ...over,
  };
}

const request = (over: Partial<BreakRequest> = {}): BreakRequest => ({
  sessionId: null,
  videoId: 'content',
  position: 'PREROLL',
  breakIndex: 0,
  device: null,
  country: null,
  now: NOW,
  ...over,
});

function service(
  o: {
    videos?: Record<string, VideoFacts>;
    reserve?: (ads: WantedAd[], ctx: PodContext) => Promise<Set<string>>;
    session?: Partial<PaymentSession>;
    livePod?: LivePodImpression[];
  } = {},
) {
  const videos = o.videos ?? { content: facts('content'), 'ad-video': facts('ad-video') };
  return newTestService(AdDecisionService, {
    fakes: [
      fake(PaymentSessionsService, { get: async () => (o.session ? ({ id: 'sess-1', ...o.session } as PaymentSession) : null) }),
      fake(AppConfig, config),
      fake(ImpressionsRepository, {
        viewerHistory: async () => ({ counts: new Map(), livePod: (o.livePod ?? []).length > 0 }),
        livePod: async () => o.livePod ?? [],
      }),
      fake(PodReservationsRepository, { reserve: o.reserve ?? (async (ads) => new Set(ads.map((a) => a.id))) }),
      fake(ServableLineItemsRepository, {
        lineItems: async (_now, after) => (after === '' ? [LINE_ITEM] : []),
        creatives: async (after) => (after === '' ? [CREATIVE] : []),
      }),
      fake(VideosService, {
        facts: async (ids) => new Map([...ids].filter((id) => videos[id]).map((id): [string, VideoFacts] => [id, videos[id]])),
      }),
      fake(UsersService, { displayNames: async (ids) => new Map([...ids].map((id): [string, string] => [id, `Name of ${id}`])) }),
    ],
  });
}

describe('AdDecisionService (small)', () => {
  it('reserves the engine’s choice and serves it with the creative video’s facts from catalog and the advertiser’s name from identity', async () => {
    const t = service();
    const d = await t.sut.decideBreak(request());
    assert.equal(d.ads.length, 1);
    const [ad] = d.ads;
    assert.equal(ad.lineItemId, 'li-1');
    assert.equal(ad.creativeId, 'cr-1');
    assert.equal(ad.advertiserName, 'Name of adv-1');
    assert.equal(ad.lineItemName, 'Spring sale');
    assert.equal(ad.priceMinor, 2_000n, 'first price: the bid per impression');
    assert.deepEqual([ad.durationMs, ad.width, ad.height, ad.bandwidth], [15_000, 1280, 720, 2_500_000], 'the top rendition');
    assert.equal(ad.masterUrl, 'https://tube.example/hls/ad-video/master.m3u8');
    const [[wanted, ctx]] = t.callsTo('PodReservationsRepository.reserve') as [[WantedAd[], PodContext]];
    assert.deepEqual(wanted, [{ id: ad.impressionId, lineItemId: 'li-1', timeZone: 'UTC', creativeId: 'cr-1', price: 2_000n }]);
    assert.equal(ctx.creatorId, 'creator', 'the content video’s owner is paid');
    assert.equal(ctx.sessionId, null);
    assert.equal(ctx.expiresAt.getTime(), NOW.getTime() + config.ads.reservationTtlSec * 1000);
    // Catalog and identity are asked through their services, once per distinct id set.
    assert.deepEqual(
      t.callsTo('VideosService.facts').map(([ids]) => [...(ids as Iterable<string>)]),
      [['content'], ['ad-video']],
    );
    assert.deepEqual(
      t.callsTo('UsersService.displayNames').map(([ids]) => [...(ids as Iterable<string>)]),
      [['adv-1']],
    );
  });

  it('an ad whose reservation lost (budget or daily cap taken meanwhile) is dropped, not served', async () => {
    const d = await service({ reserve: async () => new Set() }).sut.decideBreak(request());
    assert.deepEqual(d.ads, []);
    assert.equal(d.dropped, 1);
  });

  it('no ads for a content video that is not READY (or unknown), and none whose creative video is not READY', async () => {
    for (const content of [facts('content', { status: VideoStatus.PROCESSING }), undefined]) {
      const t = service({ videos: { ...(content ? { content } : {}), 'ad-video': facts('ad-video') } });
      const d = await t.sut.decideBreak(request());
      assert.deepEqual(d.ads, []);
      assert.deepEqual(t.callNames('ServableLineItemsRepository'), [], 'nothing else is read');
      assert.deepEqual(t.callNames('PodReservationsRepository'), []);
    }
    const unready = service({ videos: { content: facts('content'), 'ad-video': facts('ad-video', { status: VideoStatus.FAILED }) } });
    assert.deepEqual((await unready.sut.decideBreak(request())).ads, []);
    assert.deepEqual(
      unready.callsTo('UsersService.displayNames').map(([ids]) => [...(ids as Iterable<string>)]),
      [[]],
    );
  });

  it('an audio creative serves in a song or podcast, as audio (0 × 0), and a video creative does not', async () => {
    const audio = (id: string) => facts(id, { kind: MediaKind.AUDIO, width: null, height: null, renditions: [] });
    const t = service({ videos: { content: audio('content'), 'ad-video': audio('ad-video') } });
    const [ad] = (await t.sut.decideBreak(request())).ads;
    assert.deepEqual([ad?.kind, ad?.width, ad?.height], ['AUDIO', 0, 0]);
    const videoInAudio = service({ videos: { content: audio('content'), 'ad-video': facts('ad-video') } });
    assert.deepEqual((await videoInAudio.sut.decideBreak(request())).ads, [], 'no picture ad for a listener');
    const audioInVideo = service({ videos: { content: facts('content'), 'ad-video': audio('ad-video') } });
    assert.deepEqual((await audioInVideo.sut.decideBreak(request())).ads, [], 'no audio-only ad in a video');
  });

  it('a session on an ad-free plan gets an empty pod and reserves nothing', async () => {
    const t = service({ session: { videoId: 'content', adFree: true, viewerId: 'v', viewerKey: 'v' } });
    const d = await t.sut.decideBreak(request({ sessionId: 'sess-1' }));
    assert.deepEqual([d.ads, d.adFree], [[], true]);
    assert.deepEqual(t.callNames(), ['PaymentSessionsService.get']);
  });

  it('a repeated request for a break with a live pod answers the same impressions, with facts and names looked up again', async () => {
    const expiresAt = new Date(NOW.getTime() + 600_000);
    const pod: LivePodImpression[] = [
      {
        id: 'imp-1',
        lineItemId: 'li-1',
        creativeId: 'cr-1',
        price: 2_000n,
        expiresAt,
        lineItemName: 'Spring sale',
        cpmBid: 2_000_000n,
        advertiserId: 'adv-1',
        videoId: 'ad-video',
        clickThroughUrl: 'https://shop.example',
      },
    ];
    const t = service({ session: { videoId: 'content', adFree: false, viewerId: 'v', viewerKey: 'v' }, livePod: pod });
    const d = await t.sut.decideBreak(request({ sessionId: 'sess-1', breakIndex: 2 }));
    assert.deepEqual(
      d.ads.map((a) => [a.impressionId, a.advertiserName, a.width, a.expiresAt]),
      [['imp-1', 'Name of adv-1', 1280, expiresAt]],
    );
    assert.deepEqual(t.callsTo('PodReservationsRepository.reserve'), []);
    const [[key, since, now]] = t.callsTo('ImpressionsRepository.livePod') as [[Record<string, unknown>, Date, Date]];
    assert.deepEqual(key, { sessionId: 'sess-1', viewerKey: 'v', videoId: 'content', breakIndex: 2 });
    assert.equal(since.getTime(), NOW.getTime() - config.ads.reservationTtlSec * 1000);
    assert.equal(now, NOW);
  });
});
