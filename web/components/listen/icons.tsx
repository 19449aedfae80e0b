/** The listening controls' icons beyond the player's (web/components/player/icons.tsx): inline SVG in the text colour. */

const svg = (d: string) =>
  function Icon() {
    return (
      <svg className="player__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path d={d} fill="currentColor" />
      </svg>
    );
  };

export const PreviousIcon = svg('M6 5h2v14H6zM9.5 12 19 5v14z');
export const NextIcon = svg('M16 5h2v14h-2zM5 5l9.5 7L5 19z');
export const CloseIcon = svg('M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z');
