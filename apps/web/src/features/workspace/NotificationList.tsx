import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { api, data } from '@/api/client';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { KeysetList } from '@/components/KeysetList';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useKeysetList } from '@/components/use-keyset-list';

/** The inbox: newest first, in the reader's language, each marked read on request. */
export function NotificationList({ limit, paged }: { limit: number; paged: boolean }) {
  const t = useT();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const list = useKeysetList({
    queryKey: ['me', 'notifications', limit],
    fetchPage: async (start, signal) => data(await api.GET('/api/me/notifications', { params: { query: { limit, ...start } }, signal })),
    staleTime: 30_000,
  });
  const markRead = useMutation({
    mutationFn: async (id: string) => data(await api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })),
    // Under ['me']: the list and the unread count of the signed-in reader.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
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
