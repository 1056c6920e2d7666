import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';
const ICON: Record<Tone, string> = { info: 'i', success: '✓', warning: '!', error: '×' };

interface Props {
  type: Tone;
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  /** `alert` for what just went wrong, `note` for standing advice, `status` for a result. */
  role?: 'alert' | 'note' | 'status';
  'data-testid'?: string;
}

/** A coloured message box with a text icon (no icon font, no SVG library). */
export function Alert({ type, title, children, action, role, ...rest }: Props) {
  return (
    <div className={`pu-alert pu-alert-${type}`} role={role} {...rest}>
      <span className="pu-alert-icon" aria-hidden="true">
        {ICON[type]}
      </span>
      <div className="pu-alert-body">
        <div className="pu-alert-title">{title}</div>
        {children && <div className="pu-alert-text">{children}</div>}
      </div>
      {action && <div className="pu-alert-action">{action}</div>}
    </div>
  );
}
