/** Licence types that permit placing workers abroad. */
export const OVERSEAS_LICENCE_TYPES: readonly string[] = ['overseas_employment', 'labour_service_cooperation'];

export interface LicenceFacts {
  id: string;
  licenceType: string;
  status: string;
  validFrom: string;
  expiresOn: string;
  scope: { destinationCountries?: string[] };
}

export type LicenceCover =
  | { ok: true; licenceId: string }
  | { ok: false; reason: 'domestic-agency' | 'no-overseas-licence' | 'destination-not-licensed' };

/** Whether a licence for work abroad, active today, covers the destination. Pure. */
export function licenceCover(agencyType: string, licences: readonly LicenceFacts[], destination: string, today: string): LicenceCover {
  if (agencyType === 'domestic_placement' && !licences.some((l) => OVERSEAS_LICENCE_TYPES.includes(l.licenceType))) return { ok: false, reason: 'domestic-agency' };
  const valid = licences.filter((l) => OVERSEAS_LICENCE_TYPES.includes(l.licenceType) && l.status === 'active' && l.validFrom <= today && today <= l.expiresOn);
  if (valid.length === 0) return { ok: false, reason: 'no-overseas-licence' };
  const covering = valid.find((l) => (l.scope.destinationCountries ?? []).includes(destination));
  return covering ? { ok: true, licenceId: covering.id } : { ok: false, reason: 'destination-not-licensed' };
}
