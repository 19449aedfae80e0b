import Link from 'next/link';
import { Highlight } from '@/components/search/Highlight';
import { formatDuration, relativeDate } from '@/lib/format';
import { snippet, type MatchTerms } from '@/lib/search/highlight';
import type { SearchResult } from './useSearchResults';

/**
 * One result: poster (with the duration), title with the matched words marked, upload date, channel
 * (a link to its page `/@handle` once the result carries a handle; plain text until channels exist)
 * and a piece of the description around the first match.
 */
export function SearchResultItem({ result, terms }: { result: SearchResult; terms: MatchTerms }) {
  const v = result.node;
  const href = `/watch/${encodeURIComponent(v.id)}`;
  const duration = formatDuration(v.durationSec);
  const channel = result.channelName || v.owner?.displayName || 'Unknown channel';
  const about = v.description ? snippet(v.description, terms) : '';
  const title = v.title || 'Untitled';
  return (
    <li className="sresult" data-testid="search-result" data-id={v.id}>
      <Link href={href} className="sresult__thumb" tabIndex={-1} aria-hidden="true">
        {v.posterUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- posters come from the API origin
          <img src={v.posterUrl} alt="" loading="lazy" decoding="async" />
        ) : (
          <span className="card__noposter">▶</span>
        )}
        {duration && <span className="card__duration">{duration}</span>}
      </Link>
      <div className="sresult__body">
        <h2 className="sresult__title">
          <Link href={href} title={title} data-testid="search-result-link">
            <Highlight text={title} terms={terms} />
          </Link>
        </h2>
        <p className="sresult__meta">
          {duration && <span className="sr-only">Duration {duration}, </span>}
          {v.createdAt && (
            <time dateTime={v.createdAt} title={new Date(v.createdAt).toLocaleString()}>
              {relativeDate(v.createdAt)}
            </time>
          )}
        </p>
        <p className="sresult__channel">
          <span className="avatar avatar--small" aria-hidden="true">
            {channel.slice(0, 1).toUpperCase()}
          </span>
          {result.channelHandle ? (
            <Link href={`/@${encodeURIComponent(result.channelHandle)}`} data-testid="search-result-channel">
              {channel}
            </Link>
          ) : (
            <span data-testid="search-result-channel">{channel}</span>
          )}
        </p>
        {about && (
          <p className="sresult__snippet" data-testid="search-result-snippet">
            <Highlight text={about} terms={terms} />
          </p>
        )}
      </div>
    </li>
  );
}

/** Grey rows in the shape of results while the first page loads. */
export function SearchResultsSkeleton() {
  return (
    <ol className="sresults" aria-hidden="true" data-testid="search-skeleton">
      {Array.from({ length: 4 }, (_, i) => (
        <li key={i} className="sresult sresult--skeleton">
          <div className="sresult__thumb" />
          <div className="sresult__body">
            <div className="skeleton-line" />
            <div className="skeleton-line skeleton-line--short" />
            <div className="skeleton-line skeleton-line--short" />
          </div>
        </li>
      ))}
    </ol>
  );
}
