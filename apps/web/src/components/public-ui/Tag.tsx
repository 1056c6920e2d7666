import type { ReactNode } from 'react';

/** A solid tag, white text on a colour dark enough for 4.5:1 contrast. */
export function Tag({ color, children, className, ...rest }: { color: string; children: ReactNode; className?: string; 'data-testid'?: string }) {
  return (
    <span className={`pu-tag${className ? ` ${className}` : ''}`} style={{ background: color }} {...rest}>
      {children}
    </span>
  );
}
