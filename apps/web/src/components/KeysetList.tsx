import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { LoadMore } from './LoadMore';
import { Loading } from './Loading';
import { ProblemAlert } from './ProblemAlert';
import type { KeysetList as List, KeysetPage } from '@/hooks/use-keyset-list';

interface Props<Item> {
  list: List<KeysetPage<Item>>;
  /** What an empty list says: words (shown with antd's small illustration) or an element of the page's own; nothing when left out. */
  empty?: ReactNode;
  /** Problems of the page's own actions on the items, shown under the list's own. */
  notices?: ReactNode;
  /** Offer Load more at the end (a short list of the first page only, as on the home page, does not). */
  paged?: boolean;
  /** The items read so far, as a table (ListTable) or cards. */
  children: (items: Item[]) => ReactNode;
}

/** A keyset list's states around its items: loading, a problem with a retry, nothing found, and Load more. */
export function KeysetList<Item>({ list, empty, notices, paged = true, children }: Props<Item>) {
  return (
    <>
      {list.isPending && <Loading />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {notices}
      {list.data && list.items.length === 0 && (typeof empty === 'string' ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : empty)}
      {children(list.items)}
      {paged && <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />}
    </>
  );
}
