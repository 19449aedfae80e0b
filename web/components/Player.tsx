'use client';

import type HlsType from 'hls.js';
import type { HlsConfig } from 'hls.js';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatTime } from '@/lib/format';
import { cueAt, parseStoryboardVtt, type StoryboardCue } from '@/lib/storyboard';
import { createAssetListLoader, trackInterstitials, type AdState } from '@/lib/ads/interstitials';
import { P2PController } from '@/lib/p2p/p2p-controller';
import { startPlaybackSession, type PlaybackSession } from '@/lib/p2p/session';
import { playedSeconds, SessionHeartbeat } from '@/lib/p2p/session-heartbeat';
import { createP2PFragmentLoader } from '@/lib/p2p/p2p-fragment-loader';
import { P2PStatus } from '@/lib/p2p/P2PStatus';
import { loadSharePreference, saveSharePreference } from '@/lib/p2p/share-preference';
import { useSession } from '@/lib/session';

interface LevelOption {
  index: number;
  label: string;
  height: number;
}

interface Props {
  /** When given, segments are also shared with other viewers over WebTorrent (HTTP stays the fallback). */
  videoId?: string;
  masterUrl: string;
  posterUrl?: string | null;
  storyboardUrl?: string | null;
  durationSec?: number | null;
  title: string;
}

function levelLabel(height: number, bitrate: number, all: { height: number }[]): string {
  const dup = all.filter((l) => l.height === height).length > 1;
  const base = height > 0 ? `${height}p` : `${Math.round(bitrate / 1000)} kbps`;
  return dup && height > 0 ? `${base} (${Math.round(bitrate / 1000)} kbps)` : base;
}

export function Player({ videoId, masterUrl, posterUrl, storyboardUrl, durationSec, title }: Props) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const p2pRef = useRef<P2PController | null>(null);
  const [share, setShare] = useState(true);
  // Who is signed in, read by the P2P controller when it redeems (without restarting P2P when it changes).
  const { me } = useSession();
  const viewerIdRef = useRef<string | null | undefined>(me?.id);
  viewerIdRef.current = me === undefined ? undefined : (me?.id ?? null);
  const hlsRef = useRef<HlsType | null>(null);
  // The playback session: started when the player mounts (the ad server decides the pre-roll for it,
  // so it must exist before the pre-roll's asset list is asked for); P2P uses the same one.
  const sessionRef = useRef<{ videoId: string; promise: Promise<PlaybackSession | null> } | null>(null);
  const sessionFor = useCallback((id: string): Promise<PlaybackSession | null> => {
    if (sessionRef.current?.videoId !== id) sessionRef.current = { videoId: id, promise: startPlaybackSession(id).catch(() => null) };
    return sessionRef.current.promise;
  }, []);
  const videoIdRef = useRef(videoId);
  videoIdRef.current = videoId;
  const [ad, setAd] = useState<AdState | null>(null);
  const barRef = useRef<HTMLDivElement | null>(null);
  const draggingRef = useRef(false);

  const [levels, setLevels] = useState<LevelOption[]>([]);
  const [selected, setSelected] = useState<string>('auto');
  const [currentHeight, setCurrentHeight] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(durationSec ?? 0);
  const [buffered, setBuffered] = useState(0);
  const [hover, setHover] = useState<{ x: number; t: number } | null>(null);
  const [cues, setCues] = useState<StoryboardCue[]>([]);
  const [barWidth, setBarWidth] = useState(0);

  // hls.js (or native HLS only when MSE playback is unsupported).
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let cancelled = false;
    let hls: HlsType | null = null;
    let untrack: (() => void) | null = null;
    if (videoIdRef.current) void sessionFor(videoIdRef.current);
    setAd(null);
    setError(null);
    setLevels([]);
    setCurrentHeight(null);
    setSelected('auto');
    import('hls.js')
      .then(({ default: Hls }) => {
        if (cancelled) return;
        if (Hls.isSupported()) {
          const instance = new Hls({
            xhrSetup: (xhr: XMLHttpRequest) => {
              xhr.withCredentials = true;
            },
            // Segments: prefetched from peers when possible, else the origin (hls.js's own loader).
            fLoader: createP2PFragmentLoader(Hls.DefaultConfig.loader, () => p2pRef.current, () => videoRef.current) as unknown as HlsConfig['fLoader'],
            // Ad breaks (HLS interstitials in the media playlists): asset lists carry the playback session.
            loader: createAssetListLoader(Hls.DefaultConfig.loader as never, () => {
              const id = videoIdRef.current;
              return id ? sessionFor(id).then((s) => s?.sessionId ?? null) : null;
            }) as unknown as HlsConfig['loader'],
          });
          untrack = trackInterstitials(instance, Hls, setAd);
          hls = instance;
          hlsRef.current = instance;
          window.__wetubeHls = instance;
          let recoveredMedia = false;
          instance.on(Hls.Events.MANIFEST_PARSED, () => {
            const ls = instance.levels;
            setLevels(
              ls
                .map((l, index) => ({ index, height: l.height, label: levelLabel(l.height, l.bitrate, ls) }))
                .sort((a, b) => b.height - a.height || b.index - a.index),
            );
          });
          instance.on(Hls.Events.LEVEL_SWITCHED, (_e, data) => {
            const level = instance.levels[data.level];
            if (level) setCurrentHeight(level.height);
          });
          instance.on(Hls.Events.ERROR, (_e, data) => {
            if (!data.fatal) return;
            if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recoveredMedia) {
              recoveredMedia = true;
              instance.recoverMediaError();
              return;
            }
            const status = data.response?.code;
            if (status === 401 || status === 403) setError('This video is private.');
            else if (status === 404) setError('The video files were not found on the server.');
            else if (data.type === Hls.ErrorTypes.NETWORK_ERROR)
              setError('The video could not be loaded: a network error occurred. Check your connection and reload.');
            else setError(`The video could not be played (${data.details}).`);
          });
          instance.loadSource(masterUrl);
          instance.attachMedia(video);
        } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
          video.src = masterUrl;
        } else {
          setError('This browser cannot play HLS video.');
        }
      })
      .catch(() => {
        if (!cancelled) setError('The video player could not be loaded.');
      });
    return () => {
      cancelled = true;
      untrack?.();
      if (hls) {
        hls.destroy();
        if (window.__wetubeHls === hls) window.__wetubeHls = undefined;
      }
      hlsRef.current = null;
    };
  }, [masterUrl, sessionFor]);

  // P2P (when sharing is on): the client starts once the first frame is decoded, so its start-up
  // does not compete with the first segments; until then it counts as starting, so segments past the
  // loader's HTTP window wait for it. Off (or any failure) means plain HTTP.
  useEffect(() => {
    setShare(loadSharePreference());
  }, []);
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !videoId || !share) return;
    const ctl = new P2PController(videoId, { viewerId: () => viewerIdRef.current, watchedSeconds: () => playedSeconds(videoRef.current) });
    p2pRef.current = ctl;
    const session = sessionFor(videoId);
    const begin = () => void ctl.start(session);
    if (video.readyState >= 2) begin();
    else video.addEventListener('loadeddata', begin, { once: true });
    return () => {
      video.removeEventListener('loadeddata', begin);
      // Stopping ends the session (its last heartbeat): a later controller or asset list starts a new one.
      if (sessionRef.current?.promise === session) sessionRef.current = null;
      if (p2pRef.current === ctl) p2pRef.current = null;
      ctl.stop();
    };
  }, [videoId, masterUrl, share, sessionFor]);

  // Sharing off: no P2P controller keeps the session's heartbeat (watch time for plan revenue, its
  // end on leave), so the player does.
  useEffect(() => {
    if (!videoId || share) return;
    const session = sessionFor(videoId);
    let heartbeat: SessionHeartbeat | null = null;
    let done = false;
    void session.then((s) => {
      if (!s || done) return;
      heartbeat = new SessionHeartbeat(s.sessionId, () => playedSeconds(videoRef.current));
      heartbeat.start();
    });
    return () => {
      done = true;
      heartbeat?.end();
      if (sessionRef.current?.promise === session) sessionRef.current = null;
    };
  }, [videoId, share, sessionFor]);

  function onShareChange(on: boolean) {
    saveSharePreference(on);
    setShare(on);
  }

  // Storyboard (seek-bar thumbnails).
  useEffect(() => {
    setCues([]);
    if (!storyboardUrl) return;
    const ctrl = new AbortController();
    fetch(storyboardUrl, { credentials: 'include', signal: ctrl.signal })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((text) => setCues(parseStoryboardVtt(text, new URL(storyboardUrl, window.location.href).toString())))
      .catch(() => {
        /* thumbnails are optional */
      });
    return () => ctrl.abort();
  }, [storyboardUrl]);

  // Media element state for the custom seek bar.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const onTime = () => {
      if (!draggingRef.current) setTime(video.currentTime);
    };
    const onDuration = () => {
      if (Number.isFinite(video.duration) && video.duration > 0) setDuration(video.duration);
    };
    const onProgress = () => {
      const b = video.buffered;
      let end = 0;
      for (let i = 0; i < b.length; i++) {
        if (b.start(i) <= video.currentTime + 0.5) end = Math.max(end, b.end(i));
      }
      setBuffered(end);
    };
    const onMediaError = () => {
      if (!hlsRef.current && video.error) setError('The video could not be played.');
    };
    video.addEventListener('timeupdate', onTime);
    video.addEventListener('durationchange', onDuration);
    video.addEventListener('loadedmetadata', onDuration);
    video.addEventListener('progress', onProgress);
    video.addEventListener('timeupdate', onProgress);
    video.addEventListener('error', onMediaError);
    return () => {
      video.removeEventListener('timeupdate', onTime);
      video.removeEventListener('durationchange', onDuration);
      video.removeEventListener('loadedmetadata', onDuration);
      video.removeEventListener('progress', onProgress);
      video.removeEventListener('timeupdate', onProgress);
      video.removeEventListener('error', onMediaError);
    };
  }, []);

  const timeAtClientX = useCallback(
    (clientX: number) => {
      const bar = barRef.current;
      if (!bar || duration <= 0) return null;
      const rect = bar.getBoundingClientRect();
      const x = Math.max(0, Math.min(rect.width, clientX - rect.left));
      setBarWidth(rect.width);
      return { x, t: (x / rect.width) * duration };
    },
    [duration],
  );

  function seek(t: number) {
    const video = videoRef.current;
    if (!video) return;
    const clamped = Math.max(0, Math.min(duration || t, t));
    video.currentTime = clamped;
    setTime(clamped);
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    const p = timeAtClientX(e.clientX);
    if (!p) return;
    setHover(p);
    if (draggingRef.current) setTime(p.t);
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    const p = timeAtClientX(e.clientX);
    if (!p) return;
    draggingRef.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setHover(p);
    setTime(p.t);
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    if (!draggingRef.current) return;
    draggingRef.current = false;
    const p = timeAtClientX(e.clientX);
    if (p) seek(p.t);
    if (e.pointerType !== 'mouse') setHover(null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.shiftKey ? 10 : 5;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') seek(time + step);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') seek(time - step);
    else if (e.key === 'Home') seek(0);
    else if (e.key === 'End') seek(duration);
    else if (e.key === 'PageUp') seek(time + 30);
    else if (e.key === 'PageDown') seek(time - 30);
    else return;
    e.preventDefault();
  }

  function onQualityChange(value: string) {
    setSelected(value);
    const hls = hlsRef.current;
    if (!hls) return;
    // currentLevel switches immediately (flushes the buffer); -1 = automatic.
    hls.currentLevel = value === 'auto' ? -1 : Number(value);
  }

  const pct = duration > 0 ? (time / duration) * 100 : 0;
  const bufPct = duration > 0 ? Math.min(100, (buffered / duration) * 100) : 0;
  const cue = hover ? cueAt(cues, hover.t) : null;
  const previewW = cue ? cue.w : 64;
  const previewLeft = hover ? Math.max(0, Math.min(Math.max(0, barWidth - previewW), hover.x - previewW / 2)) : 0;

  return (
    <div className="player">
      <div className="player__frame">
        <video
          ref={videoRef}
          data-testid="player"
          controls={!ad}
          playsInline
          preload="metadata"
          poster={posterUrl ?? undefined}
          aria-label={`Video: ${title}`}
        />
        {ad && (
          <div className="player__ad" data-testid="ad-badge" role="status" aria-live="polite">
            Ad {ad.index} of {ad.count} · {Math.ceil(ad.remaining)}s
          </div>
        )}
        {error && (
          <div className="player__error" role="alert" data-testid="player-error">
            {error}
          </div>
        )}
      </div>

      <div className="seek">
        {hover && (
          <div className="seek__preview" style={{ left: previewLeft }} aria-hidden="true">
            {cue && (
              <div
                className="seek__thumb"
                data-testid="seek-thumb"
                data-time={hover.t.toFixed(2)}
                style={{
                  width: cue.w,
                  height: cue.h,
                  backgroundImage: `url("${cue.url}")`,
                  backgroundPosition: `-${cue.x}px -${cue.y}px`,
                }}
              />
            )}
            <span className="seek__time" data-testid="seek-time">
              {formatTime(hover.t)}
            </span>
          </div>
        )}
        <div
          ref={barRef}
          className="seek__bar"
          data-testid="seek-bar"
          role="slider"
          tabIndex={0}
          aria-label="Seek"
          aria-valuemin={0}
          aria-valuemax={Math.round(duration)}
          aria-valuenow={Math.round(time)}
          aria-valuetext={`${formatTime(time)} of ${formatTime(duration)}`}
          onPointerMove={onPointerMove}
          onPointerEnter={onPointerMove}
          onPointerLeave={() => {
            if (!draggingRef.current) setHover(null);
          }}
          onPointerDown={onPointerDown}
          onPointerUp={onPointerUp}
          onKeyDown={onKeyDown}
        >
          <div className="seek__track">
            <div className="seek__buffered" style={{ width: `${bufPct}%` }} />
            <div className="seek__played" style={{ width: `${pct}%` }} />
          </div>
          <div className="seek__knob" style={{ left: `${pct}%` }} />
        </div>
      </div>

      <div className="player__toolbar">
        <span className="player__time" aria-live="off">
          {formatTime(time)} / {formatTime(duration)}
        </span>
        <span className="player__quality">
          <span className="muted small">
            Playing:{' '}
            <strong data-testid="current-quality">{currentHeight ? `${currentHeight}p` : '…'}</strong>
          </span>
          <label className="muted small" htmlFor="quality-select">
            Quality
          </label>
          <select
            id="quality-select"
            data-testid="quality-select"
            value={selected}
            onChange={(e) => onQualityChange(e.target.value)}
            disabled={levels.length === 0}
          >
            <option value="auto">Auto</option>
            {levels.map((l) => (
              <option key={l.index} value={String(l.index)}>
                {l.label}
              </option>
            ))}
          </select>
        </span>
      </div>
      {videoId && <P2PStatus share={share} onShareChange={onShareChange} />}
    </div>
  );
}
