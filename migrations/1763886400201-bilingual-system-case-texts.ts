import { MigrationInterface, QueryRunner } from 'typeorm';

/** An inspection outcome code in SQL, as its Chinese and English names. */
const outcomeName = (code: string, language: 'zh' | 'en') =>
  language === 'zh'
    ? `CASE ${code} WHEN 'compliant' THEN '合规' WHEN 'minor_issues' THEN '轻微问题' WHEN 'serious_violation' THEN '严重违规' WHEN 'critical_violation' THEN '重大违规' ELSE '未记录' END`
    : `CASE ${code} WHEN 'compliant' THEN 'compliant' WHEN 'minor_issues' THEN 'minor issues' WHEN 'serious_violation' THEN 'serious violation' WHEN 'critical_violation' THEN 'critical violation' ELSE 'not recorded' END`;

/**
 * Cases the system opened (inspection referrals, the yearly-duty and commitment jobs, D grades, the
 * migration of inspection sanctions) stated their facts, grounds and legal basis in English, some
 * with a raw outcome code ("critical_violation"). They are rewritten as the system writes them now:
 * Chinese first, then English ("中文 / English"), outcomes by name. Only the texts the system wrote,
 * recognised by their exact shape; what officers wrote is left alone. Forward only.
 */
export class BilingualSystemCaseTexts1763886400201 implements MigrationInterface {
  name = 'BilingualSystemCaseTexts1763886400201';

  async up(db: QueryRunner): Promise<void> {
    // Grounds' notes. An inspection's outcome is now a field of the ground's view: the note keeps the date.
    await db.query(`
      UPDATE case_grounds SET note = m[1] || ' 检查 / Inspection of ' || m[1]
        FROM (SELECT id AS gid, regexp_match(note, '^Inspection of (\\d{4}-\\d{2}-\\d{2}): [a-z_]*$') AS m FROM case_grounds WHERE kind = 'inspection') x
       WHERE case_grounds.id = x.gid AND x.m IS NOT NULL`);
    await db.query(`UPDATE case_grounds SET note = '由检查处罚决定迁移 / Migrated inspection sanction decision' WHERE kind = 'inspection' AND note = 'Migrated inspection sanction decision'`);
    await db.query(`UPDATE case_grounds SET note = regexp_replace(note, '^Item (.+) non-compliant$', '检查项 \\1 不合规 / Item \\1 non-compliant') WHERE kind = 'finding' AND note ~ '^Item (.+) non-compliant$'`);
    await db.query(`
      UPDATE case_grounds SET note = regexp_replace(note, '^Credit grade D since (\\S+) \\(24 or more demerit points in 24 months\\)$',
                                                    '自 \\1 起信用等级为 D（24 个月内累计 24 分及以上） / Credit grade D since \\1 (24 or more demerit points in 24 months)')
       WHERE kind = 'credit_grade_d' AND note ~ '^Credit grade D since (\\S+) \\(24 or more demerit points in 24 months\\)$'`);
    await db.query(`UPDATE case_grounds SET note = regexp_replace(note, '^inspection (\\S+)$', '现场核查 \\1 / On-site check \\1') WHERE kind = 'commitment_failed' AND note ~ '^inspection \\S+$'`);

    // Facts of inspection referrals made without the inspector's words: the items failed, or the outcome by name.
    await db.query(`
      UPDATE enforcement_cases c
         SET facts = CASE WHEN x.m[2] ~ '^[a-z_]*$'
                          THEN x.m[1] || ' 检查结论：' || ${outcomeName('x.m[2]', 'zh')} || '。 / The inspection of ' || x.m[1] || ' found: ' || ${outcomeName('x.m[2]', 'en')} || '.'
                          ELSE x.m[1] || ' 检查发现不合规项：' || replace(x.m[2], ', ', '、') || '。 / The inspection of ' || x.m[1] || ' found: ' || x.m[2] || '.' END
        FROM (SELECT id AS cid, regexp_match(facts, '^The inspection of (\\d{4}-\\d{2}-\\d{2}) found: (.*)$') AS m FROM enforcement_cases) x
       WHERE c.id = x.cid AND x.m IS NOT NULL
         AND EXISTS (SELECT 1 FROM case_grounds g WHERE g.case_id = c.id AND g.kind = 'inspection')`);
    await db.query(`
      UPDATE enforcement_cases c SET facts = '检查结论：' || ${outcomeName('x.m[1]', 'zh')} || ' / Inspection outcome: ' || ${outcomeName('x.m[1]', 'en')}
        FROM (SELECT id AS cid, regexp_match(facts, '^Inspection outcome: ([a-z_]*)$') AS m FROM enforcement_cases WHERE opened_by_username = 'migration') x
       WHERE c.id = x.cid AND x.m IS NOT NULL`);
    await db.query(`
      UPDATE enforcement_cases
         SET legal_basis = regexp_replace(legal_basis, '^Decided on inspection (\\S+) before enforcement cases existed$', '启用执法案件前就检查 \\1 作出的决定 / Decided on inspection \\1 before enforcement cases existed')
       WHERE opened_by_username = 'migration' AND legal_basis ~ '^Decided on inspection \\S+ before enforcement cases existed$'`);

    // The jobs' cases: D grades in English only; the yearly duties and commitments English first.
    await db.query(`
      UPDATE enforcement_cases
         SET facts = regexp_replace(facts, '^The agency has held credit grade D since (\\S+): 24 or more demerit points in the last 24 months\\.$',
                                    '该机构自 \\1 起信用等级为 D：最近 24 个月内累计记分 24 分及以上。 / The agency has held credit grade D since \\1: 24 or more demerit points in the last 24 months.'),
             legal_basis = '信用记分：D 级（24 个月内累计 24 分及以上） / Demerit points: grade D (24 or more points in 24 months)'
       WHERE opened_by_username = 'system' AND legal_basis = 'Demerit points: grade D (24 or more points in 24 months)'`);
    await db.query(`
      UPDATE enforcement_cases SET facts = regexp_replace(facts, '^(The (annual report|reserve fund) .*\\.) ((未按期|备用金未在).*)$', '\\3 / \\1')
       WHERE opened_by_username = 'system' AND facts ~ '^The (annual report|reserve fund) .*\\. (未按期|备用金未在).*$'`);
    await db.query(`
      UPDATE enforcement_cases
         SET facts = '告知承诺制许可现场核查发现严重或重大违规。 / The on-site check of a licence granted on the applicant''s written commitment found a serious or critical violation.'
       WHERE opened_by_username = 'system'
         AND facts = 'The on-site check of a licence granted on the applicant''s written commitment found a serious or critical violation. 告知承诺制许可现场核查发现严重或重大违规。'`);
    const legalBases: [string, string][] = [
      ['人力资源市场暂行条例 / Interim Regulation on the Human Resources Market; inspection findings', '人力资源市场暂行条例；检查发现 / Interim Regulation on the Human Resources Market; inspection findings'],
      ['人力资源市场暂行条例 第四十条、第四十八条 (Interim Regulation on the Human Resources Market, art. 40, 48)', '人力资源市场暂行条例 第四十条、第四十八条 / Interim Regulation on the Human Resources Market, art. 40, 48'],
      ['对外劳务合作管理条例 第十条、第四十条 (Regulation on Foreign Labour Service Cooperation, art. 10, 40)', '对外劳务合作管理条例 第十条、第四十条 / Regulation on Foreign Labour Service Cooperation, art. 10, 40'],
      ['人力资源社会保障行政许可告知承诺制 (commitment-based licensing: a false commitment)', '人力资源社会保障行政许可告知承诺制：虚假承诺 / Commitment-based licensing: a false commitment'],
    ];
    for (const [before, after] of legalBases) await db.query(`UPDATE enforcement_cases SET legal_basis = $2 WHERE legal_basis = $1`, [before, after]);
  }

  async down(): Promise<void> {
    // Forward only: the English-only texts are not worth restoring.
  }
}
