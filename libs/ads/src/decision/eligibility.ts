import type { AdRequest, CreativeForDecision, Eligibility, ExclusionReason, LineItemForDecision, MediaKind } from './decision.types';
import { checkFrequency, countImpressions, countsFor, type ImpressionCounts } from './frequency';
import { pricePerImpression } from './price';
import { checkTargeting, TargetingContext } from './targeting';

/** The creatives that can serve in an item of `kind`: ready, approved and of the same kind. */
export function servableCreatives(li: LineItemForDecision, kind: MediaKind = 'VIDEO'): CreativeForDecision[] {
  return li.creatives.filter((c) => c.ready && c.approved && (c.kind ?? 'VIDEO') === kind);
}

/**
 * The checks that do not change while a pod is filled: status, flight, targeting, a servable
 * creative, price and floor. Cheapest first; the first failure is the reason.
 */
export function checkStatic(li: LineItemForDecision, ctx: TargetingContext): ExclusionReason | null {
  const req = ctx.request;
  if (li.status !== 'ACTIVE') return 'NOT_ACTIVE';
  const now = req.now.getTime();
  if (now < li.flight.start.getTime()) return 'FLIGHT_NOT_STARTED';
  if (now >= li.flight.end.getTime()) return 'FLIGHT_ENDED';
  const t = checkTargeting(li.targeting, ctx);
  if (t) return t;
  if (!li.creatives.some((c) => c.ready && c.approved)) return 'NO_CREATIVE';
  const kind = req.video.kind ?? 'VIDEO';
  if (!li.creatives.some((c) => c.ready && c.approved && (c.kind ?? 'VIDEO') === kind)) return 'NO_CREATIVE_OF_KIND';
  if (pricePerImpression(li.cpmBid) <= 0n) return 'PRICE_ZERO';
  if (li.cpmBid < req.floorCpm) return 'BELOW_FLOOR';
  return null;
}

/**
 * Whether one more impression fits, with `inPod` impressions of this line item already placed in
 * the pod: budget and daily cap left ≥ the price of all of them, and every frequency cap.
 */
export function checkSpendAndCaps(li: LineItemForDecision, counts: ImpressionCounts, inPod: number): ExclusionReason | null {
  const price = pricePerImpression(li.cpmBid);
  const needed = price * BigInt(inPod + 1);
  if (li.budget - li.spent < needed) return 'BUDGET_EXHAUSTED';
  if (li.dailyCap !== null && li.dailyCap - li.spentToday < needed) return 'DAILY_CAP_REACHED';
  return checkFrequency(li.frequencyCaps, counts, inPod);
}

/**
 * Can this line item serve this request? (Pacing is separate: `pacingAllows`.) `inPod`: ads of this
 * line item already in the pod being decided. With a price when eligible, a reason when not.
 */
export function eligible(lineItem: LineItemForDecision, request: AdRequest, inPod = 0): Eligibility {
  const reason =
    checkStatic(lineItem, new TargetingContext(request)) ??
    checkSpendAndCaps(
      lineItem,
      countsFor(
        request.viewerHistory.counts ??
          countImpressions(
            request.viewerHistory.impressions.filter((i) => i.lineItemId === lineItem.id),
            request.now,
            request.sessionId,
          ),
        lineItem.id,
      ),
      inPod,
    );
  return reason ? { eligible: false, reason } : { eligible: true, priceMinor: pricePerImpression(lineItem.cpmBid) };
}
