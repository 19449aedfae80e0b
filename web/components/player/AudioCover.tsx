/**
 * An AUDIO item's cover over the player's picture (which stays black: audio-only HLS has no video
 * frames). The controls and overlays drawn after it stay on top; clicks go through to the video.
 * The full listen page (waveform seek bar, queue, mini-player) is later work (issue 14, "Listening").
 */
export function AudioCover({ src, title }: { src: string | null | undefined; title: string }) {
  if (!src) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a same-origin HLS file, not a page asset for next/image
    <img
      src={src}
      alt={`Cover of ${title}`}
      data-testid="audio-cover"
      style={{
        position: 'absolute',
        inset: 0,
        width: '100%',
        height: '100%',
        objectFit: 'contain',
        background: '#000',
        pointerEvents: 'none',
      }}
    />
  );
}
