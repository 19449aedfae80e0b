import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/format';
import { formatClc, isZero } from '@/lib/money';
import type { Entitlement, Wallet } from '@/lib/payments';

/** Until when the viewer watches without ads, or null. adFreeUntil is the wallet's word; the entitlement names the plan. */
function adFree(wallet: Wallet, entitlement: Entitlement | null, now = Date.now()): { until: string; plan: string | null } | null {
  const until = wallet.adFreeUntil ?? entitlement?.expiresAt ?? null;
  if (!until || new Date(until).getTime() <= now) return null;
  return { until, plan: entitlement?.planName ?? null };
}

export function WalletSummary({
  wallet,
  entitlement,
  children,
}: {
  wallet: Wallet;
  entitlement: Entitlement | null;
  children?: ReactNode;
}) {
  const ad = adFree(wallet, entitlement);
  return (
    <div className="panel wallet__summary" aria-labelledby="wallet-balance-label">
      <p id="wallet-balance-label" className="wallet__label">
        Balance
      </p>
      <p className="wallet__balance" data-testid="wallet-balance" data-minor={wallet.balance}>
        {formatClc(wallet.balance)}
      </p>

      <dl className="wallet__figures">
        <div>
          <dt>Pending</dt>
          <dd data-testid="wallet-pending" data-minor={wallet.pending}>
            {formatClc(wallet.pending)}
          </dd>
          <dd className="muted small">
            What you earned sharing video with other viewers, held for the review window before it becomes spendable.
          </dd>
        </div>
        {!isZero(wallet.creatorRevenue) && (
          <div>
            <dt>Creator revenue</dt>
            <dd data-testid="wallet-creator-revenue" data-minor={wallet.creatorRevenue}>
              {formatClc(wallet.creatorRevenue)}
            </dd>
            <dd className="muted small">Accrued this period from your videos; it moves to your balance at settlement.</dd>
          </div>
        )}
      </dl>

      <p className="wallet__adfree" data-testid="adfree-status" data-active={ad ? 'true' : 'false'}>
        {ad ? (
          <>
            <span className="badge badge--ready">Ad-free</span> {ad.plan ? `${ad.plan} · ` : ''}until {formatDateTime(ad.until)}
          </>
        ) : (
          <>
            <span className="badge">Ads on</span> Buy a plan to watch without ads.
          </>
        )}
      </p>
      {children}
    </div>
  );
}
