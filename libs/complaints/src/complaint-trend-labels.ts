import { EntityManager } from 'typeorm';
import { agencyNamesOf } from '@app/agencies';
import { Language } from '@app/checklists';
import { jurisdictionNamesOf } from '@app/jurisdictions';
import { TrendGroup } from './complaints.dto';

type Bilingual = [zh: string, en: string];

export const CHANNELS: Record<string, Bilingual> = {
  web: ['网上投诉', 'Online'],
  hotline: ['热线电话', 'Hotline'],
  walk_in: ['来访', 'Walk-in'],
  letter: ['来信', 'Letter'],
  referral: ['转办', 'Referral'],
};

export const OUTCOMES: Record<string, Bilingual> = {
  substantiated: ['属实', 'Substantiated'],
  partly_substantiated: ['部分属实', 'Partly substantiated'],
  unsubstantiated: ['不属实', 'Unsubstantiated'],
  withdrawn: ['撤回', 'Withdrawn'],
  none: ['尚无结论', 'No outcome yet'],
};

const NO_AGENCY: Bilingual = ['未登记机构', 'No registered agency'];

type Names = Map<string, { zh: string; en: string | null }>;

/** Where the names of database-coded groups are, by code: one query for all the codes of an answer, each by its owner. */
const NAME_LOOKUPS: Partial<Record<TrendGroup, (manager: EntityManager, codes: string[]) => Promise<Names>>> = {
  category: async (manager, codes) => {
    const rows = (await manager.query(`SELECT code, name_zh AS zh, name_en AS en FROM complaint_categories WHERE code = ANY($1::text[])`, [codes])) as { code: string; zh: string; en: string }[];
    return new Map(rows.map((r) => [r.code, { zh: r.zh, en: r.en }]));
  },
  province: jurisdictionNamesOf,
  agency: agencyNamesOf,
};

/**
 * The label of each group code in `language`: categories, provinces and agencies by name (one
 * query for all the codes of an answer), channels and outcomes from the lists above. A code
 * without a name keeps the code as its label.
 */
export async function trendLabels(manager: EntityManager, groupBy: TrendGroup, codes: string[], language: Language): Promise<Map<string, string>> {
  const pick = ([zh, en]: Bilingual) => (language === 'en' ? en : zh);
  const labels = new Map<string, string>();
  const lookup = NAME_LOOKUPS[groupBy];
  if (lookup) {
    const names = codes.filter((code) => code !== 'none');
    const rows = names.length === 0 ? new Map() : await lookup(manager, names);
    for (const [code, name] of rows) labels.set(code, pick([name.zh, name.en ?? name.zh]));
    if (groupBy === 'agency') labels.set('none', pick(NO_AGENCY));
  } else {
    const list = groupBy === 'channel' ? CHANNELS : OUTCOMES;
    for (const code of codes) if (list[code]) labels.set(code, pick(list[code]));
  }
  return new Map(codes.map((code) => [code, labels.get(code) ?? code]));
}
