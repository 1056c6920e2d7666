import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JurisdictionsService } from '@app/jurisdictions';

/** The fallback row of case_number_prefixes, for a province without a prefix of its own. */
const FALLBACK = '00';

/**
 * Case numbers as a province's enforcement documents read them: the province's prefix, the year
 * and a serial per province and year (闽人社监〔2026〕17号; in English "Fujian HRSS Enf. [2026]
 * No. 17"). The serial comes from a counter row bumped inside the case's own transaction
 * (INSERT ... ON CONFLICT DO UPDATE ... RETURNING): concurrent openings in one province queue on
 * that row, and a rolled-back opening rolls its serial back, so numbers run without gaps.
 */
@Injectable()
export class CaseNumbers {
  constructor(private readonly jurisdictions: JurisdictionsService) {}

  async allocate(manager: EntityManager, jurisdictionCode: string, year: number): Promise<{ zh: string; en: string }> {
    const province = jurisdictionCode.slice(0, 2);
    const [{ serial }] = (await manager.query(
      `INSERT INTO case_number_counters (province_code, year, last_serial) VALUES ($1, $2, 1)
       ON CONFLICT (province_code, year) DO UPDATE SET last_serial = case_number_counters.last_serial + 1
       RETURNING last_serial AS serial`,
      [province, year],
    )) as { serial: number }[];
    const prefix = await this.prefix(manager, province);
    return { zh: `${prefix.zh}〔${year}〕${serial}号`, en: `${prefix.en} [${year}] No. ${serial}` };
  }

  private async prefix(manager: EntityManager, province: string): Promise<{ zh: string; en: string }> {
    const rows = (await manager.query(`SELECT province_code, prefix_zh AS zh, prefix_en AS en FROM case_number_prefixes WHERE province_code IN ($1, $2)`, [
      province,
      FALLBACK,
    ])) as { province_code: string; zh: string; en: string }[];
    const own = rows.find((r) => r.province_code === province);
    if (own) return own;
    // The fallback is named by the province, so that two provinces' numbers never meet.
    const fallback = rows[0] ?? { zh: '人社监', en: 'HRSS Enf.' };
    const name = await this.jurisdictions.find(`${province}0000`);
    return { zh: `${name?.nameZh ?? province}${fallback.zh}`, en: `${name?.nameEn ?? province} ${fallback.en}` };
  }
}

/** A case number fit for a file name (the PDFs' names travel in HTTP headers, which take ASCII only). */
export function caseFileStem(caseNumberEn: string): string {
  return caseNumberEn.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
