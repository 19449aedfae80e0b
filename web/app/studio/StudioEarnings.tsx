'use client';

import { useCallback, useEffect, useState } from 'react';
import { EarningsChart } from '@/components/EarningsChart';
import { errorMessage, gql } from '@/lib/api';
import { formatClc } from '@/lib/money';
import { CREATOR_EARNINGS_QUERY, type EarningsPoint } from '@/lib/payments';
import { LoadStatus } from '@/components/LoadStatus';

/** Creator revenue accrued this period and per day over the last 30 days. */
export function StudioEarnings() {
  const [data, setData] = useState<{ creatorRevenue: string; points: EarningsPoint[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const d = await gql(CREATOR_EARNINGS_QUERY, { days: 30 });
      setData({ creatorRevenue: d.wallet.creatorRevenue, points: d.creatorEarnings });
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="studio-earnings" aria-labelledby="studio-earnings-title" data-testid="studio-earnings">
      <h2 id="studio-earnings-title" className="section-title">
        Earnings
      </h2>
      <LoadStatus what="your earnings" error={error} loading={!data} onRetry={() => void load()} />
      {data && (
        <>
          <p>
            Creator revenue this period:{' '}
            <strong data-testid="studio-creator-revenue" data-minor={data.creatorRevenue}>
              {formatClc(data.creatorRevenue)}
            </strong>{' '}
            <span className="muted small">(moves to your wallet balance at settlement)</span>
          </p>
          <EarningsChart points={data.points} title="Creator revenue" />
        </>
      )}
    </section>
  );
}
