import type { AdRequest, ExclusionReason, FrequencyCaps, ImpressionCounts, ViewerImpression } from './decision.types';

export type { ImpressionCounts };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const NONE: ImpressionCounts = { lastHour: 0, last24h: 0, lifetime: 0, thisStream: 0 };

/**
 * The viewer's past impressions per line item, counted once per decision (one pass over the
 * history). Windows are rolling and end at `now`: an impression at exactly now − 1 h is outside
 * the hour. Impressions stamped after `now` (clock skew between servers) count as recent.
 */
export function countImpressions(impressions: readonly ViewerImpression[], now: Date, sessionId: string): Map<string, ImpressionCounts> {
  const t = now.getTime();
  const counts = new Map<string, ImpressionCounts>();
  for (const imp of impressions) {
    let c = counts.get(imp.lineItemId);
    if (!c) counts.set(imp.lineItemId, (c = { lastHour: 0, last24h: 0, lifetime: 0, thisStream: 0 }));
    const age = t - imp.at.getTime();
    c.lifetime++;
    if (age < DAY_MS) c.last24h++;
    if (age < HOUR_MS) c.lastHour++;
    if (imp.sessionId === sessionId) c.thisStream++;
  }
  return counts;
}

/** The request's counts: the ones it brings (`viewerHistory.counts`), else counted from its impressions. */
export function requestCounts(request: AdRequest): ReadonlyMap<string, ImpressionCounts> {
  return request.viewerHistory.counts ?? countImpressions(request.viewerHistory.impressions, request.now, request.sessionId);
}

export function countsFor(counts: ReadonlyMap<string, ImpressionCounts>, lineItemId: string): ImpressionCounts {
  return counts.get(lineItemId) ?? NONE;
}

/**
 * null when one more impression keeps every cap, counting `inPod` ads of this line item already
 * placed in the pod being decided (they will be impressions too). Unset cap = none; per pod
 * defaults to 1.
 */
export function checkFrequency(caps: FrequencyCaps, c: ImpressionCounts, inPod: number): ExclusionReason | null {
  if (inPod >= (caps.perPod ?? 1)) return 'FREQ_POD';
  if (caps.perStream != null && c.thisStream + inPod >= caps.perStream) return 'FREQ_STREAM';
  if (caps.perHour != null && c.lastHour + inPod >= caps.perHour) return 'FREQ_HOUR';
  if (caps.perDay != null && c.last24h + inPod >= caps.perDay) return 'FREQ_DAY';
  if (caps.lifetime != null && c.lifetime + inPod >= caps.lifetime) return 'FREQ_LIFETIME';
  return null;
}
