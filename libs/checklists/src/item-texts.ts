import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { joinColumns, ViewJoins } from '@app/core';

/** What a checklist item means when it fails, and its legal basis, in both languages. */
export interface ItemTexts {
  breachZh: string | null;
  breachEn: string | null;
  legalBasisZh: string | null;
  legalBasisEn: string | null;
}

/**
 * The non-compliance wording of the item in `itemCodeColumn` (checklist_item_texts), for a list
 * of failed items (corrective actions) read in one query.
 */
export function breachTexts(itemCodeColumn: string): ViewJoins<{ breachZh: string | null; breachEn: string | null }> {
  return joinColumns('checklist_item_texts', 'view_breach', `view_breach.item_code = ${itemCodeColumn}`, { breachZh: 'breach_zh', breachEn: 'breach_en' });
}

/**
 * The reference texts of checklist items: a few dozen rows that only migrations change, so they
 * are read once per process.
 */
@Injectable()
export class ChecklistTexts {
  private loaded: Promise<{ breaches: Map<string, [string, string]>; bases: Map<string, [string, string]> }> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(item: { code: string; legalBasis: string | null }): Promise<ItemTexts> {
    return (await this.describer())(item);
  }

  /** A function describing items, for views that describe many. */
  async describer(): Promise<(item: { code: string; legalBasis: string | null }) => ItemTexts> {
    this.loaded ??= this.load();
    const { breaches, bases } = await this.loaded.catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return (item) => {
      const breach = breaches.get(item.code);
      const basis = item.legalBasis ? bases.get(item.legalBasis) : undefined;
      return {
        breachZh: breach?.[0] ?? null,
        breachEn: breach?.[1] ?? null,
        legalBasisZh: item.legalBasis ? (basis?.[0] ?? item.legalBasis) : null,
        legalBasisEn: item.legalBasis ? (basis?.[1] ?? item.legalBasis) : null,
      };
    };
  }

  private async load() {
    const [breaches, bases] = await Promise.all([
      this.dataSource.query(`SELECT item_code AS "key", breach_zh AS zh, breach_en AS en FROM checklist_item_texts`) as Promise<{ key: string; zh: string; en: string }[]>,
      this.dataSource.query(`SELECT basis AS "key", label_zh AS zh, label_en AS en FROM legal_basis_labels`) as Promise<{ key: string; zh: string; en: string }[]>,
    ]);
    const toMap = (rows: { key: string; zh: string; en: string }[]) => new Map(rows.map((r) => [r.key, [r.zh, r.en] as [string, string]]));
    return { breaches: toMap(breaches), bases: toMap(bases) };
  }
}
