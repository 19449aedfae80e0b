'use client';

import { useCallback, useEffect, useState } from 'react';
import { EarningsChart } from '@/components/EarningsChart';
import { errorMessage, gql } from '@/lib/api';
import { SEEDING_EARNINGS_QUERY, type EarningsPoint } from '@/lib/payments';
import { LoadStatus } from '@/components/LoadStatus';

/** Peer rewards per UTC day over the last 30 days (browser viewers and seeder nodes). */
export function SeedingEarnings() {
  const [points, setPoints] = useState<EarningsPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const d = await gql(SEEDING_EARNINGS_QUERY, { days: 30 });
      setPoints(d.seedingEarnings);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="wallet__earnings">
      <h2 className="section-title">Seeding earnings</h2>
      <LoadStatus what="your seeding earnings" error={error} loading={!points} onRetry={() => void load()} />
      {points && <EarningsChart points={points} title="Seeding earnings" showSegments />}
    </div>
  );
}
