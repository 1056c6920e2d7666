import { licenceCover, LicenceFacts } from './licence-cover';

const licence = (overrides: Partial<LicenceFacts> = {}): LicenceFacts => ({
  id: 'l1', licenceType: 'overseas_employment', status: 'active', validFrom: '2025-01-01', expiresOn: '2030-01-01', scope: { destinationCountries: ['SG', 'JP'] }, ...overrides,
});

describe('licenceCover', () => {
  it('needs an active overseas licence, valid today, that names the destination', () => {
    expect(licenceCover('overseas_placement', [licence()], 'SG', '2027-01-01')).toEqual({ ok: true, licenceId: 'l1' });
    expect(licenceCover('overseas_placement', [licence()], 'KR', '2027-01-01')).toEqual({ ok: false, reason: 'destination-not-licensed' });
    expect(licenceCover('overseas_placement', [licence({ status: 'suspended' })], 'SG', '2027-01-01')).toEqual({ ok: false, reason: 'no-overseas-licence' });
    expect(licenceCover('overseas_placement', [licence({ expiresOn: '2026-12-31' })], 'SG', '2027-01-01')).toEqual({ ok: false, reason: 'no-overseas-licence' });
    expect(licenceCover('overseas_placement', [licence({ licenceType: 'human_resources_service' })], 'SG', '2027-01-01')).toEqual({ ok: false, reason: 'no-overseas-licence' });
  });

  it('refuses a domestic placement agency', () => {
    expect(licenceCover('domestic_placement', [licence({ licenceType: 'human_resources_service' })], 'SG', '2027-01-01')).toEqual({ ok: false, reason: 'domestic-agency' });
  });
});
