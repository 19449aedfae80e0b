import type { Metadata } from 'next';
import { SubscriptionsClient } from './SubscriptionsClient';

export const metadata: Metadata = { title: 'Subscriptions' };

export default function SubscriptionsPage() {
  return <SubscriptionsClient />;
}
