'use client';

import type { AdVideo, Campaign } from '@/lib/ads/advertiser-api';
import { CampaignCard } from './CampaignCard';

/** The advertiser's campaigns, newest first, each with its line items. */
export function CampaignList({
  campaigns,
  videos,
  version,
  onCampaign,
  onChanged,
}: {
  campaigns: Campaign[];
  videos: AdVideo[] | null;
  version: number;
  onCampaign: (c: Campaign) => void;
  onChanged: () => void;
}) {
  if (campaigns.length === 0) {
    return (
      <div className="empty panel" data-testid="campaigns-empty">
        <h2>No campaigns yet</h2>
        <p className="muted">Create a campaign above, then a line item with a budget, then a creative from one of your uploaded videos.</p>
      </div>
    );
  }
  return (
    <ul className="ad-campaigns" data-testid="campaign-list">
      {campaigns.map((c) => (
        <CampaignCard key={c.id} campaign={c} videos={videos} version={version} onCampaign={onCampaign} onChanged={onChanged} />
      ))}
    </ul>
  );
}
