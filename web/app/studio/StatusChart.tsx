import type { VideoDetails, VideoStatus } from '@/lib/video-fragments';

const STATUSES: VideoStatus[] = ['READY', 'PROCESSING', 'UPLOADED', 'FAILED'];
const COLORS: Record<VideoStatus, string> = {
  READY: '#1a7f37',
  PROCESSING: '#0969da',
  UPLOADED: '#8250df',
  FAILED: '#cf222e',
};

/** Tiny pure-SVG bar chart: number of videos per status. */
export function StatusChart({ videos }: { videos: Pick<VideoDetails, 'status' | 'durationSec'>[] }) {
  const counts = STATUSES.map((s) => ({ status: s, count: videos.filter((v) => v.status === s).length }));
  const max = Math.max(1, ...counts.map((c) => c.count));
  const minutes = videos.reduce((sum, v) => sum + (v.status === 'READY' ? (v.durationSec ?? 0) : 0), 0) / 60;
  const barH = 22;
  const gap = 10;
  const labelW = 92;
  const chartW = 240;
  const height = counts.length * (barH + gap) - gap;
  return (
    <figure className="panel chart" data-testid="status-chart">
      <figcaption className="chart__caption">
        <strong>{videos.length}</strong> video{videos.length === 1 ? '' : 's'} · <strong>{minutes.toFixed(minutes >= 10 ? 0 : 1)}</strong>{' '}
        min ready to watch
      </figcaption>
      <svg
        viewBox={`0 0 ${labelW + chartW + 40} ${height}`}
        width="100%"
        role="img"
        aria-label={counts.map((c) => `${c.status}: ${c.count}`).join(', ')}
        preserveAspectRatio="xMinYMin meet"
      >
        {counts.map((c, i) => {
          const y = i * (barH + gap);
          const w = (c.count / max) * chartW;
          return (
            <g key={c.status}>
              <text x={0} y={y + barH * 0.7} fontSize="12" fill="#57606a">
                {c.status}
              </text>
              <rect x={labelW} y={y} width={chartW} height={barH} rx={4} fill="#f0f1f3" />
              <rect x={labelW} y={y} width={Math.max(c.count ? 4 : 0, w)} height={barH} rx={4} fill={COLORS[c.status]} />
              <text x={labelW + chartW + 8} y={y + barH * 0.7} fontSize="12" fill="#24292f" fontWeight="600">
                {c.count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
