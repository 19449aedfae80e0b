'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EarningsChart } from '@/components/EarningsChart';
import { ADVERTISER_QUERY } from '@/lib/ads/advertiser-api';
import { fetchReportRows } from '@/lib/ads/fetch-report';
import { dailySeries, totals, windowStart, type ReportDay, type ReportTotals } from '@/lib/ads/report-days';
import { errorMessage, gql } from '@/lib/api';
import { formatClc } from '@/lib/money';
import { announceWallet } from '@/lib/payments';
import { LoadStatus } from '@/components/LoadStatus';

const DAYS = 30;

interface Overview {
  balance: string;
  totals: ReportTotals;
  days: ReportDay[];
  complete: boolean;
}

/** Spendable balance, delivery totals of the last 30 UTC days and a chart of spend and impressions per day. Reloads when `version` changes. */
export function AdOverview({ version }: { version: number }) {
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const load = useCallback(async () => {
    const id = ++request.current;
    setError(null);
    try {
      const now = Date.now();
      const [{ advertiser }, report] = await Promise.all([
        gql(ADVERTISER_QUERY),
        fetchReportRows({ from: windowStart(DAYS, now).toISOString() }),
      ]);
      if (id !== request.current) return;
      setData({
        balance: advertiser.walletBalance,
        totals: totals(report.rows),
        days: dailySeries(report.rows, DAYS, now),
        complete: report.complete,
      });
      announceWallet({ balance: advertiser.walletBalance });
    } catch (e) {
      if (id === request.current) setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, version]);

  return (
    <section className="ad-overview" aria-labelledby="ad-overview-title" data-testid="ad-overview">
      <h2 id="ad-overview-title" className="sr-only">
        Overview
      </h2>
      <LoadStatus what="your overview" error={error} loading={!data} onRetry={() => void load()} />
      {data && (
        <>
          <div className="ad-overview__figures">
            <div className="panel ad-overview__balance">
              <p className="wallet__label">Available to spend</p>
              <p className="wallet__balance" data-testid="ad-balance" data-minor={data.balance}>
                {formatClc(data.balance)}
              </p>
              <p className="muted small">
                Your wallet balance: new line item budgets come out of it. <Link href="/wallet">Wallet</Link>
              </p>
            </div>
            <dl className="panel ad-overview__totals" data-testid="ad-totals">
              <div>
                <dt>Spend</dt>
                <dd data-testid="ad-total-spend" data-minor={data.totals.spend.toString()}>
                  {formatClc(data.totals.spend)}
                </dd>
              </div>
              <div>
                <dt>Impressions</dt>
                <dd data-testid="ad-total-impressions">{data.totals.impressions.toLocaleString('en')}</dd>
              </div>
              <div>
                <dt>Completes</dt>
                <dd data-testid="ad-total-completes">
                  {data.totals.completes.toLocaleString('en')}
                  {data.totals.impressions > 0 && <span className="muted small"> ({Math.round(data.totals.completionRate * 100)} %)</span>}
                </dd>
              </div>
              <div>
                <dt>eCPM</dt>
                <dd data-testid="ad-total-ecpm" data-minor={data.totals.eCpm.toString()}>
                  {formatClc(data.totals.eCpm)}
                </dd>
              </div>
              <p className="muted small ad-overview__window">
                Last {DAYS} days (UTC){data.complete ? '' : ', first rows only: narrow the period for exact figures'}.
              </p>
            </dl>
          </div>
          <EarningsChart
            points={data.days.map((d) => ({ day: d.day, amount: d.spend, segments: d.impressions }))}
            title="Spend"
            showSegments
            countNoun="impression"
            plotCounts
            testId="ad-chart"
          />
        </>
      )}
    </section>
  );
}
