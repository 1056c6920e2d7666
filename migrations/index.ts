import { Foundation1763884800000 } from './1763884800000-foundation';
import { AgenciesAndLicences1763884900000 } from './1763884900000-agencies-and-licences';
import { Monitoring1763885000000 } from './1763885000000-monitoring';
import { Complaints1763885100000 } from './1763885100000-complaints';
import { SchedulerAndNotifications1763885300000 } from './1763885300000-scheduler-and-notifications';
import { ComplaintMonthlyRollup1763885400000 } from './1763885400000-complaint-monthly-rollup';
import { ListOrderIndexes1763885500000 } from './1763885500000-list-order-indexes';
import { WorkingCalendar1763885600000 } from './1763885600000-working-calendar';
import { LoginThrottle1763885800000 } from './1763885800000-login-throttle';
import { ReferenceData1763885900000 } from './1763885900000-reference-data';
import { AgencySuggestionIndexes1763885900001 } from './1763885900001-agency-suggestion-indexes';
import { EndedSessions1763886000000 } from './1763886000000-ended-sessions';
import { PasswordResetsAndBureauStatus1763886100000 } from './1763886100000-password-resets-and-bureau-status';
import { Enforcement1763886200000 } from './1763886200000-enforcement';
import { InspectionSanctionsToCases1763886200001 } from './1763886200001-inspection-sanctions-to-cases';
import { YearlyDuties1763886300000 } from './1763886300000-yearly-duties';
import { CaseCountIndexes1763886400200 } from './1763886400200-case-count-indexes';
import { BilingualSystemCaseTexts1763886400201 } from './1763886400201-bilingual-system-case-texts';
import { CaseGroundsNumbersSummaries1763886500300 } from './1763886500300-case-grounds-numbers-summaries';
import { CaseLicences1763886500400 } from './1763886500400-case-licences';
import { DutiesByLaw1763886500500 } from './1763886500500-duties-by-law';
import { SchedulerHeartbeats1763886500600 } from './1763886500600-scheduler-heartbeats';
import { ComplaintTrackingPins1796660581468 } from './1796660581468-complaint-tracking-pins';
import { UpdatedSinceIndexes1796660631715 } from './1796660631715-updated-since-indexes';
import { OverseasPlacements1796660789091 } from './1796660789091-overseas-placements';
import { ComplaintWorkOrder1796660878226 } from './1796660878226-complaint-work-order';
import { ApiClients1796660953207 } from './1796660953207-api-clients';
import { BureauNamesPerLanguage1796661075764 } from './1796661075764-bureau-names-per-language';
import { ReminderDigestQueue1796661107176 } from './1796661107176-reminder-digest-queue';
import { Events1796661720000 } from './1796661720000-events';
import { ReferenceTextsPerLanguage1796661767988 } from './1796661767988-reference-texts-per-language';
import { InspectionPhotos1796663187207 } from './1796663187207-inspection-photos';
import { DatasetVersions1796674330027 } from './1796674330027-dataset-versions';

/** Every migration, oldest first. A new migration is added at the end of this list. */
export const ALL_MIGRATIONS = [
  Foundation1763884800000,
  AgenciesAndLicences1763884900000,
  Monitoring1763885000000,
  Complaints1763885100000,
  SchedulerAndNotifications1763885300000,
  ComplaintMonthlyRollup1763885400000,
  ListOrderIndexes1763885500000,
  WorkingCalendar1763885600000,
  LoginThrottle1763885800000,
  ReferenceData1763885900000,
  AgencySuggestionIndexes1763885900001,
  EndedSessions1763886000000,
  PasswordResetsAndBureauStatus1763886100000,
  Enforcement1763886200000,
  InspectionSanctionsToCases1763886200001,
  YearlyDuties1763886300000,
  CaseCountIndexes1763886400200,
  BilingualSystemCaseTexts1763886400201,
  CaseGroundsNumbersSummaries1763886500300,
  CaseLicences1763886500400,
  DutiesByLaw1763886500500,
  SchedulerHeartbeats1763886500600,
  ComplaintTrackingPins1796660581468,
  UpdatedSinceIndexes1796660631715,
  OverseasPlacements1796660789091,
  ComplaintWorkOrder1796660878226,
  ApiClients1796660953207,
  BureauNamesPerLanguage1796661075764,
  ReminderDigestQueue1796661107176,
  Events1796661720000,
  ReferenceTextsPerLanguage1796661767988,
  InspectionPhotos1796663187207,
  DatasetVersions1796674330027,
];
