import { Agency } from '@app/agencies';
import { Placement } from './placement.entity';
import { PlacementRecordView } from './placement-views.dto';

/** A placement as officials and its agency read it: the ID number and phone only masked. */
export function placementView(p: Placement, agency: Pick<Agency, 'nameZh' | 'nameEn'> | undefined): PlacementRecordView {
  return {
    id: p.id,
    checkCode: p.checkCode,
    status: p.status,
    agencyId: p.agencyId,
    agencyNameZh: agency?.nameZh ?? '',
    agencyNameEn: agency?.nameEn ?? null,
    jurisdictionCode: p.jurisdictionCode,
    destinationCountry: p.destinationCountry,
    employer: { name: p.employerName, country: p.employerCountry, address: p.employerAddress },
    jobTitle: p.jobTitle,
    worker: { name: p.workerName, idNumberMasked: p.workerIdMasked, phoneMasked: p.workerPhoneMasked },
    contract: p.contract,
    training: { completedOn: p.training.completedOn, hours: p.training.hours, topics: [...p.training.topics] },
    departureDate: p.departureDate,
    returnedOn: p.returnedOn,
    returnReason: p.returnReason,
    returnNote: p.returnNote,
    createdAt: p.createdAt,
    version: p.version,
  };
}

export const PLACEMENT_CSV_HEADER = [
  'checkCode', 'status', 'agency', 'jurisdictionCode', 'destinationCountry', 'employer', 'jobTitle', 'workerName', 'workerIdNumber', 'workerPhone',
  'monthlyWage', 'currency', 'hoursPerWeek', 'restDaysPerWeek', 'durationMonths', 'trainingHours', 'departureDate', 'returnedOn', 'returnReason', 'filedAt',
] as const;

/** One CSV row: the same masked identity as the JSON answer. */
export function placementCsvRow(v: PlacementRecordView): (string | number | null)[] {
  return [
    v.checkCode, v.status, v.agencyNameZh, v.jurisdictionCode, v.destinationCountry, v.employer.name, v.jobTitle, v.worker.name, v.worker.idNumberMasked, v.worker.phoneMasked,
    v.contract.monthlyWage, v.contract.currency, v.contract.hoursPerWeek, v.contract.restDaysPerWeek, v.contract.durationMonths, v.training.hours, v.departureDate, v.returnedOn, v.returnReason,
    v.createdAt.toISOString(),
  ];
}
