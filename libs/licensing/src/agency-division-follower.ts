import { EntityManager } from 'typeorm';

/**
 * Licences and applications carry their agency's division code for scoping: when the agency's
 * division changes (agencies calls this through `AgencyDivisionFollowers`), their copies follow
 * in the same transaction.
 */
export async function followAgencyDivision(manager: EntityManager, agencyId: string, jurisdictionCode: string): Promise<void> {
  await manager.query(`UPDATE licences SET jurisdiction_code = $2 WHERE agency_id = $1`, [agencyId, jurisdictionCode]);
  await manager.query(`UPDATE licence_applications SET jurisdiction_code = $2 WHERE agency_id = $1`, [agencyId, jurisdictionCode]);
}
