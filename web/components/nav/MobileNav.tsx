'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { formatClc } from '@/lib/money';
import type { Me } from '@/lib/session';
import { isActive, type NavLink } from './nav-links';

interface MobileNavProps {
  links: NavLink[];
  pathname: string;
  me: Me | null | undefined;
  balance: string | null;
  /** `?next=…` for the sign-in and register links. */
  next: string;
  busy: boolean;
  onSignOut: () => void;
}

/**
 * The header's navigation on narrow screens: a Menu button that opens a panel with every link the
 * person has, their account and Sign in/out. The panel closes on navigation, on Escape (focus back
 * on the button) and on a click outside it.
 */
export function MobileNav({ links, pathname, me, balance, next, busy, onSignOut }: MobileNavProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);

  // Any navigation closes the menu.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="mnav" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="mnav__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="menu-button"
      >
        <span className="mnav__icon" aria-hidden="true">
          {open ? '✕' : '☰'}
        </span>
        <span>Menu</span>
      </button>
      <div id={panelId} className="mnav__panel" hidden={!open} data-testid="menu-panel">
        <nav aria-label="Main menu">
          <ul className="mnav__list">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  className="mnav__link"
                  aria-current={isActive(l.href, pathname) ? 'page' : undefined}
                  data-testid={`menu-${l.key}`}
                  onClick={() => setOpen(false)}
                >
                  <span>{l.label}</span>
                  {l.href === '/wallet' && balance !== null && (
                    <span className="nav__balance" data-testid="menu-wallet-balance">
                      {formatClc(balance)}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mnav__account">
          {me === undefined ? null : me ? (
            <>
              <span className="account__name" title={me.email ?? undefined} data-testid="menu-account-name">
                <span className="avatar" aria-hidden="true">
                  {me.displayName.slice(0, 1).toUpperCase()}
                </span>
                <span>{me.displayName}</span>
              </span>
              <button type="button" className="btn btn--ghost" onClick={onSignOut} disabled={busy} data-testid="menu-sign-out">
                Sign out
              </button>
            </>
          ) : (
            <>
              <Link href={`/signin${next}`} className="btn btn--ghost" data-testid="menu-sign-in" onClick={() => setOpen(false)}>
                Sign in
              </Link>
              <Link href={`/register${next}`} className="btn btn--primary" data-testid="menu-register" onClick={() => setOpen(false)}>
                Register
              </Link>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
