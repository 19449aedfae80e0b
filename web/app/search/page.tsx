import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SearchResultsSkeleton } from './SearchResultItem';
import { SearchResults } from './SearchResults';
import './search.css';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  return {
    title: q ? `${q.length > 60 ? `${q.slice(0, 60)}…` : q} - Search` : 'Search',
    robots: { index: false },
  };
}

export default function SearchPage() {
  return (
    <Suspense fallback={<SearchResultsSkeleton />}>
      <SearchResults />
    </Suspense>
  );
}
