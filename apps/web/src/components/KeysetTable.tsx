import type { ReactNode } from 'react';
import { KeysetList } from './KeysetList';
import { ListTable, type ListTableProps } from './ListTable';
import type { KeysetList as List, KeysetPage } from '@/hooks/use-keyset-list';

type Props<Item> = Omit<ListTableProps<Item>, 'items'> & { list: List<KeysetPage<Item>>; empty?: ReactNode; notices?: ReactNode };

/** A keyset list shown as a table: its states (KeysetList) around its rows (ListTable). */
export function KeysetTable<Item>({ list, empty, notices, ...table }: Props<Item>) {
  return (
    <KeysetList list={list} empty={empty} notices={notices}>
      {(items) => <ListTable items={items} {...table} />}
    </KeysetList>
  );
}
