import type { Device } from '../decision/decision.types';

const TV = /smart-?tv|googletv|appletv|hbbtv|roku|crkey|tizen|web0s|webos|netcast|bravia|\baft[a-z]{1,3}\b|playstation|xbox/i;
const TABLET = /ipad|tablet|kindle|silk\/|playbook|(android(?!.*\bmobile\b))/i;
const MOBILE = /mobi|iphone|ipod|windows phone|blackberry|opera mini/i;

/**
 * A tiny User-Agent classifier for targeting: TV, then tablet (an Android UA without "Mobile" is a
 * tablet), then mobile; any other non-empty UA is a desktop. No UA: null (matches no device list).
 * iPadOS 13+ reports a Mac desktop UA and is classified desktop (it cannot be told from the UA).
 */
export function classifyDevice(userAgent: string | null | undefined): Device | null {
  const ua = (userAgent ?? '').trim();
  if (!ua) return null;
  if (TV.test(ua)) return 'tv';
  if (TABLET.test(ua)) return 'tablet';
  if (MOBILE.test(ua)) return 'mobile';
  return 'desktop';
}

/** A header's ISO alpha-2 country, upper-cased; null when absent or not two letters. */
export function countryOf(header: string | string[] | undefined): string | null {
  const v = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  return /^[A-Za-z]{2}$/.test(v) ? v.toUpperCase() : null;
}
