import Link from 'next/link';
import type { MyPlaylist } from '@/lib/library';
import './library.css';

/** A playlist in a grid: its first video's poster, the count, title and visibility. */
export function PlaylistCard({ playlist }: { playlist: Pick<MyPlaylist, 'id' | 'title' | 'visibility' | 'itemCount' | 'thumbnailUrl'> }) {
  return (
    <li className="card" data-testid="playlist-card">
      <Link href={`/playlist?list=${encodeURIComponent(playlist.id)}`} className="card__link">
        <div className="card__thumb">
          {playlist.thumbnailUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- posters come from the API origin
            <img src={playlist.thumbnailUrl} alt="" loading="lazy" decoding="async" />
          ) : (
            <div className="card__noposter" aria-hidden="true">
              ☰
            </div>
          )}
          <span className="pl-card__count">
            {playlist.itemCount} video{playlist.itemCount === 1 ? '' : 's'}
          </span>
        </div>
        <div className="card__body">
          <h3 className="card__title">{playlist.title}</h3>
          <p className="card__meta">{playlist.visibility.toLowerCase()}</p>
        </div>
      </Link>
    </li>
  );
}
