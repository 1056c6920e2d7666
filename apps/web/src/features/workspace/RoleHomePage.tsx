import { Badge, Button, Empty } from 'antd';
import { useSession } from '@/app/auth/use-session';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMarkRead, useMe, useNotifications } from './use-notifications';
import { Loading } from '@/components/Loading';

/** A home per role: who I am, where I belong, and my unread notifications. */
export function RoleHomePage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const fresh = useMe();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const me = fresh.data ?? (session.status === 'signedIn' ? session.me : undefined);
  if (!me) return <Loading />;

  const agencyName = me.agency ? (language === 'en' && me.agency.nameEn ? me.agency.nameEn : me.agency.nameZh) : undefined;
  const reach = me.jurisdictionPrefix === '' ? t.me.national : me.bureau?.jurisdictionCode;

  return (
    <div className="stack">
      <PageHeading title={t.me.welcome(me.displayName)} />
      <section className="panel" aria-labelledby="who-am-i">
        <h2 id="who-am-i">{t.me.title}</h2>
        <dl className="facts" data-testid="me">
          <dt>{t.me.role}</dt>
          <dd>{t.roles[me.role]}</dd>
          {me.bureau && (
            <>
              <dt>{t.me.bureau}</dt>
              <dd>{me.bureau.name}</dd>
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
        <p className="page-intro" style={{ marginTop: 12 }}>
          {t.me.nextIssues}
        </p>
      </section>

      <section className="panel" aria-labelledby="notifications">
        <h2 id="notifications">
          {t.me.notifications}{' '}
          <Badge count={me.unreadNotifications} showZero color={me.unreadNotifications > 0 ? '#c41d1d' : '#595959'} title={t.me.unread(me.unreadNotifications)} />
          <span className="visually-hidden">{t.me.unread(me.unreadNotifications)}</span>
        </h2>
        {notifications.isPending && <Loading />}
        {notifications.error && <ProblemAlert error={notifications.error} onRetry={() => void notifications.refetch()} />}
        {notifications.data?.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.me.noNotifications} />}
        <ul className="result-list">
          {notifications.data?.items.map((notification) => (
            <li key={notification.id} className={notification.readAt ? 'notification read' : 'notification'}>
              <strong>{notification.title}</strong>
              <span className="agency-meta">{formatDate(notification.createdAt, language, true)}</span>
              {!notification.readAt && (
                <Button size="small" onClick={() => markRead.mutate(notification.id)} loading={markRead.isPending && markRead.variables === notification.id}>
                  {t.me.markRead}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
