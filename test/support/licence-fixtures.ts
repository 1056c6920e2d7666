import { TestApp } from './test-app';

export interface LicenceFixture {
  agencyId: string;
  bureauId: string;
  licenceType?: 'human_resources_service' | 'overseas_employment' | 'labour_service_cooperation';
  status?: 'active' | 'suspended' | 'revoked' | 'surrendered' | 'expired';
  validFrom?: string;
  expiresOn?: string;
  number?: string;
}

let counter = 0;

/** A licence written straight to the database (fast, no event, unaudited): for tests of other modules. */
export async function insertLicence(t: TestApp, fixture: LicenceFixture): Promise<{ id: string; licenceNumber: string }> {
  counter += 1;
  const licenceNumber = fixture.number ?? `999999-2026-${String((process.pid % 1000) * 1000 + counter).padStart(6, '0')}`;
  const [row] = (await t.db.query(
    `INSERT INTO licences (licence_number, agency_id, jurisdiction_code, licence_type, scope, issued_by_bureau_id, status, valid_from, expires_on)
     SELECT $1, a.id, a.jurisdiction_code, $3, '{"activities":["overseas_placement"],"destinationCountries":["SG"]}', $4, $5, $6, $7
       FROM agencies a WHERE a.id = $2
     RETURNING id, licence_number AS "licenceNumber"`,
    [
      licenceNumber,
      fixture.agencyId,
      fixture.licenceType ?? 'overseas_employment',
      fixture.bureauId,
      fixture.status ?? 'active',
      fixture.validFrom ?? '2025-01-01',
      fixture.expiresOn ?? '2030-01-01',
    ],
  )) as { id: string; licenceNumber: string }[];
  return row;
}
