'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { Player } from '@/components/Player';
import { ListenView } from '@/components/listen/ListenView';
import { CommentsSection } from '@/components/comments/CommentsSection';
import { PlaylistPanel } from '@/components/library/PlaylistPanel';
import { SaveButton } from '@/components/library/SaveButton';
import { UpNext } from '@/components/library/UpNext';
import { watchInList } from '@/lib/library';
import { RatingButtons, ratingButtonsKey } from '@/components/engagement/RatingButtons';
import { exactViewsLabel } from '@/lib/engagement';
import { formatDuration, formatTime, relativeDate } from '@/lib/format';
import { WatchChannelByline } from '@/components/channel/WatchChannelByline';
import { SupportButton } from '@/components/support/SupportButton';
import { ApiError, errorMessage, gql } from '@/lib/api';
import { useSession } from '@/lib/session';
import { graphql } from '@/lib/gql';
import type { WatchQuery } from '@/lib/gql/graphql';

/** The watch page's video: the shared fields plus the viewer's progress and playlists. */
type Video = NonNullable<WatchQuery['video']>;

const QUERY = graphql(`
  query Watch($id: ID!) {
    video(id: $id) {
      ...VideoFields
      ...VideoEngagement
      viewerProgress {
        positionSec
        finished
        resumeAtSec
      }
      viewerPlaylistIds
    }
  }
`);

type LoadState =
  { kind: 'loading' } | { kind: 'error'; message: string; code: string } | { kind: 'missing'; code: string } | { kind: 'ok'; video: Video };

export function WatchClient({ id, listId }: { id: string; listId: string | null }) {
  const { me } = useSession();
  const router = useRouter();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  // Resume: the saved position of the first load of this video (later reloads must not seek again).
  const [resume, setResume] = useState<{ id: string; at: number | null } | null>(null);
  const [startAt, setStartAt] = useState<number | null>(null);
  // A playlist: the next video (from the panel), and the countdown once this one ended.
  const [next, setNext] = useState<{ id: string; title: string } | null>(null);
  const [upNext, setUpNext] = useState(false);
  const playNext = useCallback(() => {
    if (next && listId) router.push(watchInList(next.id, listId));
  }, [next, listId, router]);
  const onContentEnded = useCallback(() => setUpNext(true), []);
  useEffect(() => setUpNext(false), [id]);

  const load = useCallback(async () => {
    try {
      const data = await gql(QUERY, { id });
      setState(data.video ? { kind: 'ok', video: data.video } : { kind: 'missing', code: 'NOT_FOUND' });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'ERROR';
      if (code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') {
        setState({ kind: 'missing', code });
      } else {
        setState({ kind: 'error', message: errorMessage(e), code });
      }
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  // Reload after sign-in/out (a private video may become visible).
  useEffect(() => {
    if (me !== undefined) void load();
  }, [me, load]);

  const video = state.kind === 'ok' ? state.video : null;
  const savedAt = video?.viewerProgress?.resumeAtSec ?? null;
  useEffect(() => {
    if (!video || me === undefined || resume?.id === video.id) return;
    setResume({ id: video.id, at: savedAt });
    setStartAt(savedAt);
  }, [video, me, savedAt, resume]);
  const processing = video && (video.status === 'UPLOADED' || video.status === 'PROCESSING');

  // While the video is still being transcoded, check every 3 s.
  useEffect(() => {
    if (!processing) return;
    const t = window.setInterval(() => void load(), 3000);
    return () => window.clearInterval(t);
  }, [processing, load]);

  useEffect(() => {
    if (video) document.title = `${video.title} · WeTube`;
  }, [video]);

  if (state.kind === 'loading') {
    return (
      <div className="watch" aria-busy="true">
        <div className="player__frame player__frame--placeholder" />
        <div className="skeleton-line" />
      </div>
    );
  }

  if (state.kind !== 'ok' || !video) {
    let message: string;
    const code = state.kind === 'ok' ? '' : state.code;
    if (state.kind === 'error') message = `Could not load this video. ${state.message}`;
    else if (code === 'FORBIDDEN') message = 'This video is private.';
    else if (code === 'UNAUTHENTICATED') message = 'This video is private. Sign in to watch it if it is yours.';
    else message = 'Video not found. It may have been deleted, or it is private.';
    return (
      <div className="watch">
        <div className="player__frame player__frame--placeholder">
          <div className="player__error" role="alert" data-testid="player-error">
            <p>{message}</p>
            {state.kind === 'error' ? (
              <button type="button" className="btn" onClick={() => void load()}>
                Try again
              </button>
            ) : !me ? (
              <Link href={`/signin?next=${encodeURIComponent(`/watch/${id}`)}`} className="btn">
                Sign in
              </Link>
            ) : (
              <Link href="/" className="btn">
                Browse videos
              </Link>
            )}
          </div>
        </div>
      </div>
    );
  }

  let notReady: string | null = null;
  if (video.status === 'FAILED') {
    const reason = (video.failureReason || 'unknown reason').trim();
    notReady = `This video could not be processed: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`;
  } else if (video.status !== 'READY') notReady = `This video is still processing (${Math.round(video.progress ?? 0)}%).`;
  else if (!video.masterUrl) notReady = 'This video has no playable stream.';

  return (
    <article className="watch">
      {notReady ? (
        <div
          className="player__frame player__frame--placeholder"
          style={video.posterUrl ? { backgroundImage: `url("${video.posterUrl}")` } : undefined}
        >
          <div
            className={`player__error${video.status === 'FAILED' ? ' player__error--failed' : ''}`}
            role="alert"
            data-testid="player-error"
          >
            {notReady}
          </div>
        </div>
      ) : video.kind === 'AUDIO' ? (
        // An AUDIO item: the listen page, a view onto the app-wide listening (it goes on across pages).
        <ListenView id={video.id} listId={listId} title={video.title} />
      ) : (
        <div className="watch__stage">
          <Player
            key={video.id}
            videoId={video.id}
            masterUrl={video.masterUrl!}
            posterUrl={video.posterUrl}
            storyboardUrl={video.storyboardUrl}
            durationSec={video.durationSec}
            title={video.title}
            reportProgress={!!me}
            startAtSec={resume?.id === video.id ? startAt : null}
            autoPlay={!!listId}
            onContentEnded={onContentEnded}
          />
          {upNext && next && <UpNext title={next.title} onPlay={playNext} onCancel={() => setUpNext(false)} />}
        </div>
      )}
      {resume?.id === video.id && resume.at != null && !notReady && video.kind !== 'AUDIO' && (
        <p className="resume-notice" data-testid="resume-notice">
          {startAt ? `Resumed where you left off, at ${formatTime(resume.at)}.` : 'Playing from the start.'}{' '}
          {startAt ? (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setStartAt(0)} data-testid="start-over">
              Start over
            </button>
          ) : (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setStartAt(resume.at)} data-testid="resume-again">
              Resume at {formatTime(resume.at)}
            </button>
          )}
        </p>
      )}
      {listId && <PlaylistPanel listId={listId} currentId={video.id} onNext={setNext} />}

      <div className="watch__info">
        <h1 className="watch__title" data-testid="video-title">
          {video.title}
        </h1>
        <div className="watch__meta">
          <WatchChannelByline videoId={video.id} fallbackName={video.owner?.displayName ?? 'Unknown'} />
          <span className="muted">
            <span data-testid="view-count" data-count={video.viewCount}>
              {exactViewsLabel(video.viewCount)}
            </span>
            {' · '}
            <time dateTime={video.createdAt}>{relativeDate(video.createdAt)}</time>
            {video.durationSec ? ` · ${formatDuration(video.durationSec)}` : ''}
            {video.visibility !== 'PUBLIC' && ` · ${video.visibility.toLowerCase()}`}
          </span>
          {video.viewerCanEdit && (
            <Link href="/studio" className="btn btn--ghost btn--small">
              Edit in Studio
            </Link>
          )}
          {video.status === 'READY' && <RatingButtons key={ratingButtonsKey(video)} video={video} />}
          {video.status === 'READY' && <SupportButton creatorId={video.owner?.id} />}
          {me && video.status === 'READY' && <SaveButton videoId={video.id} initialIds={video.viewerPlaylistIds} />}
        </div>
        {video.description && (
          <p className="watch__description" data-testid="video-description">
            {video.description}
          </p>
        )}
        {video.tags.length > 0 && (
          <ul className="tags" aria-label="Tags" data-testid="video-tags">
            {video.tags.map((t) => (
              <li key={t} className="tag">
                #{t}
              </li>
            ))}
          </ul>
        )}
        {video.renditions && video.renditions.length > 0 && (
          <p className="muted small">
            Available in{' '}
            {video.kind === 'AUDIO'
              ? video.renditions.map((r) => r.name.replace(/k$/, ' kbit/s')).join(', ')
              : video.renditions
                  .filter((r) => r.height > 0)
                  .map((r) => `${r.height}p`)
                  .join(', ')}
          </p>
        )}
      </div>
      {video.status === 'READY' && <CommentsSection videoId={video.id} />}
    </article>
  );
}
