import type { ChannelHeader } from '@/lib/channels';
import styles from './channel-page.module.css';

export function ChannelAbout({ channel }: { channel: ChannelHeader }) {
  const joined = new Date(channel.createdAt).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
  return (
    <div className={styles.about} data-testid="channel-about">
      <div>
        <h2 className="section-title">Description</h2>
        <p className={styles.description}>{channel.description || 'No description yet.'}</p>
        {channel.links.length > 0 && (
          <>
            <h2 className="section-title">Links</h2>
            <ul className={styles.links}>
              {channel.links.map((l) => (
                <li key={l.url}>
                  <a href={l.url} rel="nofollow noopener noreferrer" target="_blank">
                    {l.title}
                  </a>
                  <span className="muted small"> {new URL(l.url).hostname}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <dl className={styles.stats}>
        <dt>Joined</dt>
        <dd>{joined}</dd>
        <dt>Videos</dt>
        <dd>{channel.videoCount.toLocaleString('en-US')}</dd>
        <dt>Subscribers</dt>
        <dd>{channel.subscriberCount.toLocaleString('en-US')}</dd>
      </dl>
    </div>
  );
}
