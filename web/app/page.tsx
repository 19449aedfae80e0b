import { TrendingSection } from '@/components/home/TrendingSection';
import { HomeFeed } from './HomeFeed';

export default function HomePage() {
  return (
    <section aria-labelledby="home-title">
      <TrendingSection />
      <h1 id="home-title" className="page-title">
        Latest videos
      </h1>
      <HomeFeed />
    </section>
  );
}
