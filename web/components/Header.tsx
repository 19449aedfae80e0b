'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatClc } from '@/lib/money';
import { useSession } from '@/lib/session';
import { useWalletBalance } from '@/lib/useWalletBalance';
import { MobileNav } from './nav/MobileNav';
import { isActive, navLinksFor } from './nav/nav-links';
import { SearchBox } from './search/SearchBox';

/**
 * The site header: logo, the main links the person's roles give (nav-links.ts), the account. On
 * wide screens the links and the account sit in the bar; on narrow ones (see globals.css, "mobile
 * navigation") they move into the Menu button's panel.
 */
export function Header() {
  const { me, signOut } = useSession();
  const pathname = usePathname() ?? '/';
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const balance = useWalletBalance(me);
  const isAuthPage = pathname === '/signin' || pathname === '/register';
  const next = isAuthPage ? '' : `?next=${encodeURIComponent(pathname)}`;
  const links = navLinksFor(me?.roles);

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
        <SearchBox />
        <nav aria-label="Main" className="nav">
          {links.map((item) => {
            const active = isActive(item.href, pathname);
            return (
              <Link
                key={item.href}
                href={item.href}
                className="nav__link"
                aria-current={active ? 'page' : undefined}
                data-testid={`nav-${item.key}`}
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
              <span className="account__name" data-testid="account-name" title={me.email ?? undefined}>
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
        <MobileNav links={links} pathname={pathname} me={me} balance={balance} next={next} busy={busy} onSignOut={() => void onSignOut()} />
      </div>
    </header>
  );
}
