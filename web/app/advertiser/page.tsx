import type { Metadata } from 'next';
import { AdvertiserClient } from './AdvertiserClient';

export const metadata: Metadata = { title: 'Advertiser' };

export default function AdvertiserPage() {
  return <AdvertiserClient />;
}
