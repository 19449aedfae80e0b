'use client';

import { ProgressBar } from '@/components/ProgressBar';
import type { AdVideo, LineItem } from '@/lib/ads/advertiser-api';
import { percentOf, type ReportTotals } from '@/lib/ads/report-days';
import { formatDateTime } from '@/lib/format';
import { formatClc, isZero } from '@/lib/money';
import { CreativeList } from './CreativeList';
import { LineItemActions } from './LineItemActions';
import { NewCreativeForm } from './NewCreativeForm';
import { StatusBadge } from './StatusBadge';

function targetingSummary(li: LineItem): string {
  const t = li.targeting;
  const parts = [
    t.positions.length === 0 ? 'pre- and mid-roll' : t.positions.map((p) => (p === 'PREROLL' ? 'pre-roll' : 'mid-roll')).join(', '),
    t.devices.length ? t.devices.join(', ') : 'all devices',
    t.mediaKinds.length === 1 ? (t.mediaKinds[0] === 'AUDIO' ? 'audio only' : 'videos only') : 'videos and audio',
    t.countries.length ? t.countries.join(', ') : 'all countries',
  ];
  if (t.categories.length) parts.push(`categories ${t.categories.join(', ')}`);
  if (t.tags.length) parts.push(`tags ${t.tags.join(', ')}`);
  return parts.join(' · ');
}

/** A line item: status, flight, budget vs spent, cap, bid, pacing, lifetime delivery, actions and its creatives. */
export function LineItemRow({
  lineItem: li,
  delivery,
  videos,
  onLineItem,
  onChanged,
}: {
  lineItem: LineItem;
  delivery: ReportTotals | null;
  videos: AdVideo[] | null;
  onLineItem: (li: LineItem) => void;
  onChanged: () => void;
}) {
  const closed = li.status === 'CANCELLED' || li.status === 'ENDED';
  const pct = percentOf(li.spent, li.budget);
  const impressions = delivery?.impressions ?? 0;
  return (
    <li className="ad-line-item" data-testid="line-item" data-id={li.id} data-name={li.name} data-status={li.status}>
      <div className="ad-line-item__head">
        <h4 className="ad-line-item__name">
          {li.name} <StatusBadge status={li.status} testId="line-item-status" />
        </h4>
        <LineItemActions lineItem={li} onLineItem={onLineItem} onChanged={onChanged} />
      </div>
      <dl className="ad-line-item__facts">
        <div>
          <dt>Flight</dt>
          <dd>
            <time dateTime={li.flightStart}>{formatDateTime(li.flightStart)}</time> –{' '}
            <time dateTime={li.flightEnd}>{formatDateTime(li.flightEnd)}</time>
          </dd>
        </div>
        <div className="ad-line-item__budget">
          <dt>Budget</dt>
          <dd>
            <span data-testid="line-item-spent" data-minor={li.spent}>
              {formatClc(li.spent)}
            </span>{' '}
            spent of <span data-minor={li.budget}>{formatClc(li.budget)}</span>
            <ProgressBar
              value={pct}
              label={`${li.name}: ${pct}% of the budget spent`}
              testId="line-item-budget-bar"
              tone={pct >= 100 ? 'success' : 'default'}
            />
            <span className="muted small">
              {closed
                ? `${formatClc(li.returned)} returned to your wallet${li.closedAt ? ` on ${formatDateTime(li.closedAt)}` : ''}`
                : `${formatClc(li.escrowBalance)} left in escrow`}
            </span>
          </dd>
        </div>
        <div>
          <dt>Daily cap</dt>
          <dd>{li.dailyCap && !isZero(li.dailyCap) ? `${formatClc(li.dailyCap)} / day (${li.targeting.timeZone})` : 'none'}</dd>
        </div>
        <div>
          <dt>CPM bid</dt>
          <dd data-minor={li.cpmBid}>{formatClc(li.cpmBid)}</dd>
        </div>
        <div>
          <dt>Pacing</dt>
          <dd>{li.pacing === 'EVEN' ? 'Even' : 'As soon as possible'}</dd>
        </div>
        <div>
          <dt>Delivery</dt>
          <dd data-testid="line-item-delivery" data-impressions={impressions} data-completes={delivery?.completes ?? 0}>
            <span data-testid="line-item-impressions">
              {impressions.toLocaleString('en')} impression{impressions === 1 ? '' : 's'}
            </span>
            {delivery && impressions > 0 && (
              <span className="muted small">
                {' '}
                · {delivery.completes.toLocaleString('en')} complete{delivery.completes === 1 ? '' : 's'} (
                {Math.round(delivery.completionRate * 100)} %) ·{' '}
                <span data-testid="line-item-clicks" data-clicks={delivery.clicks}>
                  {delivery.clicks.toLocaleString('en')} click{delivery.clicks === 1 ? '' : 's'} (
                  {(delivery.clickThroughRate * 100).toFixed(1)} % CTR)
                </span>{' '}
                · eCPM {formatClc(delivery.eCpm)}
              </span>
            )}
          </dd>
        </div>
        <div className="ad-line-item__targeting">
          <dt>Targeting</dt>
          <dd className="small">{targetingSummary(li)}</dd>
        </div>
      </dl>
      <CreativeList creatives={li.creatives} videos={videos} />
      {!closed && (
        <details className="ad-line-item__add" data-testid="add-creative">
          <summary>Add a creative</summary>
          <NewCreativeForm lineItemId={li.id} videos={videos} onCreated={onChanged} />
        </details>
      )}
    </li>
  );
}
