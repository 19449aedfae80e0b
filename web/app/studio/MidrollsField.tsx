'use client';

import { formatOffset } from '@/lib/midrolls';

export interface MidrollsValue {
  /** The platform's default: every 8 minutes for videos over 10 minutes. */
  useDefault: boolean;
  /** The creator's points as typed ("1:30, 8:00"). */
  text: string;
}

interface Props {
  id: string;
  value: MidrollsValue;
  /** Mid-rolls as served now (seconds). */
  served: number[] | undefined;
  error?: string;
  onChange: (v: MidrollsValue) => void;
}

/** The studio's ad-break setting of one video: default mid-rolls, or the creator's own times. */
export function MidrollsField({ id, value, served, error, onChange }: Props) {
  return (
    <fieldset className="field" data-testid="midrolls-field">
      <legend>Ad breaks</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.useDefault}
          onChange={(e) => onChange({ ...value, useDefault: e.target.checked })}
          data-testid="midrolls-default"
        />{' '}
        Platform default (a mid-roll every 8 minutes in videos over 10 minutes)
      </label>
      <label htmlFor={id}>Mid-roll times (comma-separated, m:ss)</label>
      <input
        id={id}
        type="text"
        value={value.text}
        disabled={value.useDefault}
        placeholder="2:30, 7:45"
        onChange={(e) => onChange({ ...value, text: e.target.value })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        data-testid="midrolls-input"
      />
      {error ? (
        <p id={`${id}-err`} className="field__error" role="alert" data-testid="error-midrolls">
          {error}
        </p>
      ) : null}
      <p className="muted small" data-testid="midrolls-served">
        Viewers without an ad-free plan see ads at: 0:00 (pre-roll)
        {served && served.length ? `, ${served.map(formatOffset).join(', ')}` : ''}. Times snap to the start of a 2-second segment.
      </p>
    </fieldset>
  );
}
