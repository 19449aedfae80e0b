import { SubscriptionsShelf } from '@/components/home/SubscriptionsShelf';
import { HomeFeed } from './HomeFeed';

export default function HomePage() {
  return (
    <section aria-labelledby="home-title">
      <SubscriptionsShelf />
      <h1 id="home-title" className="page-title">
        Latest videos
      </h1>
      <HomeFeed />
    </section>
  );
}
