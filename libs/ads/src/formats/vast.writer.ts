import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { AdFormatError } from './format.errors';
import { formatClc } from '@wetube/platform';

/** The VAST 4 namespace the IAB schema declares (its elements are namespace-qualified). */
export const VAST_NAMESPACE = 'http://www.iab.com/VAST';
export const VAST_VERSION = '4.2';
/** `idRegistry` of our `UniversalAdId`s: creative ids are WeTube's own. */
export const UNIVERSAL_AD_ID_REGISTRY = 'WeTube';
/** ISO-4217-shaped code of Cloudcoin, the currency of `Pricing` (1 CLC = 1,000,000 minor units). */
export const PRICING_CURRENCY = 'CLC';

export type VastMediaType = 'application/x-mpegURL' | 'video/mp4';
export type VastDelivery = 'streaming' | 'progressive';

export interface VastMediaFile {
  url: string;
  /** 'application/x-mpegURL' for our HLS creatives, 'video/mp4' for a progressive file. */
  type: VastMediaType;
  /** Pixels; 0 × 0 for an audio ad (VAST 4.1+). */
  width: number;
  height: number;
  bitrateKbps?: number;
  delivery: VastDelivery;
}

export interface VastTrackingUrls {
  start: string[];
  firstQuartile: string[];
  midpoint: string[];
  thirdQuartile: string[];
  complete: string[];
}

export const VAST_TRACKING_EVENTS = ['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'] as const;

/** One decided ad of a pod (what the ad server chose for this request). */
export interface VastAd {
  adId: string;
  creativeId: string;
  title: string;
  advertiserName: string;
  durationMs: number;
  mediaFiles: VastMediaFile[];
  /** Where a click goes; http or https only. */
  clickThroughUrl: string;
  impressionUrls: string[];
  trackingUrls: VastTrackingUrls;
  /** Called when the viewer clicks through (VideoClicks/ClickTracking). */
  clickTrackingUrls?: string[];
  errorUrl?: string;
  /** The price of this impression as a CPM, in Cloudcoin minor units (written in CLC). */
  pricingCpmMinor?: bigint | number;
  adSystem: 'WeTube';
  /** Position in the pod, 1-based; distinct within a pod. */
  sequence: number;
  /**
   * Identifies this serving of the ad across the parties that log it (VAST 4 `AdServingId`):
   * pass the decision/impression id. Default: `<adId>-<sequence>`.
   */
  adServingId?: string;
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; `u` mode
// matches whole code points, so a lone surrogate is caught too.
const NOT_XML_CHAR = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/u;

function text(field: string, value: unknown, { allowEmpty = false } = {}): string {
  if (typeof value !== 'string') throw new AdFormatError(field, `${field} must be a string`);
  if (!allowEmpty && value.trim() === '') throw new AdFormatError(field, `${field} is empty`);
  const bad = NOT_XML_CHAR.exec(value);
  if (bad) {
    const cp = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new AdFormatError(field, `${field} contains U+${cp}, a character XML 1.0 cannot carry`);
  }
  return value;
}

/**
 * An absolute http(s) URL, in the form the VAST schema's xs:anyURI accepts (RFC 3986): the
 * WHATWG serialisation of the URL, with what it leaves outside RFC 3986 percent-encoded as well
 * (`[`, `]` past the host, `|`, `^`, `{`, `}`, a `%` not starting an escape...). An ordinary
 * URL, like our beacon URLs, comes back byte for byte; one with quotes, spaces or non-ASCII
 * comes back percent-encoded (same host, path and query values once decoded). Anything else
 * (javascript:, data:, ftp:, relative, not a URL) is refused with an error naming the field and
 * the value. Square-bracket VAST macros such as `[ERRORCODE]` are therefore encoded too: they
 * are not valid in an xs:anyURI, and the schema check must pass.
 */
export function checkHttpUrl(field: string, value: unknown): string {
  const s = text(field, value);
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw new AdFormatError(field, `${field} is not a URL: ${JSON.stringify(s)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AdFormatError(field, `${field} must be an http or https URL, not ${url.protocol} (${JSON.stringify(s)})`);
  }
  if (url.hostname === '') throw new AdFormatError(field, `${field} has no host: ${JSON.stringify(s)}`);
  const href = url.href;
  // Everything before the first "/" after "//" is scheme and authority, which WHATWG already
  // serialised within RFC 3986 (an IPv6 host keeps its brackets there).
  const pathStart = href.indexOf('/', url.protocol.length + 2);
  const authority = pathStart < 0 ? href : href.slice(0, pathStart);
  const rest = pathStart < 0 ? '' : href.slice(pathStart);
  return (
    authority +
    rest.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/g, (c) =>
      Array.from(Buffer.from(c, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    )
  );
}

/**
 * Text for xmlbuilder2, which leaves anything that looks like an entity reference (`&amp;`,
 * `&lt;`, `&#38;`) unescaped by design: escaping every `&` here first makes its output decode
 * back to exactly the string given (it still escapes `<`, `>` and `"` itself).
 */
function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;');
}

function positiveInt(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new AdFormatError(field, `${field} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** `HH:MM:SS.mmm` (xs:time, as VAST's Duration is typed); 24 hours and more are refused. */
export function formatVastDuration(durationMs: number, field = 'durationMs'): string {
  const ms = positiveInt(field, durationMs);
  if (ms >= 24 * 3600 * 1000) throw new AdFormatError(field, `${field} must be under 24 hours, got ${ms} ms`);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Minor units as a decimal number of coins, exact: 1500000 → "1.5", 7 → "0.000007". */
export function formatCoins(minor: bigint | number, field = 'pricingCpmMinor'): string {
  let v: bigint;
  if (typeof minor === 'bigint') v = minor;
  else if (typeof minor === 'number' && Number.isSafeInteger(minor)) v = BigInt(minor);
  else throw new AdFormatError(field, `${field} must be an integer number of minor units, got ${String(minor)}`);
  if (v < 0n) throw new AdFormatError(field, `${field} must not be negative, got ${v}`);
  // VAST's Pricing is read by machines: a plain decimal, no unit, no thousands separators.
  return formatClc(v, { unit: false, grouping: false });
}

const MEDIA_TYPES: readonly string[] = ['application/x-mpegURL', 'video/mp4'];
const DELIVERIES: readonly string[] = ['streaming', 'progressive'];

function urlList(field: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new AdFormatError(field, `${field} must be an array of URLs`);
  return value.map((u, i) => checkHttpUrl(`${field}[${i}]`, u));
}

/**
 * Checks one ad completely before anything is written (a bad ad never yields half a document)
 * and returns it with its URLs in their written form.
 */
function checkAd(ad: VastAd, at: string): VastAd {
  text(`${at}.adId`, ad.adId);
  text(`${at}.creativeId`, ad.creativeId);
  text(`${at}.title`, ad.title);
  text(`${at}.advertiserName`, ad.advertiserName);
  if (ad.adSystem !== 'WeTube') throw new AdFormatError(`${at}.adSystem`, `${at}.adSystem must be "WeTube"`);
  positiveInt(`${at}.sequence`, ad.sequence);
  formatVastDuration(ad.durationMs, `${at}.durationMs`);
  const clickThroughUrl = checkHttpUrl(`${at}.clickThroughUrl`, ad.clickThroughUrl);
  const impressionUrls = urlList(`${at}.impressionUrls`, ad.impressionUrls);
  if (impressionUrls.length === 0) {
    throw new AdFormatError(`${at}.impressionUrls`, `${at}.impressionUrls is empty: an ad needs an impression URL`);
  }
  if (!ad.trackingUrls || typeof ad.trackingUrls !== 'object') {
    throw new AdFormatError(`${at}.trackingUrls`, `${at}.trackingUrls is missing`);
  }
  const trackingUrls = {} as VastTrackingUrls;
  for (const event of VAST_TRACKING_EVENTS) trackingUrls[event] = urlList(`${at}.trackingUrls.${event}`, ad.trackingUrls[event]);
  const errorUrl = ad.errorUrl === undefined ? undefined : checkHttpUrl(`${at}.errorUrl`, ad.errorUrl);
  if (ad.pricingCpmMinor !== undefined) formatCoins(ad.pricingCpmMinor, `${at}.pricingCpmMinor`);
  if (ad.adServingId !== undefined) text(`${at}.adServingId`, ad.adServingId);
  if (!Array.isArray(ad.mediaFiles) || ad.mediaFiles.length === 0) {
    throw new AdFormatError(`${at}.mediaFiles`, `${at}.mediaFiles is empty: a linear ad needs a media file`);
  }
  const mediaFiles = ad.mediaFiles.map((f, i) => {
    const mf = `${at}.mediaFiles[${i}]`;
    const url = checkHttpUrl(`${mf}.url`, f.url);
    if (!MEDIA_TYPES.includes(f.type)) {
      throw new AdFormatError(`${mf}.type`, `${mf}.type must be one of ${MEDIA_TYPES.join(', ')}, got ${JSON.stringify(f.type)}`);
    }
    if (!DELIVERIES.includes(f.delivery)) {
      throw new AdFormatError(`${mf}.delivery`, `${mf}.delivery must be streaming or progressive, got ${JSON.stringify(f.delivery)}`);
    }
    // VAST 4.1+: 0 × 0 for an audio ad; a picture has both sides.
    if (!(f.width === 0 && f.height === 0)) {
      positiveInt(`${mf}.width`, f.width);
      positiveInt(`${mf}.height`, f.height);
    }
    if (f.bitrateKbps !== undefined) positiveInt(`${mf}.bitrateKbps`, f.bitrateKbps);
    return { ...f, url };
  });
  const clickTrackingUrls = ad.clickTrackingUrls === undefined ? [] : urlList(`${at}.clickTrackingUrls`, ad.clickTrackingUrls);
  return { ...ad, clickThroughUrl, impressionUrls, trackingUrls, clickTrackingUrls, errorUrl, mediaFiles };
}

function writeAd(vast: XMLBuilder, ad: VastAd): void {
  const t = xmlText;
  const inline = vast.ele('Ad', { id: t(ad.adId), sequence: String(ad.sequence) }).ele('InLine');
  // Element order is the XSD's: AdDefinitionBase (AdSystem, Error, Impression, Pricing), then
  // Inline (AdServingId, AdTitle, Advertiser, Creatives).
  inline.ele('AdSystem').txt(t(ad.adSystem));
  if (ad.errorUrl !== undefined) inline.ele('Error').txt(t(ad.errorUrl));
  ad.impressionUrls.forEach((url, i) => inline.ele('Impression', { id: `wetube-${i}` }).txt(t(url)));
  if (ad.pricingCpmMinor !== undefined) {
    inline.ele('Pricing', { model: 'CPM', currency: PRICING_CURRENCY }).txt(formatCoins(ad.pricingCpmMinor));
  }
  inline.ele('AdServingId').txt(t(ad.adServingId ?? `${ad.adId}-${ad.sequence}`));
  inline.ele('AdTitle').txt(t(ad.title));
  inline.ele('Advertiser').txt(t(ad.advertiserName));
  // Creative: Linear, then UniversalAdId (the XSD puts it last in Creative_Inline_type).
  const creative = inline.ele('Creatives').ele('Creative', { id: t(ad.creativeId), adId: t(ad.adId), sequence: '1' });
  const linear = creative.ele('Linear');
  const tracking = linear.ele('TrackingEvents');
  for (const event of VAST_TRACKING_EVENTS) {
    for (const url of ad.trackingUrls[event]) tracking.ele('Tracking', { event }).txt(t(url));
  }
  linear.ele('Duration').txt(formatVastDuration(ad.durationMs));
  const files = linear.ele('MediaFiles');
  for (const f of ad.mediaFiles) {
    const attrs: Record<string, string> = {
      delivery: f.delivery,
      type: f.type,
      width: String(f.width),
      height: String(f.height),
    };
    if (f.bitrateKbps !== undefined) attrs.bitrate = String(f.bitrateKbps);
    files.ele('MediaFile', attrs).txt(t(f.url));
  }
  // The XSD's order: ClickTracking*, ClickThrough, CustomClick*.
  const clicks = linear.ele('VideoClicks');
  (ad.clickTrackingUrls ?? []).forEach((url, i) => clicks.ele('ClickTracking', { id: `wetube-${i}` }).txt(t(url)));
  clicks.ele('ClickThrough', { id: ad.adSystem }).txt(t(ad.clickThroughUrl));
  creative.ele('UniversalAdId', { idRegistry: UNIVERSAL_AD_ID_REGISTRY }).txt(t(ad.creativeId));
}

/**
 * The VAST 4.2 document of a decided ad pod: one InLine `Ad` per ad in `sequence` order, each
 * with one linear creative. No ad gives `<VAST version="4.2"/>` (an empty response, which is
 * valid). Every value is XML-escaped by the builder; every URL must be absolute http(s) (written
 * as checkHttpUrl says) and the whole pod is checked before anything is written: a bad value throws an AdFormatError naming it
 * (e.g. `ads[0].clickThroughUrl must be an http or https URL, not javascript:`). Pure.
 */
export function buildVast(ads: readonly VastAd[]): string {
  if (!Array.isArray(ads)) throw new AdFormatError('ads', 'ads must be an array');
  const checked = ads.map((ad, i) => checkAd(ad, `ads[${i}]`));
  const seen = new Map<number, number>();
  ads.forEach((ad, i) => {
    const prev = seen.get(ad.sequence);
    if (prev !== undefined) {
      throw new AdFormatError(`ads[${i}].sequence`, `ads[${i}].sequence ${ad.sequence} is also the sequence of ads[${prev}]`);
    }
    seen.set(ad.sequence, i);
  });
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const vast = doc.ele('VAST', { xmlns: VAST_NAMESPACE, version: VAST_VERSION });
  for (const ad of checked.sort((a, b) => a.sequence - b.sequence)) writeAd(vast, ad);
  return doc.end({ prettyPrint: true }) + '\n';
}
