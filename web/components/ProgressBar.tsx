interface Props {
  value: number;
  label: string;
  testId: string;
  tone?: 'default' | 'success' | 'error';
  indeterminate?: boolean;
}

export function ProgressBar({ value, label, testId, tone = 'default', indeterminate = false }: Props) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      className={`progress progress--${tone}${indeterminate ? ' progress--indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={`${pct}%`}
      data-testid={testId}
    >
      <div className="progress__fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
