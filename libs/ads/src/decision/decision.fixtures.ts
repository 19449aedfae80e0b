/** Builders for the decision specs and the measure script (not part of the public surface). */
import type { AdRequest, LineItemForDecision } from './decision.types';

export const CLC = 1_000_000n;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

type LineItemOverrides = Partial<Omit<LineItemForDecision, 'targeting' | 'frequencyCaps'>> & {
  targeting?: LineItemForDecision['targeting'];
  frequencyCaps?: LineItemForDecision['frequencyCaps'];
};

export function lineItem(over: LineItemOverrides = {}): LineItemForDecision {
  const id = over.id ?? 'li-1';
  return {
    id,
    campaignId: `c-${id}`,
    advertiserId: `a-${id}`,
    status: 'ACTIVE',
    flight: { start: new Date('2024-01-01T00:00:00Z'), end: new Date('2025-01-01T00:00:00Z') },
    budget: 1000n * CLC,
    spent: 0n,
    dailyCap: null,
    spentToday: 0n,
    cpmBid: 2n * CLC, // 2 CLC per 1000 → 2000 minor units per impression
    pacing: 'ASAP',
    creatives: [{ id: `cr-${id}`, durationMs: 15_000, ready: true, approved: true }],
    ...over,
    targeting: over.targeting ?? {},
    frequencyCaps: over.frequencyCaps ?? {},
  };
}

export function request(over: Partial<AdRequest> = {}): AdRequest {
  return {
    now: new Date('2024-06-12T12:00:00Z'),
    video: { categories: ['music'], tags: ['live', 'jazz'] },
    device: 'desktop',
    country: 'FR',
    position: 'PREROLL',
    podSize: 1,
    viewerHistory: { impressions: [] },
    sessionId: 's-1',
    floorCpm: 0n,
    ...over,
  };
}
