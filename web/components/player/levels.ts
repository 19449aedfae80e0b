/** Rung names people know; a source a little short of one (≥ 85 %, e.g. 1278x718) is named for it, as the ladder planner made it. */
const NAMED_HEIGHTS = [144, 240, 360, 480, 720, 1080, 1440, 2160, 4320];
function nominalHeight(height: number): number {
  return NAMED_HEIGHTS.find((h) => height <= h && height >= 0.85 * h) ?? height;
}

/** The quality menu's name of an HLS level: "720p", "720p (2500 kbps)" when two share a height, else its bitrate. */
export function levelLabel(height: number, bitrate: number, all: { height: number }[]): string {
  const dup = all.filter((l) => l.height === height).length > 1;
  const base = height > 0 ? `${nominalHeight(height)}p` : `${Math.round(bitrate / 1000)} kbps`;
  return dup && height > 0 ? `${base} (${Math.round(bitrate / 1000)} kbps)` : base;
}
