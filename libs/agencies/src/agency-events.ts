import { NewEvent } from '@app/events';

/** `agency.registered`: the agency's public identity (what its business registration shows), nothing of its contacts. */
export function registeredEvent(agency: { uscc: string; nameZh: string; nameEn: string | null; jurisdictionCode: string; agencyType: string }, occurredAt: Date): NewEvent {
  return {
    type: 'agency.registered',
    occurredAt,
    subject: { agencyUscc: agency.uscc },
    data: { nameZh: agency.nameZh, nameEn: agency.nameEn, jurisdictionCode: agency.jurisdictionCode, agencyType: agency.agencyType },
  };
}
