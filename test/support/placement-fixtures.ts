import { residentIdCheckCharacter } from '@app/placements';

/** A valid resident ID number (GB 11643) of a Fuzhou worker born on `birth` (YYYYMMDD). */
export function residentId(birth = '19950312', sequence = 123): string {
  const first17 = `350102${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A placement the rules accept, departing on 2027-01-15 for Korea; override what a test is about. */
export function placementBody(overrides: { worker?: Record<string, unknown>; contract?: Record<string, unknown>; training?: Record<string, unknown>; [key: string]: unknown } = {}): Record<string, unknown> {
  const { worker, contract, training, ...rest } = overrides;
  return {
    worker: { name: '林小燕', idNumber: residentId(), phone: '13800138000', ...worker },
    destinationCountry: 'KR',
    employer: { name: 'Hanbit Electronics Co.', country: 'KR', address: '12 Sandan-ro, Ansan, Gyeonggi-do' },
    jobTitle: '电子装配工',
    contract: {
      monthlyWage: 2_300_000,
      currency: 'KRW',
      hoursPerWeek: 44,
      restDaysPerWeek: 1,
      durationMonths: 36,
      insurance: true,
      returnTravelPaidBy: 'employer',
      feesChargedToWorker: 0,
      documentsRetainedByEmployer: false,
      disputeResolution: '先协商，协商不成向安山劳动厅申诉 / negotiation, then the Ansan labour office',
      signedOn: '2026-12-01',
      ...contract,
    },
    training: { completedOn: '2026-12-04', hours: 32, topics: ['destination_laws', 'rights_and_contract', 'safety', 'help_lines'], ...training },
    departureDate: '2027-01-15',
    ...rest,
  };
}
