/**
 * Seeds the ad server of a running api for the ads bench: advertisers with funded wallets, line items
 * with varied targeting, bids, pacing and caps through `CampaignsService.createLineItem` (real
 * validation, real escrow hold on the ledger), one approved creative each through
 * `CreativesService.create` (on the advertiser's own transcoded clip), and playback sessions through
 * `PlaybackSessionService.start` (what the `playbackSession` mutation runs: certificate, payments'
 * session row), each from a viewer address of its own group.
 */
import { randomBytes } from 'node:crypto';
import { AdDecisionService, CampaignsService, CreativesService, seededRng, type Device, type Targeting } from '@wetube/ads';
import { PlaybackSessionService } from '@wetube/catalog';
import { AccountKind, LedgerService } from '@wetube/ledger';
import type { TestApi } from './api';

export const CLC = 1_000_000n;
export const COUNTRIES = ['FR', 'DE', 'US', 'GB', 'ES', 'IT', 'JP', 'BR'];
export const DEVICES: Device[] = ['desktop', 'mobile', 'tablet', 'tv'];
/** User agents the bench's requests rotate through (classified desktop, mobile, tablet, tv). */
export const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (SMART-TV; Linux; Tizen 7.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/5.0 TV Safari/537.36',
];
/** The content video's tags (tag-targeted line items pick from TAGS, so some match and some do not). */
export const CONTENT_TAGS = ['music', 'live'];
const TAGS = ['music', 'live', 'jazz', 'sport', 'news', 'gaming'];
const CATEGORIES = ['Music', 'Sports', 'News & Politics', 'Gaming', 'Education', 'Film & Animation'];
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'];

export interface SeedSummary {
  lineItems: number;
  ms: number;
  mix: {
    targeted: number;
    countries: number;
    devices: number;
    categories: number;
    tags: number;
    dayParts: number;
    positions: number;
    even: number;
    dailyCap: number;
    freqCapped: number;
  };
}

/**
 * `count` ACTIVE line items spread over the advertisers (each with its own READY ad video), budgets
 * in escrow large enough for the run. Deterministic mix (seeded). Runs `concurrency` creations at once.
 */
export async function seedLineItems(
  api: TestApi,
  advertisers: { id: string; adVideoId: string }[],
  count: number,
  budget: bigint,
  concurrency = 4,
): Promise<SeedSummary> {
  const t0 = Date.now();
  const ledger = api.app.get(LedgerService, { strict: false });
  const campaigns = api.app.get(CampaignsService, { strict: false });
  const creatives = api.app.get(CreativesService, { strict: false });
  const per = Math.ceil(count / advertisers.length);
  const campaignOf = new Map<string, string>();
  for (const a of advertisers) {
    const wallet = await ledger.openAccount(AccountKind.USER_WALLET, a.id);
    await ledger.mint(wallet.id, budget * BigInt(per), `bench-ads-mint-${a.id}`);
    const c = await campaigns.createCampaign(a.id, `Bench campaign ${a.id.slice(0, 8)}`);
    if (!c.ok) throw new Error(`createCampaign: ${JSON.stringify(c)}`);
    campaignOf.set(a.id, c.value.id);
  }
  const r = seededRng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const mix: SeedSummary['mix'] = {
    targeted: 0,
    countries: 0,
    devices: 0,
    categories: 0,
    tags: 0,
    dayParts: 0,
    positions: 0,
    even: 0,
    dailyCap: 0,
    freqCapped: 0,
  };
  const drafts = Array.from({ length: count }, (_, k) => {
    const targeting: Targeting = {
      countries: r() < 0.5 ? [...new Set([pick(COUNTRIES), pick(COUNTRIES)])] : undefined,
      devices: r() < 0.3 ? [pick(DEVICES)] : undefined,
      categories: r() < 0.2 ? [pick(CATEGORIES)] : undefined,
      tags: r() < 0.2 ? [pick(TAGS)] : undefined,
      dayParts: r() < 0.2 ? [{ days: [0, 1, 2, 3, 4, 5, 6], startMinute: 6 * 60, endMinute: 23 * 60 }] : undefined,
      timeZone: pick(ZONES),
      positions: r() < 0.2 ? [pick(['PREROLL', 'MIDROLL'] as const)] : undefined,
    };
    const even = k % 2 === 1;
    const capped = r() < 0.8;
    for (const key of ['countries', 'devices', 'categories', 'tags', 'dayParts', 'positions'] as const) if (targeting[key]) mix[key]++;
    if (targeting.countries || targeting.devices || targeting.categories || targeting.tags || targeting.dayParts || targeting.positions)
      mix.targeted++;
    if (even) mix.even++;
    if (even) mix.dailyCap++;
    if (capped) mix.freqCapped++;
    const advertiser = advertisers[k % advertisers.length];
    return {
      advertiser,
      input: {
        campaignId: campaignOf.get(advertiser.id)!,
        name: `Bench line item ${k}`,
        flightStart: new Date(Date.now() - 3600_000),
        flightEnd: new Date(Date.now() + 30 * 86400_000),
        budget,
        dailyCap: even ? budget / 10n : null,
        // 1 to 20 CLC CPM in steps of 1,000 minor units (the floor is 1 CLC): prices 1,000-20,000 a view.
        cpmBid: CLC + BigInt(Math.floor(r() * 19_000)) * 1000n,
        pacing: even ? ('EVEN' as const) : ('ASAP' as const),
        targeting,
        frequencyCaps: capped ? { perHour: 3, perDay: 10, perStream: 2 } : null,
      },
    };
  });
  let next = 0;
  const worker = async () => {
    while (next < drafts.length) {
      const d = drafts[next++];
      const li = await campaigns.createLineItem(d.advertiser.id, d.input);
      if (!li.ok) throw new Error(`createLineItem: ${JSON.stringify(li.errors)}`);
      const c = await creatives.create(d.advertiser.id, {
        lineItemId: li.value.id,
        videoId: d.advertiser.adVideoId,
        clickThroughUrl: `https://advertiser.example/landing?li=${li.value.id}`,
      });
      if (!c.ok) throw new Error(`createCreative: ${JSON.stringify(c)}`);
      if (c.value.approval !== 'APPROVED') await creatives.review(d.advertiser.id, c.value.id, true);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  api.app.get(AdDecisionService, { strict: false }).invalidate();
  return { lineItems: count, ms: Date.now() - t0, mix };
}

/**
 * `count` playback sessions of `videoId`, anonymous viewers at `viewers` distinct addresses
 * (10.x.y.z): session k belongs to viewer k % viewers, so frequency caps and history see repeat viewers.
 */
export async function startSessions(api: TestApi, videoId: string, count: number, viewers: number, concurrency = 4): Promise<string[]> {
  const playback = api.app.get(PlaybackSessionService, { strict: false });
  const ids: string[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const k = next++;
      const v = k % viewers;
      const ip = `10.${(v >> 16) & 255}.${(v >> 8) & 255}.${v & 255}`;
      const s = await playback.start(videoId, randomBytes(32).toString('base64url'), null, ip);
      if (!s.ok) throw new Error(`playback session: ${JSON.stringify(s.error)}`);
      ids[k] = s.session.sessionId;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}
