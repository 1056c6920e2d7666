import { EntityManager } from 'typeorm';
import { Language } from '@app/checklists';
import { TrendGroup } from './complaints.dto';

type Bilingual = [zh: string, en: string];

const CHANNELS: Record<string, Bilingual> = {
  web: ['网上投诉', 'Online'],
  hotline: ['热线电话', 'Hotline'],
  walk_in: ['来访', 'Walk-in'],
  letter: ['来信', 'Letter'],
  referral: ['转办', 'Referral'],
};

const OUTCOMES: Record<string, Bilingual> = {
  substantiated: ['属实', 'Substantiated'],
  partly_substantiated: ['部分属实', 'Partly substantiated'],
  unsubstantiated: ['不属实', 'Unsubstantiated'],
  withdrawn: ['撤回', 'Withdrawn'],
  none: ['尚无结论', 'No outcome yet'],
};

const NO_AGENCY: Bilingual = ['未登记机构', 'No registered agency'];

/** Where the names of database-coded groups are, by code (whitelisted SQL, never built from input). */
const NAME_QUERIES: Partial<Record<TrendGroup, string>> = {
  category: `SELECT code, name_zh AS zh, name_en AS en FROM complaint_categories WHERE code = ANY($1::text[])`,
  province: `SELECT code, name_zh AS zh, name_en AS en FROM jurisdictions WHERE code = ANY($1::text[])`,
  agency: `SELECT id::text AS code, name_zh AS zh, coalesce(name_en, name_zh) AS en FROM agencies WHERE id::text = ANY($1::text[])`,
};

/**
 * The label of each group code in `language`: categories, provinces and agencies by name (one
 * query for all the codes of an answer), channels and outcomes from the lists above. A code
 * without a name keeps the code as its label.
 */
export async function trendLabels(manager: EntityManager, groupBy: TrendGroup, codes: string[], language: Language): Promise<Map<string, string>> {
  const pick = ([zh, en]: Bilingual) => (language === 'en' ? en : zh);
  const labels = new Map<string, string>();
  const query = NAME_QUERIES[groupBy];
  if (query) {
    const names = codes.filter((code) => code !== 'none');
    const rows = names.length === 0 ? [] : ((await manager.query(query, [names])) as { code: string; zh: string; en: string }[]);
    for (const row of rows) labels.set(row.code, pick([row.zh, row.en]));
    if (groupBy === 'agency') labels.set('none', pick(NO_AGENCY));
  } else {
    const list = groupBy === 'channel' ? CHANNELS : OUTCOMES;
    for (const code of codes) if (list[code]) labels.set(code, pick(list[code]));
  }
  return new Map(codes.map((code) => [code, labels.get(code) ?? code]));
}
