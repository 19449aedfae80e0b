import type { Metadata } from 'next';
import { LibraryClient } from './LibraryClient';

export const metadata: Metadata = { title: 'Library' };

export default function LibraryPage() {
  return <LibraryClient />;
}
