import type { ButtonHTMLAttributes } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'default';
  size?: 'middle' | 'large' | 'small';
  block?: boolean;
  /** Busy: the button says so to a screen reader and cannot be pressed twice. */
  loading?: boolean;
}

/** The public pages' button: a native <button> with plain CSS (public-ui.css), no component library. */
export function Button({ variant = 'default', size = 'middle', block, loading, className, type = 'button', disabled, children, ...rest }: Props) {
  const classes = ['pu-button', `pu-button-${variant}`, `pu-button-${size}`, block ? 'pu-block' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} disabled={disabled} aria-busy={loading || undefined} {...rest}>
      {loading && <span className="pu-button-spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
