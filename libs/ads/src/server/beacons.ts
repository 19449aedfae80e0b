import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The tracked events of a served ad: `impression` charges it, the others are counted once each
 * (`click`: the viewer clicked through to the advertiser's page).
 */
export const BEACON_EVENTS = ['impression', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete', 'click'] as const;
export type BeaconEvent = (typeof BEACON_EVENTS)[number];
export type Beacons = Record<BeaconEvent, string>;

export function isBeaconEvent(e: string): e is BeaconEvent {
  return (BEACON_EVENTS as readonly string[]).includes(e);
}

/**
 * Signed beacon URLs: `<base>/ads/beacon/<impressionId>/<event>?exp=<unix s>&sig=<base64url
 * HMAC-SHA256(key, "wetube-ad-beacon:v1\n<impressionId>\n<event>\n<exp>")>`. Single use is the ad
 * server's job (ad_events' unique (impression_id, event)); the signature makes them unforgeable.
 */
export class BeaconSigner {
  constructor(
    private readonly key: Buffer,
    private readonly baseUrl: string,
  ) {}

  sign(impressionId: string, event: BeaconEvent, exp: number): string {
    return createHmac('sha256', this.key).update(`wetube-ad-beacon:v1\n${impressionId}\n${event}\n${exp}`).digest('base64url');
  }

  url(impressionId: string, event: BeaconEvent, exp: number): string {
    return `${this.baseUrl}/ads/beacon/${encodeURIComponent(impressionId)}/${event}?exp=${exp}&sig=${this.sign(impressionId, event, exp)}`;
  }

  all(impressionId: string, exp: number): Beacons {
    return Object.fromEntries(BEACON_EVENTS.map((e) => [e, this.url(impressionId, e, exp)])) as Beacons;
  }

  /** 'ok', 'forged' (bad signature or malformed) or 'expired' (good signature, past exp). */
  verify(impressionId: string, event: string, exp: string | undefined, sig: string | undefined, now: Date): 'ok' | 'forged' | 'expired' {
    if (!isBeaconEvent(event) || !exp || !/^\d{1,12}$/.test(exp) || !sig || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return 'forged';
    const want = Buffer.from(this.sign(impressionId, event, Number(exp)), 'base64url');
    const got = Buffer.from(sig, 'base64url');
    if (got.length !== want.length || !timingSafeEqual(got, want)) return 'forged';
    return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok';
  }
}
