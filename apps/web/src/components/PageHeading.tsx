import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** The page's one h1 and its introduction; also names the browser tab. */
export function PageHeading({ title, intro }: { title: string; intro?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <h1 className="page-title">{title}</h1>
      {intro && <p className="page-intro">{intro}</p>}
    </>
  );
}
