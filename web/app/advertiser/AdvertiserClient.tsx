'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { canAdvertise, type AdVideo, type Campaign, CAMPAIGNS_QUERY, MY_AD_VIDEOS_QUERY } from '@/lib/ads/advertiser-api';
import { errorMessage, gql } from '@/lib/api';
import { SignInPending } from '@/components/SignInPending';
import { useRequireAuth } from '@/lib/useRequireAuth';
import { AdOverview } from './AdOverview';
import { ApiKeys } from './ApiKeys';
import { CampaignList } from './CampaignList';
import { NewCampaignForm } from './NewCampaignForm';
import { NewLineItemForm } from './NewLineItemForm';

const CAMPAIGN_PAGE = 20;

/**
 * The advertiser dashboard: overview (balance, last 30 days, chart), the create forms, campaigns
 * with their line items and creatives, API keys. Every change bumps `version`, and the parts that
 * show money or delivery load again.
 */
export function AdvertiserClient() {
  const { me, error: sessionError } = useRequireAuth();
  const allowed = !!me && canAdvertise(me.roles);
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [videos, setVideos] = useState<AdVideo[] | null>(null);
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const loadCampaigns = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const { campaigns: page } = await gql(CAMPAIGNS_QUERY, { first: CAMPAIGN_PAGE, after });
      const nodes = page.edges.map((e) => e.node);
      setCampaigns((prev) => {
        if (!after || !prev) return nodes;
        const seen = new Set(prev.map((c) => c.id));
        return [...prev, ...nodes.filter((c) => !seen.has(c.id))];
      });
      setCursor(page.pageInfo.endCursor);
      setHasNext(page.pageInfo.hasNextPage);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  const loadVideos = useCallback(async () => {
    try {
      const { myVideos } = await gql(MY_AD_VIDEOS_QUERY, { first: 50 });
      setVideos(myVideos.edges.map((e) => e.node));
    } catch {
      setVideos([]); // the creative form says there is nothing to pick and links to the upload page
    }
  }, []);

  useEffect(() => {
    if (!allowed) return;
    void loadCampaigns(null);
    void loadVideos();
  }, [allowed, loadCampaigns, loadVideos]);

  const onCampaign = useCallback((c: Campaign) => {
    setCampaigns((prev) => {
      if (!prev) return [c];
      return prev.some((p) => p.id === c.id) ? prev.map((p) => (p.id === c.id ? c : p)) : [c, ...prev];
    });
  }, []);

  if (!me) return <SignInPending me={me} error={sessionError} />;
  if (!allowed) {
    return (
      <section aria-labelledby="advertiser-title" className="advertiser">
        <h1 id="advertiser-title" className="page-title">
          Advertiser
        </h1>
        <div className="panel" data-testid="advertiser-not-allowed">
          <p>
            <strong>{me.displayName}</strong> is not an advertiser account. Advertising on WeTube takes an account registered as an
            advertiser.
          </p>
          <p className="muted">Sign out and create one with “Advertiser account” ticked; your viewer and creator account stays as it is.</p>
          <Link href="/register?next=%2Fadvertiser" className="btn">
            Create an advertiser account
          </Link>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="advertiser-title" className="advertiser">
      <div className="studio__head">
        <div>
          <h1 id="advertiser-title" className="page-title">
            Advertiser
          </h1>
          <p className="muted">
            Campaigns of {me.displayName}. Line item budgets move from your wallet into escrow; impressions are paid from there.
          </p>
        </div>
        <Link href="/upload" className="btn">
          Upload an ad video
        </Link>
      </div>

      <AdOverview version={version} />

      <div className="advertiser__forms" data-testid="advertiser-forms">
        <NewCampaignForm
          onCreated={(c) => {
            onCampaign(c);
            changed();
          }}
        />
        <NewLineItemForm campaigns={campaigns} onCreated={changed} />
      </div>

      <h2 className="section-title">Campaigns</h2>
      {error && (
        <div className="alert alert--error" role="alert" data-testid="campaigns-error">
          <p>Could not load your campaigns. {error}</p>
          <button type="button" className="btn btn--small" onClick={() => void loadCampaigns(null)}>
            Try again
          </button>
        </div>
      )}
      {campaigns === null && !error && (
        <p className="muted" aria-busy="true">
          Loading your campaigns…
        </p>
      )}
      {campaigns && <CampaignList campaigns={campaigns} videos={videos} version={version} onCampaign={onCampaign} onChanged={changed} />}
      {campaigns && hasNext && (
        <div className="center">
          <button type="button" className="btn" onClick={() => void loadCampaigns(cursor)} disabled={loading}>
            {loading ? 'Loading…' : 'More campaigns'}
          </button>
        </div>
      )}

      <ApiKeys />
    </section>
  );
}
