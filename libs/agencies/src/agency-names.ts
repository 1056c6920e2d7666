import { EntityManager, In } from 'typeorm';
import { joinColumns, selectArray, ViewJoins } from '@app/core';
import { Agency } from './agency.entity';

/** The agency's names, for lists and details of records that name an agency by id. */
export interface AgencyNames {
  agencyNameZh: string;
  agencyNameEn: string | null;
}

/**
 * Joins the agency of a NOT NULL `agencyIdColumn` (its primary key: one index probe per row of
 * the page).
 */
export function agencyNames(agencyIdColumn: string): ViewJoins<AgencyNames> {
  return joinColumns('agencies', 'view_agency', `view_agency.id = ${agencyIdColumn}`, { agencyNameZh: 'name_zh', agencyNameEn: 'name_en' }) as ViewJoins<AgencyNames>;
}

/** The same for a record that may name no agency (a complaint about an unlicensed one). */
export function optionalAgencyNames(agencyIdColumn: string): ViewJoins<{ agencyNameZh: string | null; agencyNameEn: string | null }> {
  return joinColumns('agencies', 'view_agency', `view_agency.id = ${agencyIdColumn}`, { agencyNameZh: 'name_zh', agencyNameEn: 'name_en' });
}

/** The numbers of the agency's licences in force (active or suspended), served by licences_agency_idx. */
// Allowed cross-domain SQL: agencies sits below licensing; the register's list shows them in its one query.
export function agencyLicenceNumbers(agencyIdColumn: string): ViewJoins<{ licenceNumbers: string[] }> {
  return selectArray(
    'licenceNumbers',
    `SELECT array_agg(view_licence.licence_number ORDER BY view_licence.licence_number) FROM licences view_licence
      WHERE view_licence.agency_id = ${agencyIdColumn} AND view_licence.status IN ('active', 'suspended')`,
  );
}

/** The agencies' names by id, in one query by primary key. */
export async function agencyNamesOf(manager: EntityManager, agencyIds: string[]): Promise<Map<string, { zh: string; en: string | null }>> {
  const rows = agencyIds.length === 0 ? [] : await manager.find(Agency, { select: { id: true, nameZh: true, nameEn: true }, where: { id: In(agencyIds) } });
  return new Map(rows.map((a) => [a.id, { zh: a.nameZh, en: a.nameEn }]));
}
