import { ContinueWatchingSection } from '@/components/home/ContinueWatchingSection';
import { NewestSection } from '@/components/home/NewestSection';
import { TrendingSection } from '@/components/home/TrendingSection';

/** Home: one section per component (web/components/home), in this order. */
export default function HomePage() {
  return (
    <>
      <h1 className="sr-only">WeTube home</h1>
      <ContinueWatchingSection />
      {/* Subscriptions (channels): <SubscriptionsSection /> */}
      <TrendingSection />
      <NewestSection />
    </>
  );
}
