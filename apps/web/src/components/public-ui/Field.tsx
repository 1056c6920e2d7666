import type { ReactElement, ReactNode } from 'react';

interface Props {
  id: string;
  label: ReactNode;
  /** Help shown under the control. */
  extra?: ReactNode;
  error?: string;
  /** Marks the label "(optional)" in the reader's language. */
  optional?: string;
  /** The control: it must carry `id` and `aria-describedby={describedBy(id, extra, error)}`. */
  children: ReactElement;
}

/** The ids of a field's help and error, for the control's aria-describedby. */
export function describedBy(id: string, extra: unknown, error: string | undefined): string | undefined {
  const ids = [extra ? `${id}-extra` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A label, its control, help text and the validation message (announced when it appears). */
export function Field({ id, label, extra, error, optional, children }: Props) {
  return (
    <div className={`pu-field${error ? ' pu-field-invalid' : ''}`}>
      <label htmlFor={id} className="pu-label">
        {label}
        {optional && <span className="pu-optional"> {optional}</span>}
      </label>
      {children}
      {extra && (
        <div id={`${id}-extra`} className="pu-extra">
          {extra}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="pu-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
