import { formatClc, sumMinor, toMinor } from '@/lib/money';
import type { EarningsPoint } from '@/lib/payments';

const DAY = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Points are UTC days; label them in UTC so a day never shifts by the viewer's offset. */
function dayLabel(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : DAY.format(t);
}

interface Props {
  points: EarningsPoint[];
  /** Caption, e.g. "Seeding earnings". */
  title: string;
  /** Also show the number of segments served (seeding; creator revenue has none). */
  showSegments?: boolean;
  /** What `segments` counts, singular (default "segment"; the advertiser overview counts impressions). */
  countNoun?: string;
  /** Also draw the counts per day as a line over the bars, on their own scale (needs showSegments). */
  plotCounts?: boolean;
  testId?: string;
}

const plural = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/** Tiny pure-SVG bar chart of CLC per day (oldest first). Heights come from bigint ratios, not floats of amounts. */
export function EarningsChart({
  points,
  title,
  showSegments = false,
  countNoun = 'segment',
  plotCounts = false,
  testId = 'earnings-chart',
}: Props) {
  const amounts = points.map((p) => {
    const v = toMinor(p.amount);
    return v > 0n ? v : 0n;
  });
  const max = amounts.reduce((m, v) => (v > m ? v : m), 0n);
  const total = sumMinor(points.map((p) => p.amount));
  const segments = points.reduce((s, p) => s + p.segments, 0);
  const maxCount = points.reduce((m, p) => Math.max(m, p.segments), 0);
  const drawCounts = showSegments && plotCounts && maxCount > 0;

  const barW = 14;
  const gap = 4;
  const plotH = 120;
  const axisH = 18;
  const left = 4;
  const width = left + Math.max(1, points.length) * (barW + gap);
  const ticks = points.length > 0 ? [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])] : [];

  return (
    <figure className="panel chart earnings-chart" data-testid={testId}>
      <figcaption className="chart__caption">
        {title}: <strong>{formatClc(total)}</strong> in the last {points.length} day{points.length === 1 ? '' : 's'}
        {showSegments && (
          <>
            {' '}
            · <strong>{segments.toLocaleString('en')}</strong> {countNoun}
            {segments === 1 ? '' : 's'} served
          </>
        )}
        {max > 0n && <span className="muted small"> · best day {formatClc(max)}</span>}
        {drawCounts && (
          <span className="chart__legend muted small">
            <span className="chart__key chart__key--amount" aria-hidden="true" /> {title.toLowerCase()} (CLC){' '}
            <span className="chart__key chart__key--count" aria-hidden="true" /> {countNoun}s (peak {maxCount.toLocaleString('en')})
          </span>
        )}
      </figcaption>
      {points.length === 0 ? (
        <p className="muted">No data yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${width} ${plotH + axisH}`}
          width="100%"
          role="img"
          aria-label={`${title} per day, ${dayLabel(points[0].day)} to ${dayLabel(points[points.length - 1].day)}: total ${formatClc(total)}`}
          preserveAspectRatio="xMinYMin meet"
        >
          <line x1={0} x2={width} y1={plotH + 0.5} y2={plotH + 0.5} stroke="#d8dee4" />
          {points.map((p, i) => {
            const v = amounts[i];
            // Scale in thousandths with bigint division; a non-zero day always shows at least 2 px.
            const h = max > 0n ? (Number((v * 1000n) / max) / 1000) * plotH : 0;
            const barH = v > 0n ? Math.max(2, h) : 0;
            const x = left + i * (barW + gap);
            return (
              <g key={p.day}>
                <rect
                  className="earnings-chart__bar"
                  x={x}
                  y={plotH - barH}
                  width={barW}
                  height={barH}
                  rx={2}
                  data-day={p.day}
                  data-amount={p.amount}
                />
                {/* A full-height transparent target so empty days still show their tooltip. */}
                <rect x={x} y={0} width={barW} height={plotH} fill="transparent">
                  <title>{`${dayLabel(p.day)}: ${formatClc(p.amount)}${showSegments ? `, ${plural(p.segments, countNoun)}` : ''}`}</title>
                </rect>
              </g>
            );
          })}
          {drawCounts && (
            <g className="earnings-chart__counts" aria-hidden="true">
              <polyline
                fill="none"
                points={points
                  .map((p, i) => `${left + i * (barW + gap) + barW / 2},${plotH - (p.segments / maxCount) * (plotH - 4)}`)
                  .join(' ')}
              />
              {points.map((p, i) =>
                p.segments > 0 ? (
                  <circle
                    key={p.day}
                    cx={left + i * (barW + gap) + barW / 2}
                    cy={plotH - (p.segments / maxCount) * (plotH - 4)}
                    r={2.5}
                    data-day={p.day}
                    data-count={p.segments}
                  />
                ) : null,
              )}
            </g>
          )}
          {ticks.map((i, k) => (
            <text
              key={`${i}-${k}`}
              x={left + i * (barW + gap) + (k === 0 ? 0 : k === ticks.length - 1 ? barW : barW / 2)}
              y={plotH + axisH - 4}
              fontSize="10"
              fill="#59636e"
              textAnchor={k === 0 ? 'start' : k === ticks.length - 1 ? 'end' : 'middle'}
            >
              {dayLabel(points[i].day)}
            </text>
          ))}
        </svg>
      )}
    </figure>
  );
}
