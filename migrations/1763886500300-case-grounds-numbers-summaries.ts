import { MigrationInterface, QueryRunner } from 'typeorm';

/** A text the system wrote as '中文 / English' (a CJK part, then a part without CJK): its Chinese half, or its English half. */
const HALF = (column: string, half: 1 | 2) => `(regexp_match(${column}, '^(.*[\\u4e00-\\u9fff].*?) / ([^\\u4e00-\\u9fff]+)$'))[${half}]`;
const MIXED = (column: string) => `${column} ~ '^.*[\\u4e00-\\u9fff].*? / [^\\u4e00-\\u9fff]+$'`;

/** The summary's sanction in SQL, as libs/enforcement/src/case-documents.ts#sanctionText writes it. */
const SANCTION = (language: 'zh' | 'en') =>
  language === 'zh'
    ? `CASE c.decided_sanction WHEN 'fine' THEN '罚款 人民币 ' || to_char(c.decided_fine_amount / 100.0, 'FM999,999,999,990.00') || ' 元'
                               WHEN 'suspension' THEN '暂停许可 ' || c.decided_suspension_days || ' 日' ELSE '吊销许可证' END`
    : `CASE c.decided_sanction WHEN 'fine' THEN 'fine of CNY ' || to_char(c.decided_fine_amount / 100.0, 'FM999,999,999,990.00')
                               WHEN 'suspension' THEN 'suspension of the licence for ' || c.decided_suspension_days || ' days' ELSE 'revocation of the licence' END`;

/**
 * The case knows its grounds, its number and what is published:
 * - grounds carry the parameters the catalogue of grounds (libs/enforcement/src/case-grounds.ts)
 *   names them by ("2025 年度报告逾期未报"), filled here from the records they reference;
 * - texts the system wrote in one '中文 / English' field are split: Chinese in `facts`,
 *   `legal_basis` and `note`, English in the new `*_en` columns (null: an official's own words,
 *   shown as written in both languages);
 * - case numbers run per issuing province and year (闽人社监〔2026〕17号) from a prefix per
 *   province and a counter row per province-year; existing cases keep their numbers (EC-000123);
 * - decided public sanctions get the published summary a decision now writes, generated.
 */
export class CaseGroundsNumbersSummaries1763886500300 implements MigrationInterface {
  name = 'CaseGroundsNumbersSummaries1763886500300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_grounds ADD COLUMN params jsonb NOT NULL DEFAULT '{}', ADD COLUMN note_en text`);
    await db.query(`ALTER TABLE enforcement_cases ADD COLUMN legal_basis_en text, ADD COLUMN facts_en text, ADD COLUMN case_number_en text,
                      ADD COLUMN published_summary_zh text, ADD COLUMN published_summary_en text`);

    await db.query(`UPDATE case_grounds g SET params = jsonb_build_object('inspectionDate', i.inspection_date::text) FROM inspections i
                     WHERE g.kind = 'inspection' AND g.reference ~ '^[0-9a-f-]{36}$' AND i.id = g.reference::uuid`);
    await db.query(`UPDATE case_grounds g SET params = jsonb_build_object('inspectionDate', i.inspection_date::text, 'itemCode', split_part(g.reference, '/', 2)) FROM inspections i
                     WHERE g.kind = 'finding' AND g.reference ~ '^[0-9a-f-]{36}/' AND i.id = split_part(g.reference, '/', 1)::uuid`);
    await db.query(`UPDATE case_grounds g SET params = jsonb_build_object('trackingCode', x.tracking_code) FROM complaints x
                     WHERE g.kind = 'complaint' AND g.reference ~ '^[0-9a-f-]{36}$' AND x.id = g.reference::uuid`);
    await db.query(`UPDATE case_grounds g SET params = jsonb_build_object('year', r.year, 'dueOn', make_date(r.year + 1, 3, 31)::text) FROM annual_reports r
                     WHERE g.kind = 'annual_report_overdue' AND g.reference ~ '^[0-9a-f-]{36}$' AND r.id = g.reference::uuid`);
    await db.query(`UPDATE case_grounds g SET params = jsonb_build_object('dueOn', t.due_on::text, 'requiredFen', t.required_fen) FROM reserve_fund_top_ups t
                     WHERE g.kind = 'reserve_fund_overdue' AND g.reference ~ '^[0-9a-f-]{36}$' AND t.id = g.reference::uuid`);
    await db.query(`UPDATE case_grounds g SET params = jsonb_build_object('inspectionDate', i.inspection_date::text) FROM commitment_checks k JOIN inspections i ON i.id = k.inspection_id
                     WHERE g.kind = 'commitment_failed' AND g.reference ~ '^[0-9a-f-]{36}$' AND k.id = g.reference::uuid`);
    await db.query(`UPDATE case_grounds SET params = jsonb_build_object('since', split_part(reference, '@', 2)) WHERE kind = 'credit_grade_d' AND reference LIKE '%@%'`);

    await db.query(`UPDATE case_grounds SET note_en = ${HALF('note', 2)}, note = ${HALF('note', 1)} WHERE ${MIXED('note')}`);
    for (const [zh, en] of [
      ['legal_basis', 'legal_basis_en'],
      ['facts', 'facts_en'],
    ]) {
      await db.query(`UPDATE enforcement_cases SET ${en} = ${HALF(zh, 2)}, ${zh} = ${HALF(zh, 1)} WHERE ${MIXED(zh)}`);
    }

    await db.query(`
      CREATE TABLE case_number_prefixes (
        province_code text PRIMARY KEY CHECK (province_code ~ '^[0-9]{2}$'),
        prefix_zh text NOT NULL CHECK (length(prefix_zh) BETWEEN 1 AND 20),
        prefix_en text NOT NULL CHECK (length(prefix_en) BETWEEN 1 AND 40)
      )`);
    // '00' is the fallback: a province without its own prefix is named by its division name (see CaseNumbers).
    await db.query(`INSERT INTO case_number_prefixes (province_code, prefix_zh, prefix_en) VALUES
                      ('35', '闽人社监', 'Fujian HRSS Enf.'), ('21', '辽人社监', 'Liaoning HRSS Enf.'), ('37', '鲁人社监', 'Shandong HRSS Enf.'), ('00', '人社监', 'HRSS Enf.')`);
    await db.query(`
      CREATE TABLE case_number_counters (
        province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        year integer NOT NULL,
        last_serial integer NOT NULL CHECK (last_serial > 0),
        PRIMARY KEY (province_code, year)
      )`);
    // Existing cases keep their numbers (EC-000123, in both languages: case_number_en stays null);
    // the old default stays for the data migration of inspection sanctions that relies on it.
    await db.query(`CREATE UNIQUE INDEX enforcement_cases_case_number_en_key ON enforcement_cases (case_number_en)`);

    await db.query(`
      UPDATE enforcement_cases c
         SET published_summary_zh = a.name_zh || '（统一社会信用代码 ' || a.uscc || '）违反' || c.legal_basis || '，决定' || ${SANCTION('zh')} || '，自 ' || c.effective_on::text || ' 起执行'
                                    || CASE WHEN c.decided_sanction = 'suspension' THEN '，至 ' || (c.effective_on + c.decided_suspension_days - 1)::text || ' 止' ELSE '' END || '。',
             published_summary_en = coalesce(a.name_en, a.name_zh) || ' (USCC ' || a.uscc || ') breached ' || coalesce(c.legal_basis_en, c.legal_basis) || '. Sanction: ' || ${SANCTION('en')}
                                    || ', effective ' || c.effective_on::text
                                    || CASE WHEN c.decided_sanction = 'suspension' THEN ' until ' || (c.effective_on + c.decided_suspension_days - 1)::text ELSE '' END || '.'
        FROM agencies a
       WHERE a.id = c.agency_id AND c.decided_sanction IN ('fine', 'suspension', 'revocation') AND c.published_summary_zh IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_number_counters, case_number_prefixes`);
    await db.query(`DROP INDEX enforcement_cases_case_number_en_key`);
    await db.query(`UPDATE enforcement_cases SET legal_basis = legal_basis || ' / ' || legal_basis_en WHERE legal_basis_en IS NOT NULL`);
    await db.query(`UPDATE enforcement_cases SET facts = facts || ' / ' || facts_en WHERE facts_en IS NOT NULL`);
    await db.query(`UPDATE case_grounds SET note = note || ' / ' || note_en WHERE note_en IS NOT NULL`);
    await db.query(`ALTER TABLE enforcement_cases DROP COLUMN legal_basis_en, DROP COLUMN facts_en, DROP COLUMN case_number_en, DROP COLUMN published_summary_zh, DROP COLUMN published_summary_en`);
    await db.query(`ALTER TABLE case_grounds DROP COLUMN params, DROP COLUMN note_en`);
  }
}
