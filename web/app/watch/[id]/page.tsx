import { WatchClient } from './WatchClient';

export default async function WatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ list?: string | string[] }>;
}) {
  const { id } = await params;
  const { list } = await searchParams;
  return <WatchClient id={decodeURIComponent(id)} listId={typeof list === 'string' && list ? list : null} />;
}
