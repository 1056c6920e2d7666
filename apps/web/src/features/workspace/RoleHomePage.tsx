import { Badge } from 'antd';
import { Link } from 'react-router';
import { useDivisionName } from '@/lib/api/reference';
import { useSession } from '@/lib/auth/use-session';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { bureauName } from '@/utils/agency-name';
import { AgencySummary } from './AgencySummary';
import { InspectorLinks } from './InspectorLinks';
import { NotificationList } from './NotificationList';
import { useMe } from './use-notifications';
import { WorkQueues } from './WorkQueues';
import { Loading } from '@/components/Loading';
import '@/components/styles/dashboard.css';
import './workspace.css';

/** A home per role: who I am, the work waiting for me, and my latest notifications. */
export function RoleHomePage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const fresh = useMe();
  const placeOf = useDivisionName(language);
  const me = fresh.data ?? (session.status === 'signedIn' ? session.me : undefined);
  if (!me) return <Loading />;

  const agencyName = me.agency ? (language === 'en' && me.agency.nameEn ? me.agency.nameEn : me.agency.nameZh) : undefined;
  const reachCode = me.bureau?.jurisdictionCode;
  // An official reads places by name; the code stays beside it for whoever files by code.
  const reach = me.jurisdictionPrefix === '' ? t.me.national : reachCode && (placeOf(reachCode) === reachCode ? reachCode : `${placeOf(reachCode)} (${reachCode})`);

  return (
    <div className="stack wide-page">
      <PageHeading title={t.me.welcome(me.displayName)} />
      <section className="panel" aria-labelledby="who-am-i">
        <h2 id="who-am-i">{t.me.title}</h2>
        <dl className="facts" data-testid="me">
          <dt>{t.me.role}</dt>
          <dd>{t.roles[me.role]}</dd>
          {me.bureau && (
            <>
              <dt>{t.me.bureau}</dt>
              <dd>{bureauName(me.bureau, language)}</dd>
            </>
          )}
          {agencyName && (
            <>
              <dt>{t.me.agency}</dt>
              <dd>{agencyName}</dd>
            </>
          )}
          {reach && (
            <>
              <dt>{t.me.reach}</dt>
              <dd>{reach}</dd>
            </>
          )}
        </dl>
      </section>

      {me.role === 'bureau_admin' && <WorkQueues />}
      {me.role === 'agency_user' && me.agencyId && <AgencySummary agencyId={me.agencyId} />}
      {me.role === 'inspector' && <InspectorLinks />}

      <section className="panel" aria-labelledby="notifications">
        <div className="panel-heading">
          <h2 id="notifications">
            {t.me.notifications}{' '}
            <Badge count={me.unreadNotifications} showZero color={me.unreadNotifications > 0 ? '#c41d1d' : '#595959'} title={t.me.unread(me.unreadNotifications)} />
            <span className="visually-hidden">{t.me.unread(me.unreadNotifications)}</span>
          </h2>
          <Link to="/notifications">{t.bureau.notifications.all}</Link>
        </div>
        <NotificationList limit={5} paged={false} />
      </section>
    </div>
  );
}
