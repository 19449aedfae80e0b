import { canAdvertise } from '@/lib/ads/advertiser-api';

export interface NavLink {
  href: string;
  label: string;
  /** For tests: `nav-<key>` in the desktop bar, `menu-<key>` in the mobile menu. */
  key: string;
}

const EVERYONE: NavLink[] = [
  { href: '/', label: 'Home', key: 'home' },
  { href: '/subscriptions', label: 'Subscriptions', key: 'subscriptions' },
  { href: '/library', label: 'Library', key: 'library' },
  { href: '/upload', label: 'Upload', key: 'upload' },
  { href: '/studio', label: 'Studio', key: 'studio' },
  { href: '/wallet', label: 'Wallet', key: 'wallet' },
];
/** Shown to signed-in advertisers (and admins) only. */
const ADVERTISER: NavLink = { href: '/advertiser', label: 'Advertise', key: 'advertiser' };

/**
 * The main links a person has: everyone (signed out too: those pages ask to sign in) gets Home,
 * Library, Upload, Studio and Wallet; advertisers and admins get Advertise as well.
 */
export function navLinksFor(roles: readonly string[] | null | undefined): NavLink[] {
  return roles && canAdvertise(roles) ? [...EVERYONE, ADVERTISER] : EVERYONE;
}

export function isActive(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
