import { PUBLIC_AGENCIES_SQL } from '@app/agencies';
import { DatasetQuery } from '@app/core';
import { DIVISION_NAMES_SQL } from '@app/jurisdictions';
import { PublicCreditSql } from './public-register-sources';

/**
 * The public register as an open dataset: every licence of it, whatever its status (the register
 * lists agencies ever licensed, with all their licences), with only the public fields of its
 * agency: names, USCC, city and the credit grade enforcement computes (its `grades` fragment,
 * which the caller passes: enforcement sits above this lib). Never contacts, risk or case data.
 */
export const publicLicencesDataset = (credit: Pick<PublicCreditSql, 'grades'>): DatasetQuery => ({
  sql: `SELECT l.licence_number, l.status, l.licence_type,
               ARRAY(SELECT jsonb_array_elements_text(l.scope->'activities')) AS scope_activities,
               ARRAY(SELECT jsonb_array_elements_text(l.scope->'destinationCountries')) AS destination_countries,
               l.valid_from::text AS valid_from, l.expires_on::text AS expires_on, l.suspended_until::text AS suspended_until,
               a.name_zh AS agency_name_zh, a.name_en AS agency_name_en, a.uscc,
               a.jurisdiction_code AS city_code, j.name_zh AS city_name_zh, j.name_en AS city_name_en,
               g.grade AS credit_grade
          FROM licences l
          JOIN ${PUBLIC_AGENCIES_SQL} a ON a.id = l.agency_id
          LEFT JOIN ${DIVISION_NAMES_SQL} j ON j.code = a.jurisdiction_code
          LEFT JOIN ${credit.grades} g ON g.agency_id = a.id
         ORDER BY l.licence_number`,
  columns: [
    { name: 'licence_number', type: 'string', descriptionZh: '许可证编号', descriptionEn: 'Licence number' },
    { name: 'status', type: 'string', descriptionZh: '状态：active 有效、suspended 暂停、revoked 吊销、surrendered 交回、expired 过期', descriptionEn: 'Status: active, suspended, revoked, surrendered, expired' },
    { name: 'licence_type', type: 'string', descriptionZh: '许可类型：human_resources_service 人力资源服务、overseas_employment 出境就业中介、labour_service_cooperation 对外劳务合作', descriptionEn: 'Licence type: human_resources_service, overseas_employment, labour_service_cooperation' },
    { name: 'scope_activities', type: 'string[]', descriptionZh: '许可经营范围（CSV 中以分号分隔）', descriptionEn: 'Licensed activities (separated by semicolons in the CSV)' },
    { name: 'destination_countries', type: 'string[]', descriptionZh: '可派往的国家（ISO 3166-1 二位代码，CSV 中以分号分隔）', descriptionEn: 'Destination countries allowed (ISO 3166-1 alpha-2, separated by semicolons in the CSV)' },
    { name: 'valid_from', type: 'date', descriptionZh: '有效期起始日', descriptionEn: 'First day of validity' },
    { name: 'expires_on', type: 'date', descriptionZh: '有效期截止日', descriptionEn: 'Last day of validity' },
    { name: 'suspended_until', type: 'date', descriptionZh: '暂停至（仅暂停时）', descriptionEn: 'Suspended until (only while suspended)' },
    { name: 'agency_name_zh', type: 'string', descriptionZh: '机构中文名称', descriptionEn: 'Agency name in Chinese' },
    { name: 'agency_name_en', type: 'string', descriptionZh: '机构英文名称（可为空）', descriptionEn: 'Agency name in English (may be empty)' },
    { name: 'uscc', type: 'string', descriptionZh: '统一社会信用代码', descriptionEn: 'Unified social credit code (USCC)' },
    { name: 'city_code', type: 'string', descriptionZh: '机构所在城市的行政区划代码', descriptionEn: 'Administrative division code of the agency’s city' },
    { name: 'city_name_zh', type: 'string', descriptionZh: '城市中文名称', descriptionEn: 'City name in Chinese' },
    { name: 'city_name_en', type: 'string', descriptionZh: '城市英文名称', descriptionEn: 'City name in English' },
    { name: 'credit_grade', type: 'string', descriptionZh: '信用等级 A–D（尚未评定为空）', descriptionEn: 'Credit grade A–D (empty when not graded yet)' },
  ],
});
