'use client';

import type { ReactNode } from 'react';
import { formatTime } from '@/lib/format';
import type { AdState } from '@/lib/ads/interstitials';
import { PLAYBACK_RATES, rateLabel } from '@/lib/player/shortcuts';
import { ExitFullscreenIcon, FullscreenIcon, MutedIcon, PauseIcon, PlayIcon, VolumeIcon, VolumeLowIcon } from './icons';

export interface LevelOption {
  index: number;
  label: string;
  height: number;
}

interface Props {
  /** The seek bar (or, during an ad, the ad's progress), above the buttons. */
  progress: ReactNode;
  /** The CC menu (nothing when the video has no captions). */
  captions?: ReactNode;
  ad: AdState | null;
  paused: boolean;
  muted: boolean;
  volume: number;
  rate: number;
  fullscreen: boolean;
  time: number;
  duration: number;
  levels: LevelOption[];
  /** 'auto' or a level index. */
  quality: string;
  currentHeight: number | null;
  onTogglePlay: () => void;
  onToggleMute: () => void;
  onVolume: (v: number) => void;
  onRate: (r: number) => void;
  onQuality: (value: string) => void;
  onToggleFullscreen: () => void;
}

/**
 * The player's control bar: play/pause, mute and volume, time, speed, quality and full screen. Each
 * control names its keyboard shortcut in its label and tooltip. During an ad the speed menu is off
 * (the ad plays at normal speed) and so is seeking (`progress` is then the ad's own, read-only).
 */
export function ControlBar(p: Props) {
  const playLabel = p.paused ? 'Play (k)' : 'Pause (k)';
  const muteLabel = p.muted || p.volume === 0 ? 'Unmute (m)' : 'Mute (m)';
  const fsLabel = p.fullscreen ? 'Exit full screen (f)' : 'Full screen (f)';
  const shownVolume = p.muted ? 0 : p.volume;
  const VolIcon = p.muted || p.volume === 0 ? MutedIcon : p.volume < 0.5 ? VolumeLowIcon : VolumeIcon;
  const playing = p.currentHeight ? `${p.currentHeight}p` : '…';
  return (
    <>
      {p.progress}
      <div className="player__bar">
        <button
          type="button"
          className="player__btn"
          data-testid="player-play"
          aria-label={playLabel}
          title={playLabel}
          onClick={p.onTogglePlay}
        >
          {p.paused ? <PlayIcon /> : <PauseIcon />}
        </button>
        <div className="player__volume">
          <button
            type="button"
            className="player__btn"
            data-testid="player-mute"
            aria-label={muteLabel}
            aria-pressed={p.muted}
            title={muteLabel}
            onClick={p.onToggleMute}
          >
            <VolIcon />
          </button>
          <input
            type="range"
            className="player__volume-slider"
            data-testid="player-volume"
            min={0}
            max={1}
            step={0.05}
            value={shownVolume}
            aria-label="Volume (↑ / ↓)"
            aria-valuetext={`${Math.round(shownVolume * 100)} %`}
            title="Volume (↑ / ↓)"
            onChange={(e) => p.onVolume(Number(e.target.value))}
            style={{ ['--fill' as string]: `${shownVolume * 100}%` }}
          />
        </div>
        <span className="player__time" aria-live="off" data-testid="player-time" title={p.ad ? 'Seeking resumes after the ad' : undefined}>
          {p.ad ? `Ad ${formatTime(p.ad.elapsed)} / ${formatTime(p.ad.duration)}` : `${formatTime(p.time)} / ${formatTime(p.duration)}`}
        </span>
        <span className="player__spacer" />
        {p.captions}
        <select
          className="player__menu"
          data-testid="player-speed"
          aria-label="Playback speed (Shift+> faster, Shift+< slower)"
          title={p.ad ? 'The ad plays at normal speed' : 'Playback speed (Shift+> / Shift+<)'}
          value={String(p.rate)}
          disabled={!!p.ad}
          onChange={(e) => p.onRate(Number(e.target.value))}
        >
          {PLAYBACK_RATES.map((r) => (
            <option key={r} value={String(r)}>
              {rateLabel(r)}
            </option>
          ))}
        </select>
        <select
          id="quality-select"
          className="player__menu"
          data-testid="quality-select"
          aria-label={`Quality (playing ${playing})`}
          title={`Quality (playing ${playing})`}
          value={p.quality}
          onChange={(e) => p.onQuality(e.target.value)}
          disabled={p.levels.length === 0}
        >
          <option value="auto">{p.quality === 'auto' && p.currentHeight ? `Auto (${p.currentHeight}p)` : 'Auto'}</option>
          {p.levels.map((l) => (
            <option key={l.index} value={String(l.index)}>
              {l.label}
            </option>
          ))}
        </select>
        <span className="sr-only">
          Playing: <span data-testid="current-quality">{playing}</span>
        </span>
        <button
          type="button"
          className="player__btn"
          data-testid="player-fullscreen"
          aria-label={fsLabel}
          aria-pressed={p.fullscreen}
          title={fsLabel}
          onClick={p.onToggleFullscreen}
        >
          {p.fullscreen ? <ExitFullscreenIcon /> : <FullscreenIcon />}
        </button>
      </div>
    </>
  );
}
