import type { Metadata } from 'next';
import { ChannelEditor } from './ChannelEditor';

export const metadata: Metadata = { title: 'Channel · Studio' };

export default function StudioChannelPage() {
  return <ChannelEditor />;
}
