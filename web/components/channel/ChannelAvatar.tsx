import styles from './channel.module.css';

/** A channel's round picture, or its first letter when it has none. */
export function ChannelAvatar({ name, url, size }: { name: string; url: string | null | undefined; size: 'small' | 'medium' | 'large' }) {
  const cls = `${styles.avatar} ${styles[`avatar--${size}`]}`;
  if (url) {
    const px = size === 'small' ? 36 : size === 'medium' ? 48 : 96;
    // eslint-disable-next-line @next/next/no-img-element -- channel images come from the API origin
    return <img className={cls} src={url} alt="" width={px} height={px} />;
  }
  return (
    <span className={`${cls} ${styles.avatarLetter}`} aria-hidden="true">
      {(name || '?').slice(0, 1).toUpperCase()}
    </span>
  );
}
