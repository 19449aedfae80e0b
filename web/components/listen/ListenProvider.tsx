'use client';

import { usePathname, useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AdState } from '@/lib/ads/interstitials';
import { gql } from '@/lib/api';
import { watchInList } from '@/lib/library';
import { LISTEN_LIST, LISTEN_TRACK, type ListenTrack } from '@/lib/listen/listen-queries';
import {
  currentItem,
  EMPTY_QUEUE,
  enqueue as enqueueItem,
  jumpTo,
  next as nextOf,
  previous as previousOf,
  queueFor,
  removeAt,
  type Queue,
  type QueueItem,
} from '@/lib/listen/queue';
import { parseRate } from '@/lib/listen/waveform';
import type { P2PController } from '@/lib/p2p/p2p-controller';
import { useSession } from '@/lib/session';
import { setVolume as setElementVolume, toggleMute as toggleElementMute, togglePlay as toggleElementPlay } from '../player/media-commands';
import { useAdBreaks } from '../player/useAdBreaks';
import { useContentClock } from '../player/useContentClock';
import { useHls } from '../player/useHls';
import { useMediaState, type MediaState } from '../player/useMediaState';
import { usePlaybackHeartbeat } from '../player/usePlaybackHeartbeat';
import { usePlaybackRate } from '../player/usePlaybackRate';
import { usePlaybackSession } from '../player/usePlaybackSession';
import { useP2PSwarm } from '../player/useP2PSwarm';
import { useWatchProgress } from '../player/useWatchProgress';
import { useMediaSession } from './useMediaSession';
import { MiniPlayer } from './MiniPlayer';

/** How many of a playlist's items are queued (the API's largest page). */
const QUEUE_FROM_LIST = 100;
/** Where the listener's speed is remembered. */
const RATE_KEY = 'wetube.listen.rate';

export interface Listening {
  /** The track playing (its details loaded), null when nothing is queued or it is loading. */
  track: ListenTrack | null;
  queue: Queue;
  media: MediaState;
  time: number;
  duration: number;
  buffered: number;
  rate: number;
  ad: AdState | null;
  /** The listener clicks through the ad playing: fires its click beacon (once per ad), pauses it; its URL, or null. */
  clickThroughAd: () => string | null;
  error: string | null;
  /** "Share my bandwidth" (as on the video page). */
  share: boolean;
  onShareChange: (on: boolean) => void;
  /** The listen page of `id` asks for it: plays it (queued with its playlist when `listId`); the track playing already goes on. */
  open: (id: string, listId: string | null) => void;
  togglePlay: () => void;
  seek: (t: number) => void;
  seekBy: (seconds: number) => void;
  onScrub: (t: number | null) => void;
  setRate: (r: number) => void;
  toggleMute: () => void;
  setVolume: (v: number) => void;
  next: () => void;
  previous: () => void;
  playIndex: (i: number) => void;
  /** Takes the item at `i` out of the queue (not the one playing). */
  removeFromQueue: (i: number) => void;
  enqueue: (item: QueueItem) => void;
  /** Stops playback and empties the queue (the mini-player's close). */
  close: () => void;
}

const ListenContext = createContext<Listening | null>(null);

export function useListening(): Listening {
  const ctx = useContext(ListenContext);
  if (!ctx) throw new Error('useListening must be used inside <ListenProvider>');
  return ctx;
}

/** The listen page's path of a track (with its playlist when queued from one). */
export function listenHref(id: string, listId: string | null): string {
  return listId ? watchInList(id, listId) : `/watch/${encodeURIComponent(id)}`;
}

/**
 * Audio playback for the whole app (issue 14, "Listening"): mounted in the root layout, so the app
 * router's navigation keeps the one <audio> element — and what it plays — alive from page to page.
 * It runs the video player's hooks on that element (hls.js with the P2P fragment loader, the
 * playback session and its receipts/heartbeat, ad breaks, watch progress); the listen page
 * (web/components/listen/ListenView.tsx) is a view onto it, and every other page shows the
 * MiniPlayer. It also keeps the queue: at a track's end the next one plays.
 */
export function ListenProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const router = useRouter();
  const pathname = usePathname();
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const p2pRef = useRef<P2PController | null>(null);
  const [queue, setQueue] = useState<Queue>(EMPTY_QUEUE);
  const [track, setTrack] = useState<ListenTrack | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** How the current track starts: where (the saved position when opened from its page) and whether it plays at once. */
  const [start, setStart] = useState<{ id: string; at: number | null; play: boolean; resume: boolean } | null>(null);
  const currentId = currentItem(queue)?.id ?? null;
  // The loaded details while they are the queue's current item's (a move drops the old track at once).
  const current = track && track.id === currentId ? track : null;
  const videoId = current?.id;
  const masterUrl = current?.masterUrl ?? '';
  const videoIdRef = useRef<string | undefined>(videoId);
  videoIdRef.current = videoId;

  const { sessionFor, forget: forgetSession } = usePlaybackSession();
  const ads = useAdBreaks();
  const media = useMediaState(audioRef);
  const hls = useHls({
    videoRef: audioRef,
    masterUrl,
    videoIdRef,
    sessionFor,
    p2pRef,
    attachAds: ads.attach,
    resetAds: ads.reset,
  });
  const { share, onShareChange } = useP2PSwarm({ videoRef: audioRef, videoId, masterUrl, p2pRef, sessionFor, forgetSession });
  usePlaybackHeartbeat(audioRef, videoId, !share, sessionFor, forgetSession);
  const clock = useContentClock({
    videoRef: audioRef,
    hlsRef: hls.hlsRef,
    initialDuration: current?.durationSec,
    adPlaying: !!ads.ad,
    onMediaError: hls.setError,
  });
  const speed = usePlaybackRate(audioRef, ads.ad);

  // The queue's moves. `follow`: the listener is on the listen page of the track that was playing,
  // so the page follows the queue to the new one.
  const queueRef = useRef(queue);
  queueRef.current = queue;
  const pathRef = useRef(pathname);
  pathRef.current = pathname;
  const moveTo = useCallback(
    (q: Queue) => {
      const from = currentItem(queueRef.current);
      const to = currentItem(q);
      setQueue(q);
      if (!to) return;
      setStart({ id: to.id, at: null, play: true, resume: false });
      if (to.id === from?.id) {
        const audio = audioRef.current;
        if (audio) audio.currentTime = 0;
        return;
      }
      if (from && pathRef.current === `/watch/${encodeURIComponent(from.id)}`) router.push(listenHref(to.id, q.listId));
    },
    [router],
  );
  const goNext = useCallback(() => {
    const q = nextOf(queueRef.current);
    if (q) moveTo(q);
  }, [moveTo]);
  const goPrevious = useCallback(() => {
    const audio = audioRef.current;
    const q = previousOf(queueRef.current, audio?.currentTime ?? 0);
    if (q === 'restart') {
      if (audio) audio.currentTime = 0.01;
    } else moveTo(q);
  }, [moveTo]);

  useWatchProgress({
    videoRef: audioRef,
    hlsRef: hls.hlsRef,
    videoId,
    report: !!me,
    startAtSec: start && start.id === videoId ? start.at : null,
    autoPlay: !!start && start.id === videoId && start.play,
    onContentEnded: goNext,
  });

  // The details of the queue's current item; an item that cannot be listened to is skipped.
  useEffect(() => {
    if (!currentId) {
      setTrack(null);
      return;
    }
    let live = true;
    setLoadError(null);
    gql(LISTEN_TRACK, { id: currentId })
      .then((d) => {
        if (!live) return;
        const v = d.video;
        if (v && v.kind === 'AUDIO' && v.status === 'READY' && v.masterUrl) {
          // Opened from its page: start where the listener left off (moved to by the queue: from the start).
          const at = v.viewerProgress?.resumeAtSec ?? null;
          setStart((s) => (s && s.id === v.id && s.resume && at ? { ...s, at } : s));
          setTrack(v);
          return;
        }
        const q = nextOf(queueRef.current);
        if (q) moveTo(q);
        else setLoadError('This item cannot be played here.');
      })
      .catch(() => live && setLoadError('The track could not be loaded.'));
    return () => {
      live = false;
    };
  }, [currentId, moveTo]);

  const open = useCallback((id: string, listId: string | null) => {
    const audio = audioRef.current;
    const playing = !!audio && !audio.paused;
    const q = queueRef.current;
    const same = currentItem(q)?.id === id;
    if (!same) {
      setQueue({ items: [{ id, title: '' }], index: 0, listId: null });
      setStart({ id, at: null, play: !!listId || playing, resume: true });
    }
    if (!listId || (same && q.listId === listId)) return;
    void gql(LISTEN_LIST, { id: listId, first: QUEUE_FROM_LIST })
      .then((d) => {
        const list = d.playlist;
        if (!list) return;
        const items = list.items.edges
          .map((e) => e.node)
          .filter((n) => n.available && n.video && n.video.kind === 'AUDIO' && n.video.status === 'READY')
          .map((n) => ({ id: n.video!.id, title: n.video!.title, posterUrl: n.video!.posterUrl }));
        setQueue((cur) => {
          const now = currentItem(cur);
          return now?.id === id ? queueFor(now, { id: list.id, items }) : cur;
        });
      })
      .catch(() => undefined);
  }, []);

  const close = useCallback(() => {
    audioRef.current?.pause();
    setQueue(EMPTY_QUEUE);
    setTrack(null);
    setStart(null);
  }, []);

  // The speed the listener chose, remembered across visits.
  const { changeRate } = speed;
  const changeRateRef = useRef(changeRate);
  changeRateRef.current = changeRate;
  useEffect(() => {
    try {
      changeRateRef.current(parseRate(window.localStorage.getItem(RATE_KEY)));
    } catch {
      // storage blocked: 1×
    }
  }, []);
  const setRate = useCallback((r: number) => {
    try {
      window.localStorage.setItem(RATE_KEY, String(r));
    } catch {
      // storage blocked: this visit only
    }
    changeRateRef.current(r);
  }, []);

  // A video starting elsewhere (the watch page's player) pauses the listening.
  useEffect(() => {
    const onPlay = (e: Event) => {
      const audio = audioRef.current;
      if (audio && e.target !== audio && e.target instanceof HTMLVideoElement && !audio.paused) audio.pause();
    };
    document.addEventListener('play', onPlay, true);
    return () => document.removeEventListener('play', onPlay, true);
  }, []);

  const onAudio = (f: (a: HTMLAudioElement) => void) => () => {
    const a = audioRef.current;
    if (a) f(a);
  };

  const value: Listening = {
    track: current,
    queue,
    media,
    time: clock.time,
    duration: clock.duration,
    buffered: clock.buffered,
    rate: speed.rate,
    ad: ads.ad,
    clickThroughAd: () => {
      const url = ads.clickThrough();
      audioRef.current?.pause();
      return url;
    },
    error: hls.error ?? loadError,
    share,
    onShareChange,
    open,
    togglePlay: onAudio(toggleElementPlay),
    seek: clock.seek,
    seekBy: clock.seekBy,
    onScrub: clock.onScrub,
    setRate,
    toggleMute: onAudio(toggleElementMute),
    setVolume: (v) => onAudio((a) => setElementVolume(a, v))(),
    next: goNext,
    previous: goPrevious,
    playIndex: (i) => moveTo(jumpTo(queueRef.current, i)),
    removeFromQueue: (i) => setQueue(removeAt(queueRef.current, i)),
    enqueue: (item) => {
      const q = enqueueItem(queueRef.current, item);
      if (queueRef.current.index < 0) moveTo(q);
      else setQueue(q);
    },
    close,
  };
  useMediaSession(value, audioRef);

  return (
    <ListenContext.Provider value={value}>
      {children}
      {/* The one element that plays listening, kept across pages; no controls of its own (the pages draw them). */}
      <audio ref={audioRef} preload="metadata" data-testid="listen-audio" aria-hidden="true" />
      <MiniPlayer />
    </ListenContext.Provider>
  );
}
