/** Plays a paused element, pauses a playing one. */
export function togglePlay(video: HTMLMediaElement): void {
  if (video.paused) void video.play().catch(() => undefined);
  else video.pause();
}

/** Mutes, or unmutes (at half volume when the volume was 0). */
export function toggleMute(video: HTMLMediaElement): void {
  if (video.muted || video.volume === 0) {
    video.muted = false;
    if (video.volume === 0) video.volume = 0.5;
  } else video.muted = true;
}

/** Sets the volume (clamped to 0–1); 0 also mutes. */
export function setVolume(video: HTMLMediaElement, v: number): void {
  video.volume = Math.max(0, Math.min(1, v));
  video.muted = v === 0;
}
