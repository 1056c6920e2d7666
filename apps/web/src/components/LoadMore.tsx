import { Button } from 'antd';
import { useT } from '@/lib/i18n/use-i18n';

/** The next page of a cursor list, on request. */
export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const t = useT();
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <Button onClick={onLoad} loading={loading} data-testid="load-more">
        {t.bureau.common.loadMore}
      </Button>
    </div>
  );
}
