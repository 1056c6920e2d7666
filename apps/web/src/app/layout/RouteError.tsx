import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { StatusPage } from '@/components/StatusPage';
import { useT } from '@/lib/i18n/use-i18n';

/** A page that failed to load (often a chunk gone after a new release, or offline): offer a reload. */
export function RouteError() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="shell-main">
      <StatusPage
        code={notFound ? '404' : '!'}
        title={notFound ? t.errors.notFoundTitle : t.common.unexpectedError}
        text={notFound ? t.errors.notFoundText : t.common.networkError}
        actions={
          <>
            <button type="button" className="pu-button pu-button-primary pu-button-large" onClick={() => window.location.reload()}>
              {t.common.retry}
            </button>
            <Link to="/" className="button-link button-link-secondary">
              {t.errors.goHome}
            </Link>
          </>
        }
      />
    </main>
  );
}
