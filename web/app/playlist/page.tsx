import { PlaylistClient } from './PlaylistClient';

export default async function PlaylistPage({ searchParams }: { searchParams: Promise<{ list?: string | string[] }> }) {
  const { list } = await searchParams;
  return <PlaylistClient listId={typeof list === 'string' ? list : ''} />;
}
