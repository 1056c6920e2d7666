import { Fragment, type ReactNode, type TdHTMLAttributes } from 'react';

export interface Column<Item> {
  /** The header cell's content (a visually hidden one over a column of buttons). */
  header: ReactNode;
  cell: (item: Item) => ReactNode;
  /** Attributes of the column's body cells, for those that wrap or align otherwise. */
  cellProps?: TdHTMLAttributes<HTMLTableCellElement>;
}

/** Body cells of free text: wrapped and left-aligned (the figures tables keep cells on one line, centred). */
export const WRAP: TdHTMLAttributes<HTMLTableCellElement> = { style: { whiteSpace: 'normal', textAlign: 'left' } };

export interface ListTableProps<Item> {
  /** Names the scrolling region for screen readers. */
  label: string;
  testId: string;
  /** The table's look besides `figures`: text-table, inspector-table, audit-table. */
  className?: string;
  /** The first column heads each row (its cells are row headers). */
  columns: Column<Item>[];
  items: Item[];
  rowKey: (item: Item) => string;
  /** data-* attributes of a row, by which tests find it. */
  rowData?: (item: Item) => Record<`data-${string}`, string | number>;
  /** A row of its own under an item, across the table (an audit event's before and after); nothing when undefined. */
  detail?: (item: Item) => ReactNode;
  /** Scroll inside a bounded height, as the dashboard's tables do, rather than grow with the page. */
  bounded?: boolean;
  /** A caption for screen readers only, where the table's heading is not right above it. */
  caption?: string;
}

/**
 * A list as a table that scrolls sideways on a phone (a focusable region, so a keyboard scrolls it
 * too), one row an item; nothing at all for no items (the page says so its own way).
 */
export function ListTable<Item>({ label, testId, className, columns, items, rowKey, rowData, detail, bounded = false, caption }: ListTableProps<Item>) {
  if (items.length === 0) return null;
  const [head, ...rest] = columns;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label} style={bounded ? undefined : { maxHeight: 'none' }}>
      <table className={className ? `figures ${className}` : 'figures'} data-testid={testId}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const more = detail?.(item);
            return (
              <Fragment key={rowKey(item)}>
                <tr {...rowData?.(item)}>
                  {head && (
                    <th scope="row" {...head.cellProps}>
                      {head.cell(item)}
                    </th>
                  )}
                  {rest.map((column, index) => (
                    <td key={index} {...column.cellProps}>
                      {column.cell(item)}
                    </td>
                  ))}
                </tr>
                {more !== undefined && (
                  <tr>
                    <td colSpan={columns.length} className="row-detail-cell">
                      {more}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
