'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CAMPAIGN_LINE_ITEMS_QUERY,
  SET_CAMPAIGN_STATUS_MUTATION,
  type AdVideo,
  type Campaign,
  type LineItem,
} from '@/lib/ads/advertiser-api';
import { fetchReportRows } from '@/lib/ads/fetch-report';
import { totalsByLineItem, type ReportTotals } from '@/lib/ads/report-days';
import { errorMessage, gql } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { LineItemRow } from './LineItemRow';
import { StatusBadge } from './StatusBadge';

const LINE_ITEM_PAGE = 20;

/** One campaign: its status (paused: none of its line items serves) and its line items with lifetime delivery. */
export function CampaignCard({
  campaign,
  videos,
  version,
  onCampaign,
  onChanged,
}: {
  campaign: Campaign;
  videos: AdVideo[] | null;
  version: number;
  onCampaign: (c: Campaign) => void;
  onChanged: () => void;
}) {
  const [items, setItems] = useState<LineItem[] | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<Map<string, ReportTotals>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);
  const request = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const id = ++request.current;
      setError(null);
      try {
        const [{ campaign: c }, report] = await Promise.all([
          gql(CAMPAIGN_LINE_ITEMS_QUERY, { id: campaign.id, first: LINE_ITEM_PAGE, after }),
          fetchReportRows({ campaignId: campaign.id }),
        ]);
        if (id !== request.current) return;
        const nodes = c.lineItems.edges.map((e) => e.node);
        setItems((prev) => {
          if (!after || !prev) return nodes;
          const seen = new Set(prev.map((l) => l.id));
          return [...prev, ...nodes.filter((l) => !seen.has(l.id))];
        });
        setHasNext(c.lineItems.pageInfo.hasNextPage);
        setCursor(c.lineItems.pageInfo.endCursor);
        setDelivery(totalsByLineItem(report.rows));
      } catch (e) {
        if (id === request.current) setError(errorMessage(e));
      }
    },
    [campaign.id],
  );

  useEffect(() => {
    void load(null);
  }, [load, version]);

  async function setStatus(status: 'ACTIVE' | 'PAUSED') {
    setBusy(true);
    setStatusError(null);
    try {
      const { setCampaignStatus } = await gql(SET_CAMPAIGN_STATUS_MUTATION, {
        id: campaign.id,
        status,
      });
      if (setCampaignStatus.userErrors.length > 0 || !setCampaignStatus.campaign) {
        setStatusError(setCampaignStatus.userErrors.map((e) => e.message).join(' ') || 'Not changed.');
        return;
      }
      onCampaign(setCampaignStatus.campaign);
    } catch (e) {
      setStatusError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const onLineItem = useCallback((li: LineItem) => {
    setItems((prev) => prev?.map((p) => (p.id === li.id ? li : p)) ?? prev);
  }, []);

  return (
    <li className="panel ad-campaign" data-testid="campaign" data-id={campaign.id} data-name={campaign.name}>
      <div className="ad-campaign__head">
        <div>
          <h3 className="ad-campaign__name">{campaign.name}</h3>
          <p className="muted small">
            <StatusBadge status={campaign.status} testId="campaign-status" /> created {formatDate(campaign.createdAt)}
            {campaign.status === 'PAUSED' && ' · paused: none of its line items serves until it is resumed'}
          </p>
        </div>
        <button
          type="button"
          className="btn btn--small"
          disabled={busy}
          onClick={() => void setStatus(campaign.status === 'ACTIVE' ? 'PAUSED' : 'ACTIVE')}
        >
          {campaign.status === 'ACTIVE' ? 'Pause campaign' : 'Resume campaign'}
        </button>
      </div>
      {statusError && (
        <p className="field__error" role="alert">
          {statusError}
        </p>
      )}
      {error && (
        <div className="alert alert--error" role="alert">
          <p>Could not load the line items. {error}</p>
          <button type="button" className="btn btn--small" onClick={() => void load(null)}>
            Try again
          </button>
        </div>
      )}
      {items === null && !error && (
        <p className="muted" aria-busy="true">
          Loading line items…
        </p>
      )}
      {items && items.length === 0 && <p className="muted">No line items yet: create one with the form above.</p>}
      {items && items.length > 0 && (
        <ul className="ad-line-items">
          {items.map((li) => (
            <LineItemRow
              key={li.id}
              lineItem={li}
              delivery={delivery.get(li.id) ?? null}
              videos={videos}
              onLineItem={onLineItem}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {hasNext && (
        <button type="button" className="btn btn--small" onClick={() => void load(cursor)}>
          More line items
        </button>
      )}
    </li>
  );
}
