import type { AdRequest, Decision, ExclusionReason, LineItemForDecision, PodAd, Rng } from './decision.types';
import { checkSpendAndCaps, checkStatic, servableCreatives } from './eligibility';
import { countsFor, requestCounts } from './frequency';
import { pacingVerdict } from './pacing';
import { pricePerImpression } from './price';
import { TargetingContext } from './targeting';

/**
 * The ads of one break: a first-price auction among the eligible line items.
 *
 * 1. Every line item is checked (`eligible`'s checks) against this request, the viewer's
 *    history counted once.
 * 2. The eligible ones are ranked by CPM bid, highest first; equal bids in a random order drawn
 *    from `rng` (ids order them first, so the result depends only on the input and the rng).
 * 3. Slots are filled down the ranking: a line item takes as many consecutive slots as its
 *    per-pod cap (default 1), budget, daily cap, frequency caps and pacing allow — pacing is
 *    asked per slot, so a throttled line item hands its slot to the next one. Each ad costs the
 *    line item's own price per impression (floor(cpm / 1000)).
 *
 * Every input line item ends up either with an ad or in `excluded` under one reason; `OUTBID`
 * counts eligible ones the pod was full before.
 */
export function decide(lineItems: readonly LineItemForDecision[], request: AdRequest, rng: Rng): Decision {
  const ctx = new TargetingContext(request);
  const counts = requestCounts(request);
  const excluded: Partial<Record<ExclusionReason, number>> = {};
  const exclude = (r: ExclusionReason) => {
    excluded[r] = (excluded[r] ?? 0) + 1;
  };

  const candidates: LineItemForDecision[] = [];
  for (const li of lineItems) {
    const reason = checkStatic(li, ctx) ?? checkSpendAndCaps(li, countsFor(counts, li.id), 0);
    if (reason) exclude(reason);
    else candidates.push(li);
  }
  rank(candidates, rng);

  const ads: PodAd[] = [];
  const podSize = Math.max(0, Math.floor(request.podSize));
  for (const li of candidates) {
    if (ads.length >= podSize) {
      exclude('OUTBID');
      continue;
    }
    const price = pricePerImpression(li.cpmBid);
    const liCounts = countsFor(counts, li.id);
    const creatives = servableCreatives(li, request.video.kind);
    const first = creatives.length > 1 ? Math.floor(rng() * creatives.length) : 0;
    let placed = 0;
    let reason: ExclusionReason | null = null;
    while (ads.length < podSize) {
      if (placed > 0) {
        reason = checkSpendAndCaps(li, liCounts, placed);
        if (reason) break;
      }
      const pacing = pacingVerdict(li, request.now, rng, price * BigInt(placed));
      if (!pacing.allowed) {
        reason = pacing.reason ?? 'PACING_FLIGHT';
        break;
      }
      // A second ad of the same line item in one pod shows its next creative when it has several.
      const creative = creatives[(first + placed) % creatives.length];
      ads.push({ lineItemId: li.id, creativeId: creative.id, priceMinor: price });
      placed++;
    }
    if (placed === 0) exclude(reason ?? 'OUTBID');
  }
  return { ads, considered: lineItems.length, excluded };
}

/** Highest CPM first; ties shuffled with `rng` (Fisher–Yates within each run of equal bids). */
function rank(items: LineItemForDecision[], rng: Rng): void {
  items.sort((a, b) => (a.cpmBid === b.cpmBid ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.cpmBid > b.cpmBid ? -1 : 1));
  for (let i = 0; i < items.length;) {
    let j = i + 1;
    while (j < items.length && items[j].cpmBid === items[i].cpmBid) j++;
    for (let k = j - 1; k > i; k--) {
      const r = i + Math.floor(rng() * (k - i + 1));
      [items[k], items[r]] = [items[r], items[k]];
    }
    i = j;
  }
}
