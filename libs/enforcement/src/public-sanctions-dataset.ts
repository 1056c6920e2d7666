import { AGENCY_ROWS_SQL } from '@app/agencies';
import { DatasetQuery } from '@app/core';
import { licenceNumbersSql } from '@app/licensing';
import { publishedSanctionSql } from './public-credit-sql';

/**
 * The published sanctions as an open dataset: the rows of the public sanctions list, all of them,
 * oldest decision first, with the summary written for publication (never the case's facts).
 */
export const PUBLIC_SANCTIONS_DATASET: DatasetQuery = {
  sql: `SELECT c.case_number, coalesce(c.case_number_en, c.case_number) AS case_number_en,
               a.uscc AS agency_uscc, a.name_zh AS agency_name_zh, a.name_en AS agency_name_en, c.jurisdiction_code,
               (${licenceNumbersSql('c.sanctioned_licence_ids')}) AS licence_numbers,
               c.decided_sanction AS sanction, c.decided_fine_amount::bigint AS fine_amount, c.decided_suspension_days AS suspension_days,
               (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date::text AS decided_on, c.effective_on::text AS effective_on,
               c.published_summary_zh AS summary_zh, c.published_summary_en AS summary_en
          FROM enforcement_cases c JOIN ${AGENCY_ROWS_SQL} a ON a.id = c.agency_id
         WHERE ${publishedSanctionSql('c')}
         ORDER BY c.decided_at, c.id`,
  columns: [
    { name: 'case_number', type: 'string', descriptionZh: '案件编号（中文）', descriptionEn: 'Case number (Chinese form)' },
    { name: 'case_number_en', type: 'string', descriptionZh: '案件编号（英文）', descriptionEn: 'Case number (English form)' },
    { name: 'agency_uscc', type: 'string', descriptionZh: '被处罚机构的统一社会信用代码', descriptionEn: 'USCC of the sanctioned agency' },
    { name: 'agency_name_zh', type: 'string', descriptionZh: '机构中文名称', descriptionEn: 'Agency name in Chinese' },
    { name: 'agency_name_en', type: 'string', descriptionZh: '机构英文名称（可为空）', descriptionEn: 'Agency name in English (may be empty)' },
    { name: 'jurisdiction_code', type: 'string', descriptionZh: '作出决定的辖区行政区划代码', descriptionEn: 'Division code of the deciding jurisdiction' },
    { name: 'licence_numbers', type: 'string[]', descriptionZh: '涉及的许可证编号（CSV 中以分号分隔）', descriptionEn: 'Licence numbers concerned (separated by semicolons in the CSV)' },
    { name: 'sanction', type: 'string', descriptionZh: '处罚：fine 罚款、suspension 暂停许可、revocation 吊销许可', descriptionEn: 'Sanction: fine, suspension, revocation' },
    { name: 'fine_amount', type: 'integer', descriptionZh: '罚款金额（分，仅罚款）', descriptionEn: 'Fine in fen (fines only)' },
    { name: 'suspension_days', type: 'integer', descriptionZh: '暂停天数（仅暂停）', descriptionEn: 'Days of suspension (suspensions only)' },
    { name: 'decided_on', type: 'date', descriptionZh: '决定日期（北京时间）', descriptionEn: 'Day of the decision (China time)' },
    { name: 'effective_on', type: 'date', descriptionZh: '生效日期', descriptionEn: 'Day it takes effect' },
    { name: 'summary_zh', type: 'string', descriptionZh: '公示摘要（中文）', descriptionEn: 'Published summary in Chinese' },
    { name: 'summary_en', type: 'string', descriptionZh: '公示摘要（英文）', descriptionEn: 'Published summary in English' },
  ],
};
