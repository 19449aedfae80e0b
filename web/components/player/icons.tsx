/** The control bar's icons: inline SVG in the text colour, hidden from assistive tech (buttons carry labels). */

const svg = (d: string) =>
  function Icon() {
    return (
      <svg className="player__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path d={d} fill="currentColor" />
      </svg>
    );
  };

export const PlayIcon = svg('M8 5.14v13.72a1 1 0 0 0 1.52.85l10.6-6.86a1 1 0 0 0 0-1.7L9.52 4.29A1 1 0 0 0 8 5.14z');
export const PauseIcon = svg('M7 5h3.5v14H7zM13.5 5H17v14h-3.5z');
export const VolumeIcon = svg(
  'M4 9v6h4l5 4.5V4.5L8 9H4zm12.5 3a4.5 4.5 0 0 0-2.5-4.03v8.05A4.5 4.5 0 0 0 16.5 12zM14 3.23v2.06a7 7 0 0 1 0 13.42v2.06a9 9 0 0 0 0-17.54z',
);
export const VolumeLowIcon = svg('M4 9v6h4l5 4.5V4.5L8 9H4zm12.5 3a4.5 4.5 0 0 0-2.5-4.03v8.05A4.5 4.5 0 0 0 16.5 12z');
export const MutedIcon = svg(
  'M4 9v6h4l5 4.5V4.5L8 9H4zm12.59 3L14 9.41 15.41 8 18 10.59 20.59 8 22 9.41 19.41 12 22 14.59 20.59 16 18 13.41 15.41 16 14 14.59 16.59 12z',
);
export const FullscreenIcon = svg('M5 5h5v2H7v3H5V5zm9 0h5v5h-2V7h-3V5zM5 14h2v3h3v2H5v-5zm12 3v-3h2v5h-5v-2h3z');
export const ExitFullscreenIcon = svg('M8 5h2v5H5V8h3V5zm6 0h2v3h3v2h-5V5zM5 14h5v5H8v-3H5v-2zm9 0h5v2h-3v3h-2v-5z');
