import Link from 'next/link';
import { channelPath } from '@/lib/channels';
import { ChannelAvatar } from './ChannelAvatar';
import styles from './channel.module.css';

export interface FollowedChannel {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl?: string | null;
}

/** A row of followed channels (avatar + name), scrolling sideways on narrow screens. */
export function FollowedChannels({ channels }: { channels: FollowedChannel[] }) {
  return (
    <ul className={styles.chips} data-testid="followed-channels">
      {channels.map((c) => (
        <li key={c.id}>
          <Link href={channelPath(c.handle)} className={styles.chip} title={`@${c.handle}`}>
            <ChannelAvatar name={c.displayName} url={c.avatarUrl} size="large" />
            <span>{c.displayName}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
