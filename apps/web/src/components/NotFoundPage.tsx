import { Link } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';
import { StatusPage } from './StatusPage';

export function NotFoundPage() {
  const t = useT();
  return (
    <StatusPage
      code="404"
      title={t.errors.notFoundTitle}
      text={t.errors.notFoundText}
      actions={
        <Link to="/" className="button-link">
          {t.errors.goHome}
        </Link>
      }
    />
  );
}
