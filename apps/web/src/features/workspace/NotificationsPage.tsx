import { useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { NotificationList } from './NotificationList';
import './workspace.css';

/** Every notification of the signed-in person, page by page. */
export function NotificationsPage() {
  const t = useT();
  return (
    <div className="stack">
      <PageHeading title={t.bureau.notifications.title} intro={t.bureau.notifications.intro} />
      <section className="panel" aria-label={t.bureau.notifications.title}>
        <NotificationList limit={20} paged />
      </section>
    </div>
  );
}
