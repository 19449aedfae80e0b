'use client';

import type HlsType from 'hls.js';
import type { HlsConfig } from 'hls.js';
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { parseStoryboardVtt, type StoryboardCue } from '@/lib/storyboard';
import { createAssetListLoader } from '@/lib/ads/asset-list-loader';
import { contentDuration, contentTime, playingAd, seekContent } from '@/lib/ads/content-clock';
import { trackInterstitials, type AdState, type InterstitialsTracking } from '@/lib/ads/interstitials';
import { P2PController } from '@/lib/p2p/p2p-controller';
import { startPlaybackSession, type PlaybackSession } from '@/lib/p2p/session';
import { playedSeconds, SessionHeartbeat } from '@/lib/p2p/session-heartbeat';
import { createP2PFragmentLoader } from '@/lib/p2p/p2p-fragment-loader';
import { P2PStatus } from '@/lib/p2p/P2PStatus';
import { loadSharePreference, saveSharePreference } from '@/lib/p2p/share-preference';
import { useSession } from '@/lib/session';
import { nextRate, shortcutFor, stepVolume, type PlayerAction } from '@/lib/player/shortcuts';
import { AdOverlay } from './player/AdOverlay';
import { AdProgress } from './player/AdProgress';
import { ControlBar, type LevelOption } from './player/ControlBar';
import { PlayIcon } from './player/icons';
import { SeekBar } from './player/SeekBar';
import { useAutoHide } from './player/useAutoHide';
import { useFullscreen } from './player/useFullscreen';
import { useMediaState } from './player/useMediaState';

interface Props {
  /** When given, segments are also shared with other viewers over WebTorrent (HTTP stays the fallback). */
  videoId?: string;
  masterUrl: string;
  posterUrl?: string | null;
  storyboardUrl?: string | null;
  durationSec?: number | null;
  title: string;
}

/** Rung names people know; a source a little short of one (≥ 85 %, e.g. 1278x718) is named for it, as the ladder planner made it. */
const NAMED_HEIGHTS = [144, 240, 360, 480, 720, 1080, 1440, 2160, 4320];
function nominalHeight(height: number): number {
  return NAMED_HEIGHTS.find((h) => height <= h && height >= 0.85 * h) ?? height;
}

function levelLabel(height: number, bitrate: number, all: { height: number }[]): string {
  const dup = all.filter((l) => l.height === height).length > 1;
  const base = height > 0 ? `${nominalHeight(height)}p` : `${Math.round(bitrate / 1000)} kbps`;
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
  const adsRef = useRef<InterstitialsTracking | null>(null);
  const draggingRef = useRef(false);

  const [levels, setLevels] = useState<LevelOption[]>([]);
  const [selected, setSelected] = useState<string>('auto');
  const [currentHeight, setCurrentHeight] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(durationSec ?? 0);
  const [buffered, setBuffered] = useState(0);
  const [cues, setCues] = useState<StoryboardCue[]>([]);

  // The control bar: the container goes full screen (picture, controls and ad overlay together).
  const containerRef = useRef<HTMLDivElement | null>(null);
  const controlsRef = useRef<HTMLDivElement | null>(null);
  const media = useMediaState(videoRef);
  const { fullscreen, toggleFullscreen } = useFullscreen(containerRef, videoRef);
  /** The viewer's speed for the content (ads always play at 1×). */
  const [rate, setRate] = useState(1);
  const controls = useAutoHide(!media.paused, false, controlsRef);
  /** A touch that only brought the hidden controls back: its click does nothing else. */
  const swallowClickRef = useRef(false);

  // hls.js (or native HLS only when MSE playback is unsupported).
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let cancelled = false;
    let hls: HlsType | null = null;
    let ads: InterstitialsTracking | null = null;
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
            fLoader: createP2PFragmentLoader(
              Hls.DefaultConfig.loader,
              () => p2pRef.current,
              () => videoRef.current,
            ) as unknown as HlsConfig['fLoader'],
            // Ad breaks (HLS interstitials in the media playlists): asset lists carry the playback session.
            loader: createAssetListLoader(Hls.DefaultConfig.loader as never, () => {
              const id = videoIdRef.current;
              return id ? sessionFor(id).then((s) => s?.sessionId ?? null) : null;
            }) as unknown as HlsConfig['loader'],
          });
          ads = trackInterstitials(instance, Hls, setAd);
          adsRef.current = ads;
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
      ads?.detach();
      if (adsRef.current === ads) adsRef.current = null;
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

  // Media element state for the custom seek bar: the content's (during an ad the element plays the ad).
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const onTime = () => {
      if (!draggingRef.current && !playingAd(hlsRef.current)) setTime(contentTime(hlsRef.current, video));
    };
    const onDuration = () => {
      const d = contentDuration(hlsRef.current, video);
      if (d > 0) setDuration(d);
    };
    const onProgress = () => {
      if (playingAd(hlsRef.current)) return;
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

  // Speed: the viewer's for the content, 1× during an ad (the element's default too, as a new source
  // resets the speed to it); any other change during an ad is undone.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const want = ad ? 1 : rate;
    video.defaultPlaybackRate = want;
    video.playbackRate = want;
    if (!ad) return;
    const keep = () => {
      if (video.playbackRate !== 1) video.playbackRate = 1;
    };
    video.addEventListener('ratechange', keep);
    return () => video.removeEventListener('ratechange', keep);
  }, [ad, rate]);

  function togglePlay() {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) void video.play().catch(() => undefined);
    else video.pause();
  }

  function toggleMute() {
    const video = videoRef.current;
    if (!video) return;
    if (video.muted || video.volume === 0) {
      video.muted = false;
      if (video.volume === 0) video.volume = 0.5;
    } else video.muted = true;
  }

  function setVolume(v: number) {
    const video = videoRef.current;
    if (!video) return;
    video.volume = Math.max(0, Math.min(1, v));
    video.muted = v === 0;
  }

  function changeRate(r: number) {
    if (!ad) setRate(r);
  }

  function apply(action: PlayerAction) {
    const video = videoRef.current;
    if (!video) return;
    switch (action.kind) {
      case 'toggle-play':
        return togglePlay();
      case 'seek-by':
        // From the element's time: outside ads it is the content's, and it moves at once on a seek
        // (hls.js's primary time follows on the media's events, a key press after a seek may come first).
        return seek((playingAd(hlsRef.current) ? contentTime(hlsRef.current, video) : video.currentTime) + action.seconds);
      case 'seek-to-fraction':
        return seek((duration || 0) * action.fraction);
      case 'volume-by':
        return setVolume(stepVolume(video.muted ? 0 : video.volume, action.delta));
      case 'toggle-mute':
        return toggleMute();
      case 'toggle-fullscreen':
        return toggleFullscreen();
      case 'rate-step':
        return changeRate(nextRate(rate, action.direction));
    }
  }
  const applyRef = useRef(apply);
  applyRef.current = apply;

  // Keyboard shortcuts: when the focus is in the player or on the page itself (not a field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      const inPlayer = !!target && !!containerRef.current?.parentElement?.contains(target);
      const onPage = !target || target === document.body || target === document.documentElement;
      if (!inPlayer && !onPage) return;
      const action = shortcutFor(
        e,
        target && {
          tagName: target.tagName,
          type: (target as HTMLInputElement).type,
          isContentEditable: (target as HTMLElement).isContentEditable,
          role: target.getAttribute('role'),
        },
      );
      if (!action) return;
      e.preventDefault();
      applyRef.current(action);
      controls.poke();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [controls.poke]);

  /** A click on the picture plays or pauses; a tap while the controls are hidden only shows them. */
  function onPictureClick() {
    if (swallowClickRef.current) {
      swallowClickRef.current = false;
      return;
    }
    togglePlay();
  }

  function onPointerDownCapture(e: ReactPointerEvent) {
    if (e.pointerType !== 'mouse' && !controls.visible) {
      swallowClickRef.current = true;
      if (controlsRef.current?.contains(e.target as Node)) e.stopPropagation();
    } else swallowClickRef.current = false;
    controls.poke();
  }

  /** Seeks the content; nothing while an ad plays (see seekContent). */
  function seek(t: number) {
    const video = videoRef.current;
    if (!video || ad) return;
    // Not exactly 0: in hls.js's break schedule 0 is the pre-roll's (start = end = 0), and a seek
    // there does not move the content; 10 ms in is the content's start.
    const clamped = Math.max(0.01, Math.min(duration || t, t));
    if (seekContent(hlsRef.current, video, clamped)) setTime(clamped);
  }

  function onScrub(t: number | null) {
    draggingRef.current = t !== null;
    if (t !== null) setTime(t);
  }

  function onQualityChange(value: string) {
    setSelected(value);
    const hls = hlsRef.current;
    if (!hls) return;
    // currentLevel switches immediately (flushes the buffer); -1 = automatic.
    hls.currentLevel = value === 'auto' ? -1 : Number(value);
  }

  return (
    <div className="player">
      <div
        ref={containerRef}
        className={`player__frame${controls.visible ? '' : ' player__frame--idle'}${fullscreen ? ' player__frame--fullscreen' : ''}`}
        data-testid="player-container"
        onPointerMove={(e) => {
          if (e.pointerType === 'mouse') controls.poke();
        }}
        onPointerDownCapture={onPointerDownCapture}
        onClickCapture={(e) => {
          if (swallowClickRef.current && controlsRef.current?.contains(e.target as Node)) {
            swallowClickRef.current = false;
            e.stopPropagation();
            e.preventDefault();
          }
        }}
        onPointerLeave={(e) => {
          if (e.pointerType === 'mouse' && !media.paused) controls.hide();
        }}
      >
        <video
          ref={videoRef}
          data-testid="player"
          playsInline
          preload="metadata"
          poster={posterUrl ?? undefined}
          aria-label={`Video: ${title}`}
          onClick={onPictureClick}
          onDoubleClick={toggleFullscreen}
        />
        {!media.started && !ad && !error && (
          <button
            type="button"
            className="player__bigplay"
            data-testid="player-bigplay"
            aria-label="Play (k)"
            title="Play (k)"
            onClick={togglePlay}
          >
            <PlayIcon />
          </button>
        )}
        {ad && <AdOverlay ad={ad} videoRef={videoRef} onClickThrough={() => adsRef.current?.click() ?? null} />}
        {error && (
          <div className="player__error" role="alert" data-testid="player-error">
            {error}
          </div>
        )}
        <div
          ref={controlsRef}
          className="player__controls"
          data-testid="player-controls"
          data-mode={ad ? 'ad' : 'content'}
          data-visible={controls.visible}
          onFocus={controls.poke}
        >
          <ControlBar
            progress={
              ad ? (
                <AdProgress ad={ad} />
              ) : (
                <SeekBar time={time} duration={duration} buffered={buffered} cues={cues} onSeek={seek} onScrub={onScrub} />
              )
            }
            ad={ad}
            paused={media.paused}
            muted={media.muted}
            volume={media.volume}
            rate={ad ? 1 : rate}
            fullscreen={fullscreen}
            time={time}
            duration={duration}
            levels={levels}
            quality={selected}
            currentHeight={currentHeight}
            onTogglePlay={togglePlay}
            onToggleMute={toggleMute}
            onVolume={setVolume}
            onRate={changeRate}
            onQuality={onQualityChange}
            onToggleFullscreen={toggleFullscreen}
          />
        </div>
      </div>
      {videoId && <P2PStatus share={share} onShareChange={onShareChange} />}
    </div>
  );
}
