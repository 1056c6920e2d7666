import { DataSource } from 'typeorm';
import { Actor, coversJurisdiction, jurisdictionPrefixOf } from './actor';
import { applyScope } from './scope';

const actor = (overrides: Partial<Actor>): Actor => ({
  userId: 'u',
  username: 'u',
  role: 'bureau_admin',
  bureauId: 'b',
  agencyId: null,
  jurisdictionPrefix: '35',
  ...overrides,
});

// A data source that is never connected: enough to build SQL.
const dataSource = new DataSource({ type: 'postgres' });
const where = (subject: Actor, columns: Parameters<typeof applyScope>[2]) => {
  const qb = applyScope(dataSource.createQueryBuilder().select('1').from('agencies', 'a'), subject, columns);
  return { sql: qb.getQuery().replace(/^.*?WHERE ?/s, ''), parameters: Object.values(qb.getParameters()) };
};

describe('jurisdiction scope', () => {
  it('derives the prefix from the bureau level', () => {
    expect(jurisdictionPrefixOf('ministry', null)).toBe('');
    expect(jurisdictionPrefixOf('province', '350000')).toBe('35');
    expect(jurisdictionPrefixOf('city', '350100')).toBe('3501');
  });

  it('tells whether a division code is covered', () => {
    expect(coversJurisdiction(actor({ jurisdictionPrefix: '3501' }), '350102')).toBe(true);
    expect(coversJurisdiction(actor({ jurisdictionPrefix: '3501' }), '350200')).toBe(false);
    expect(coversJurisdiction(actor({ jurisdictionPrefix: '' }), '210100')).toBe(true);
    expect(coversJurisdiction(actor({ role: 'agency_user', jurisdictionPrefix: null }), '350100')).toBe(false);
  });

  it('adds a prefix match for bureau actors', () => {
    const { sql, parameters } = where(actor({ jurisdictionPrefix: '3501' }), { jurisdiction: 'a.jurisdiction_code', agency: 'a.id' });
    expect(sql).toMatch(/a\.jurisdiction_code LIKE \$1|a\.jurisdiction_code LIKE :scope_\d+/);
    expect(parameters).toEqual(['3501%']);
  });

  it('adds nothing for national actors', () => {
    const qb = applyScope(dataSource.createQueryBuilder().select('1').from('agencies', 'a'), actor({ role: 'ministry_official', jurisdictionPrefix: '' }), { jurisdiction: 'a.jurisdiction_code' });
    expect(qb.getQuery()).not.toMatch(/WHERE/);
  });

  it('limits agency users to their own agency, and to nothing where a record has no agency', () => {
    const agencyUser = actor({ role: 'agency_user', agencyId: 'agency-1', bureauId: null, jurisdictionPrefix: null });
    expect(where(agencyUser, { jurisdiction: 'a.jurisdiction_code', agency: 'a.id' }).parameters).toEqual(['agency-1']);
    expect(where(agencyUser, { jurisdiction: 'a.jurisdiction_code' }).sql).toMatch(/false/);
  });

  it('falls back to the bureau column where a record has no division code', () => {
    const { parameters } = where(actor({ jurisdictionPrefix: '35' }), { bureau: 'a.bureau_id' });
    expect(parameters).toEqual(['b']);
  });
});
