import { Link } from 'react-router';
import type { Role } from '@/lib/auth/session';
import { useT } from '@/lib/i18n/use-i18n';
import { StatusPage } from './StatusPage';

/** A deep link the signed-in role may not open: say so, and offer the way back. */
export function ForbiddenPage({ role }: { role: Role }) {
  const t = useT();
  return (
    <StatusPage
      code="403"
      title={t.errors.forbiddenTitle}
      text={t.errors.forbiddenText(t.roles[role])}
      actions={
        <Link to="/home" className="button-link">
          {t.errors.myHome}
        </Link>
      }
    />
  );
}
