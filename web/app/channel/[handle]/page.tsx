import type { Metadata } from 'next';
import { ChannelClient } from './ChannelClient';

/** /@handle is rewritten here (next.config.ts); /channel/<handle> works too. */
export async function generateMetadata({ params }: { params: Promise<{ handle: string }> }): Promise<Metadata> {
  const { handle } = await params;
  return { title: `@${decodeURIComponent(handle).replace(/^@/, '')}` };
}

export default async function ChannelPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  return <ChannelClient handle={decodeURIComponent(handle).replace(/^@/, '')} />;
}
