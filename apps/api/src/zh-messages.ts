import { AGENCIES_ZH } from '@app/agencies';
import { ANNUAL_REPORTS_ZH } from '@app/annual-reports';
import { API_CLIENTS_ZH } from '@app/api-clients';
import { RESERVE_FUNDS_ZH } from '@app/reserve-funds';
import { PLACEMENTS_ZH } from '@app/placements';
import { AUTH_ZH } from '@app/auth';
import { CALENDAR_ZH } from '@app/calendar';
import { CHECKLISTS_ZH } from '@app/checklists';
import { COMPLAINTS_ZH } from '@app/complaints';
import { ENFORCEMENT_ZH } from '@app/enforcement';
import { zhMessages } from '@app/core';
import { INSPECTIONS_ZH } from '@app/inspections';
import { JURISDICTIONS_ZH } from '@app/jurisdictions';
import { LICENSING_ZH } from '@app/licensing';
import { NOTIFICATIONS_ZH } from '@app/notifications';
import { OPEN_DATA_ZH } from '@app/open-data';
import { REFERENCE_DATA_ZH } from '@app/reference-data';
import { SCHEDULER_ZH } from '@app/scheduler';
import { SELF_ASSESSMENTS_ZH } from '@app/self-assessments';

let registered = false;

/** Registers the Chinese of every lib's messages, once per process (core registers its own). */
export function registerAllZhMessages(): void {
  if (registered) return;
  registered = true;
  const sets = [
    AGENCIES_ZH,
    API_CLIENTS_ZH,
    AUTH_ZH,
    CALENDAR_ZH,
    CHECKLISTS_ZH,
    COMPLAINTS_ZH,
    ENFORCEMENT_ZH,
    INSPECTIONS_ZH,
    JURISDICTIONS_ZH,
    LICENSING_ZH,
    NOTIFICATIONS_ZH,
    OPEN_DATA_ZH,
    REFERENCE_DATA_ZH,
    SCHEDULER_ZH,
    SELF_ASSESSMENTS_ZH,
    ANNUAL_REPORTS_ZH,
    RESERVE_FUNDS_ZH,
    PLACEMENTS_ZH,
  ];
  for (const set of sets) zhMessages.add(set);
}
