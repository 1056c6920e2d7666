import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Empty } from 'antd';
import { api, data } from '@/api/client';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { LoadMore } from '@/components/LoadMore';
import { Loading } from '@/components/Loading';
import { ProblemAlert } from '@/components/ProblemAlert';

/** The inbox: newest first, in the reader's language, each marked read on request. */
export function NotificationList({ limit, paged }: { limit: number; paged: boolean }) {
  const t = useT();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['me', 'notifications', limit],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) => data(await api.GET('/api/me/notifications', { params: { query: { limit, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 30_000,
  });
  const markRead = useMutation({
    mutationFn: async (id: string) => data(await api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {list.isPending && <Loading />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {markRead.error && <ProblemAlert error={markRead.error} />}
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.me.noNotifications} />}
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
      {paged && <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />}
    </>
  );
}
