import type { ReactNode } from 'react';

/** A labelled form field with its error (from the browser's checks or the server's userErrors) right under it. */
export function FormField({
  id,
  label,
  error,
  hint,
  testId,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && <p className="muted small field__hint">{hint}</p>}
      {error && (
        <p id={`${id}-err`} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Props tying an input to its FormField error for assistive tech. */
export function describedBy(id: string, error?: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return error ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {};
}
