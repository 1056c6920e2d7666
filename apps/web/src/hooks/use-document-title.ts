import { useEffect } from 'react';
import { useT } from '@/lib/i18n/use-i18n';

export function useDocumentTitle(title: string): void {
  const appName = useT().common.appName;
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
}
