'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { canAdvertise } from '@/lib/ads/advertiser-api';
import { formatClc } from '@/lib/money';
import { useSession } from '@/lib/session';
import { useWalletBalance } from '@/lib/useWalletBalance';

const NAV = [
  { href: '/', label: 'Home' },
  { href: '/upload', label: 'Upload' },
  { href: '/studio', label: 'Studio' },
  { href: '/wallet', label: 'Wallet' },
];
/** Shown to signed-in advertisers (and admins) only. */
const ADVERTISER_NAV = { href: '/advertiser', label: 'Advertise' };

export function Header() {
  const { me, signOut } = useSession();
  const pathname = usePathname() ?? '/';
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const balance = useWalletBalance(me);
  const isAuthPage = pathname === '/signin' || pathname === '/register';
  const next = isAuthPage ? '' : `?next=${encodeURIComponent(pathname)}`;

  async function onSignOut() {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
      router.push('/');
      router.refresh();
    }
  }

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="logo" aria-label="WeTube home">
          <span className="logo__mark" aria-hidden="true">
            ▶
          </span>
          <span className="logo__text">WeTube</span>
        </Link>
        <nav aria-label="Main" className="nav">
          {(me && canAdvertise(me.roles) ? [...NAV, ADVERTISER_NAV] : NAV).map((item) => {
            const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
            return (
              <Link
                key={item.href}
                href={item.href}
                className="nav__link"
                aria-current={active ? 'page' : undefined}
                data-testid={item.href === '/advertiser' ? 'nav-advertiser' : undefined}
              >
                {item.label}
                {item.href === '/wallet' && balance !== null && (
                  <span className="nav__balance" data-testid="nav-wallet-balance">
                    {formatClc(balance)}
                  </span>
                )}
              </Link>
            );
          })}
        </nav>
        <div className="account" aria-live="polite">
          {me === undefined ? (
            <span className="account__loading" aria-hidden="true" />
          ) : me ? (
            <>
              <span className="account__name" data-testid="account-name" title={me.email}>
                <span className="avatar" aria-hidden="true">
                  {me.displayName.slice(0, 1).toUpperCase()}
                </span>
                <span className="account__label">{me.displayName}</span>
              </span>
              <button type="button" className="btn btn--ghost" onClick={onSignOut} disabled={busy} data-testid="sign-out">
                Sign out
              </button>
            </>
          ) : (
            <>
              <Link href={`/signin${next}`} className="btn btn--ghost" data-testid="sign-in-link">
                Sign in
              </Link>
              <Link href={`/register${next}`} className="btn btn--primary" data-testid="register-link">
                Register
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
