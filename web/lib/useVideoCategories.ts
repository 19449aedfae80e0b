'use client';

import { useEffect, useState } from 'react';
import { gql } from '@/lib/api';
import { graphql } from '@/lib/gql';

const VIDEO_CATEGORIES_QUERY = graphql(`
  query VideoCategories {
    videoCategories
  }
`);

let cached: Promise<string[]> | null = null;

/** The platform's video categories (GraphQL `videoCategories`), fetched once per page load. */
export function useVideoCategories(): string[] {
  const [list, setList] = useState<string[]>([]);
  useEffect(() => {
    cached ??= gql(VIDEO_CATEGORIES_QUERY)
      .then((d) => d.videoCategories)
      .catch(() => {
        cached = null; // try again on the next mount
        return [];
      });
    let live = true;
    void cached.then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, []);
  return list;
}
