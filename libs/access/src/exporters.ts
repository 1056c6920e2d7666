import { Problems } from '@app/core';
import { Actor } from './actor';

/** Who may export a whole list as CSV: officials. An agency reads its own records page by page. */
export const EXPORTERS = ['ministry_official', 'bureau_admin', 'inspector'] as const;

export function assertExporter(actor: Actor): void {
  if (!(EXPORTERS as readonly string[]).includes(actor.role)) throw Problems.forbidden('Only officials may export a list as CSV');
}
