import { HomeFeed } from '@/app/HomeFeed';
import '@/components/library/library.css';

/** Home: the newest public videos (paged). */
export function NewestSection() {
  return (
    <section className="home-section" aria-labelledby="home-title">
      <h2 id="home-title" className="page-title">
        Newest
      </h2>
      <HomeFeed />
    </section>
  );
}
