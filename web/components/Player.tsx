'use client';

import { useRef } from 'react';
import type { P2PController } from '@/lib/p2p/p2p-controller';
import { P2PStatus } from '@/lib/p2p/P2PStatus';
import { nextRate, stepVolume, type PlayerAction } from '@/lib/player/shortcuts';
import { AdOverlay } from './player/AdOverlay';
import { AdProgress } from './player/AdProgress';
import { CaptionsMenu, CaptionsOverlay } from './player/CaptionsMenu';
import { ControlBar } from './player/ControlBar';
import { PlayIcon } from './player/icons';
import { setVolume, toggleMute, togglePlay } from './player/media-commands';
import { SeekBar } from './player/SeekBar';
import { useAdBreaks } from './player/useAdBreaks';
import { useAutoHide } from './player/useAutoHide';
import { useCaptions } from './player/useCaptions';
import { useContentClock } from './player/useContentClock';
import { useFullscreen } from './player/useFullscreen';
import { useHls } from './player/useHls';
import { useKeyboardShortcuts } from './player/useKeyboardShortcuts';
import { useMediaState } from './player/useMediaState';
import { usePictureTap } from './player/usePictureTap';
import { usePlaybackHeartbeat } from './player/usePlaybackHeartbeat';
import { usePlaybackRate } from './player/usePlaybackRate';
import { usePlaybackSession } from './player/usePlaybackSession';
import { useP2PSwarm } from './player/useP2PSwarm';
import { useStoryboard } from './player/useStoryboard';
import { useWatchProgress } from './player/useWatchProgress';

interface Props {
  /** When given, segments are also shared with other viewers over WebTorrent (HTTP stays the fallback). */
  videoId?: string;
  masterUrl: string;
  posterUrl?: string | null;
  storyboardUrl?: string | null;
  durationSec?: number | null;
  title: string;
  /** Signed in: the position is reported for watch history and resume (useWatchProgress). */
  reportProgress?: boolean;
  /** Where the content starts (the saved position); a new value seeks there. */
  startAtSec?: number | null;
  /** Play as soon as it can (the next video of a playlist). */
  autoPlay?: boolean;
  /** The content (not an ad) played to its end. */
  onContentEnded?: () => void;
}

/**
 * The watch page's player: one hook per job (web/components/player/use*.ts) and the frame's markup.
 * A new behaviour gets its own hook there, called here, rather than more state in this component.
 */
export function Player({
  videoId,
  masterUrl,
  posterUrl,
  storyboardUrl,
  durationSec,
  title,
  reportProgress = false,
  startAtSec,
  autoPlay,
  onContentEnded,
}: Props) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  /** The P2P controller of the moment (useP2PSwarm sets it, hls.js's fragment loader reads it). */
  const p2pRef = useRef<P2PController | null>(null);
  const videoIdRef = useRef(videoId);
  videoIdRef.current = videoId;
  const { sessionFor, forget: forgetSession } = usePlaybackSession();
  const ads = useAdBreaks();
  const { ad } = ads;

  // The control bar: the container goes full screen (picture, controls and ad overlay together).
  const containerRef = useRef<HTMLDivElement | null>(null);
  const controlsRef = useRef<HTMLDivElement | null>(null);
  const media = useMediaState(videoRef);
  const { fullscreen, toggleFullscreen } = useFullscreen(containerRef, videoRef);
  const controls = useAutoHide(!media.paused, false, controlsRef);

  const hls = useHls({ videoRef, masterUrl, videoIdRef, sessionFor, p2pRef, attachAds: ads.attach, resetAds: ads.reset });
  const { share, onShareChange } = useP2PSwarm({ videoRef, videoId, masterUrl, p2pRef, sessionFor, forgetSession });
  usePlaybackHeartbeat(videoRef, videoId, !share, sessionFor, forgetSession);
  useWatchProgress({ videoRef, hlsRef: hls.hlsRef, videoId, report: reportProgress, startAtSec, autoPlay, onContentEnded });
  const cues = useStoryboard(storyboardUrl);
  const clock = useContentClock({
    videoRef,
    hlsRef: hls.hlsRef,
    initialDuration: durationSec,
    adPlaying: !!ad,
    onMediaError: hls.setError,
  });
  const speed = usePlaybackRate(videoRef, ad);
  const captions = useCaptions(hls.instance, videoRef);

  const onVideo = (f: (video: HTMLVideoElement) => void) => () => {
    const video = videoRef.current;
    if (video) f(video);
  };
  const onTogglePlay = onVideo(togglePlay);
  const onToggleMute = onVideo(toggleMute);
  const onVolume = (v: number) => onVideo((video) => setVolume(video, v))();

  function apply(action: PlayerAction) {
    const video = videoRef.current;
    if (!video) return;
    switch (action.kind) {
      case 'toggle-play':
        return togglePlay(video);
      case 'seek-by':
        return clock.seekBy(action.seconds);
      case 'seek-to-fraction':
        return clock.seek((clock.duration || 0) * action.fraction);
      case 'volume-by':
        return setVolume(video, stepVolume(video.muted ? 0 : video.volume, action.delta));
      case 'toggle-mute':
        return toggleMute(video);
      case 'toggle-fullscreen':
        return toggleFullscreen();
      case 'rate-step':
        return speed.changeRate(nextRate(speed.viewerRate, action.direction));
      case 'toggle-captions':
        return captions.toggle();
    }
  }
  useKeyboardShortcuts(containerRef, apply, controls.poke);
  const tap = usePictureTap(controls, controlsRef, onTogglePlay);

  return (
    <div className="player">
      <div
        ref={containerRef}
        className={`player__frame${controls.visible ? '' : ' player__frame--idle'}${fullscreen ? ' player__frame--fullscreen' : ''}`}
        data-testid="player-container"
        onPointerMove={(e) => {
          if (e.pointerType === 'mouse') controls.poke();
        }}
        onPointerDownCapture={tap.onPointerDownCapture}
        onClickCapture={tap.onClickCapture}
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
          onClick={tap.onPictureClick}
          onDoubleClick={toggleFullscreen}
        />
        {!media.started && !ad && !hls.error && (
          <button
            type="button"
            className="player__bigplay"
            data-testid="player-bigplay"
            aria-label="Play (k)"
            title="Play (k)"
            onClick={onTogglePlay}
          >
            <PlayIcon />
          </button>
        )}
        {!ad && <CaptionsOverlay lines={captions.lines} raised={controls.visible} />}
        {ad && <AdOverlay ad={ad} videoRef={videoRef} onClickThrough={ads.clickThrough} />}
        {hls.error && (
          <div className="player__error" role="alert" data-testid="player-error">
            {hls.error}
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
                <SeekBar
                  time={clock.time}
                  duration={clock.duration}
                  buffered={clock.buffered}
                  cues={cues}
                  onSeek={clock.seek}
                  onScrub={clock.onScrub}
                />
              )
            }
            captions={<CaptionsMenu tracks={captions.tracks} selected={captions.selected} onChoose={captions.choose} />}
            ad={ad}
            paused={media.paused}
            muted={media.muted}
            volume={media.volume}
            rate={speed.rate}
            fullscreen={fullscreen}
            time={clock.time}
            duration={clock.duration}
            levels={hls.levels}
            quality={hls.quality}
            currentHeight={hls.currentHeight}
            onTogglePlay={onTogglePlay}
            onToggleMute={onToggleMute}
            onVolume={onVolume}
            onRate={speed.changeRate}
            onQuality={hls.setQuality}
            onToggleFullscreen={toggleFullscreen}
          />
        </div>
      </div>
      {videoId && <P2PStatus share={share} onShareChange={onShareChange} />}
    </div>
  );
}
