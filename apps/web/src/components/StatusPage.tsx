import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** A plain page for 403, 404 and load failures (no illustrations: they would weigh on every first load). */
export function StatusPage({ code, title, text, actions }: { code: string; title: string; text: string; actions: ReactNode }) {
  useDocumentTitle(title);
  return (
    <section className="panel status-page">
      <p className="status-code" aria-hidden="true">
        {code}
      </p>
      <h1 className="page-title">{title}</h1>
      <p>{text}</p>
      <div className="button-row">{actions}</div>
    </section>
  );
}
