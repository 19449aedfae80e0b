'use client';

import type HlsType from 'hls.js';
import { useCallback, useEffect, useState, type RefObject } from 'react';
import {
  CAPTION_CHOICE_KEY,
  CAPTIONS_OFF,
  cuePlainText,
  pickCaptionTrack,
  type CaptionChoice,
  type CaptionTrackOption,
} from '@/lib/player/captions';

function readChoice(): CaptionChoice | null {
  try {
    return window.localStorage.getItem(CAPTION_CHOICE_KEY);
  } catch {
    return null;
  }
}

function remember(choice: CaptionChoice): void {
  try {
    window.localStorage.setItem(CAPTION_CHOICE_KEY, choice);
  } catch {
    /* private mode: not remembered */
  }
}

/** hls.js loads the track's cues into a 'hidden' text track (the player draws them); -1 turns captions off. */
function showSubtitleTrack(hls: HlsType, index: number): void {
  hls.subtitleDisplay = false;
  hls.subtitleTrack = index;
}

/** The subtitle text track hls.js loads cues into for the chosen track (mode 'hidden': we draw the cues). */
function activeTextTrack(video: HTMLVideoElement): TextTrack | null {
  for (const t of Array.from(video.textTracks)) {
    if ((t.kind === 'subtitles' || t.kind === 'captions') && t.mode !== 'disabled') return t;
  }
  return null;
}

/**
 * Captions: the video's subtitle renditions (hls.js `subtitleTracks`), the viewer's choice (hls.js
 * `subtitleTrack`, -1 = off; remembered per browser by language) and the lines to show now. hls.js
 * loads the chosen track's segmented WebVTT into a text track kept 'hidden' (`subtitleDisplay =
 * false`); the player draws the active cues itself, as text, above its controls.
 */
export function useCaptions(hls: HlsType | null, videoRef: RefObject<HTMLVideoElement | null>) {
  const [tracks, setTracks] = useState<CaptionTrackOption[]>([]);
  const [selected, setSelected] = useState(-1);
  const [lines, setLines] = useState<string[]>([]);
  const apply = useCallback(
    (index: number) => {
      if (!hls) return;
      showSubtitleTrack(hls, index);
      setSelected(index);
    },
    [hls],
  );

  useEffect(() => {
    if (!hls) return;
    let cancelled = false;
    let detach = () => {};
    void import('hls.js').then(({ default: Hls }) => {
      if (cancelled) return;
      const update = () => {
        const list = hls.subtitleTracks.map((t, index) => ({
          index,
          label: t.name || t.lang || `Track ${index + 1}`,
          language: t.lang ?? '',
        }));
        setTracks(list);
        // After hls.js has made its own initial pick (-1: no DEFAULT=YES track), which it does right
        // after this event: then the remembered language wins.
        const wanted = pickCaptionTrack(list, readChoice());
        setTimeout(() => {
          if (!cancelled && wanted !== hls.subtitleTrack) apply(wanted);
        }, 0);
      };
      const onSwitch = (_e: unknown, data: { id: number }) => setSelected(data.id);
      hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, update);
      hls.on(Hls.Events.SUBTITLE_TRACK_SWITCH, onSwitch);
      if (hls.subtitleTracks.length > 0) update();
      detach = () => {
        hls.off(Hls.Events.SUBTITLE_TRACKS_UPDATED, update);
        hls.off(Hls.Events.SUBTITLE_TRACK_SWITCH, onSwitch);
      };
    });
    return () => {
      cancelled = true;
      detach();
      setTracks([]);
      setSelected(-1);
    };
  }, [hls, apply]);

  // The cues showing now, from the chosen text track's cuechange events.
  useEffect(() => {
    const video = videoRef.current;
    if (!video || selected < 0) return;
    const list = video.textTracks;
    const listened = new Set<TextTrack>();
    const render = () => {
      const track = activeTextTrack(video);
      const cues = track?.activeCues ? Array.from(track.activeCues) : [];
      setLines(cues.map((c) => cuePlainText((c as VTTCue).text ?? '')).filter((t) => t.trim() !== ''));
    };
    const listen = () => {
      for (const t of Array.from(list)) {
        if (!listened.has(t)) {
          t.addEventListener('cuechange', render);
          listened.add(t);
        }
      }
      render();
    };
    list.addEventListener('addtrack', listen);
    list.addEventListener('change', listen);
    listen();
    return () => {
      list.removeEventListener('addtrack', listen);
      list.removeEventListener('change', listen);
      for (const t of listened) t.removeEventListener('cuechange', render);
      setLines([]);
    };
  }, [selected, videoRef]);

  /** The viewer's pick in the CC menu: a track index, or -1 for Off. Remembered for this browser. */
  const choose = useCallback(
    (index: number) => {
      const track = tracks.find((t) => t.index === index);
      remember(track ? track.language : CAPTIONS_OFF);
      apply(track ? index : -1);
    },
    [tracks, apply],
  );

  /** The `c` shortcut: off when on; else the remembered language, else the first track. */
  const toggle = useCallback(() => {
    if (tracks.length === 0) return;
    if (selected >= 0) return choose(-1);
    const remembered = pickCaptionTrack(tracks, readChoice());
    choose(remembered >= 0 ? remembered : tracks[0].index);
  }, [tracks, selected, choose]);

  return { tracks, selected, choose, toggle, lines };
}
