import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { combineJoins, joinColumns, selectArray } from './view-joins';
import { selectEntityColumns } from './entity-rows';

@Entity('widgets')
class Widget {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'name_zh' }) nameZh: string;
  @Column({ type: 'date', name: 'valid_from' }) validFrom: string;
  @Column({ type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) amount: number;
  @Column({ select: false }) secret: string;
}

// A data source that is never connected: enough to build SQL.
const dataSource = new DataSource({ type: 'postgres', entities: [Widget] });

beforeAll(async () => {
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
});

const query = () => dataSource.getRepository(Widget).createQueryBuilder('w');

describe('selectEntityColumns', () => {
  it("selects the entity's columns once, under their property names, and nothing else", () => {
    const qb = query();
    selectEntityColumns(qb);
    const sql = qb.getQuery();
    expect(sql).toMatch(/^SELECT w\."id" AS "id", w\."name_zh" AS "nameZh", w\."valid_from"::text AS "validFrom", w\."amount" AS "amount" FROM/);
    // The entity's own selection (w_id, w_name_zh...) is gone: each column travels once.
    expect(sql).not.toMatch(/"w_/);
    expect(sql).not.toMatch(/secret/);
  });

  it('selects only the columns a view shows', () => {
    const qb = query();
    selectEntityColumns(qb, ['id', 'amount']);
    expect(qb.getQuery()).toMatch(/^SELECT w\."id" AS "id", w\."amount" AS "amount" FROM/);
  });

  it('refuses a column it cannot select', () => {
    expect(() => selectEntityColumns(query(), ['id', 'secret'])).toThrow(/secret not selectable/);
  });

  it('reads a raw row in place, through the columns\' transformers', () => {
    const read = selectEntityColumns(query());
    const raw = { id: 'a', nameZh: '机构', validFrom: '2026-01-01', amount: '12.50' };
    const row = read(raw);
    expect(row).toBe(raw);
    expect(row).toEqual({ id: 'a', nameZh: '机构', validFrom: '2026-01-01', amount: 12.5 });
    expect(read({ id: 'b', nameZh: 'x', validFrom: '2026-01-01', amount: null }).amount).toBeNull();
  });
});

describe('view joins', () => {
  const names = combineJoins(
    joinColumns('bureaus', 'view_bureau', 'view_bureau.id = w.id', { bureauName: 'name' }),
    selectArray('tags', 'SELECT array_agg(t.name) FROM tags t WHERE t.widget_id = w.id'),
  );

  it('selects joined names and arrays under the view\'s keys', () => {
    const qb = query();
    selectEntityColumns(qb, ['id']);
    names.join(qb);
    const sql = qb.getQuery();
    expect(sql).toContain('view_bureau.name AS "bureauName"');
    expect(sql).toMatch(/\(SELECT array_agg\(t\.name\) FROM tags t WHERE t\.widget_id = "?w"?\."?id"?\) AS "tags"/);
    expect(sql).toMatch(/LEFT JOIN "bureaus" "view_bureau" ON view_bureau\.id = "?w"?\."?id"?/);
  });

  it('completes a raw row in place: no match reads as null, no array as []', () => {
    const raw: Record<string, unknown> = { id: 'a', bureauName: null, tags: null };
    expect(names.read(raw)).toBe(raw);
    expect(raw).toEqual({ id: 'a', bureauName: null, tags: [] });
    expect(names.read({ bureauName: 'Fujian', tags: ['x'] })).toEqual({ bureauName: 'Fujian', tags: ['x'] });
  });
});
