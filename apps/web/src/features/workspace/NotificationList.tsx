import { Button } from 'antd';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { KeysetList } from '@/components/KeysetList';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useNotificationList } from './api/get-notifications';
import { useMarkNotificationRead } from './api/mark-notification-read';

/** The inbox: newest first, in the reader's language, each marked read on request. */
export function NotificationList({ limit, paged }: { limit: number; paged: boolean }) {
  const t = useT();
  const language = useLanguage();
  const list = useNotificationList(limit);
  const markRead = useMarkNotificationRead();
  return (
    <KeysetList list={list} empty={t.me.noNotifications} notices={markRead.error && <ProblemAlert error={markRead.error} />} paged={paged}>
      {(items) => (
        <ul className="result-list" data-testid="notifications">
          {items.map((notification) => (
            <li key={notification.id} className={notification.readAt ? 'notification read' : 'notification'} data-read={notification.readAt ? 'true' : 'false'}>
              <strong>{language === 'en' ? notification.titleEn : notification.titleZh}</strong>
              {paged && <span className="notification-body">{language === 'en' ? notification.bodyEn : notification.bodyZh}</span>}
              <span className="agency-meta">{formatDate(notification.createdAt, language, true)}</span>
              {!notification.readAt && (
                <Button size="small" onClick={() => markRead.mutate(notification.id)} loading={markRead.isPending && markRead.variables === notification.id}>
                  {t.me.markRead}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </KeysetList>
  );
}
