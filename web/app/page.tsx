import { ContinueWatchingSection } from '@/components/home/ContinueWatchingSection';
import { NewestSection } from '@/components/home/NewestSection';
import { TrendingSection } from '@/components/home/TrendingSection';
import { SubscriptionsShelf } from '@/components/home/SubscriptionsShelf';

/** Home: one section per component (web/components/home), in this order. */
export default function HomePage() {
  return (
    <>
      <h1 className="sr-only">WeTube home</h1>
      <ContinueWatchingSection />
      <SubscriptionsShelf />
      <TrendingSection />
      <NewestSection />
    </>
  );
}
