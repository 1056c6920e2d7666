import { INestApplicationContext } from '@nestjs/common';
import { Actor } from '@app/access';
import { seedAgenciesAndLicences } from './agencies-demo';
import { seedComplaints } from './complaints-demo';
import { seedInspectorWork } from './inspector-work-demo';
import { seedDuties } from './duties-demo';
import { seedMonitoring } from './monitoring-demo';
import { seedEnforcement } from './enforcement-demo';
import { seedPlacements } from './placements-demo';

/** What the first demo step (bureaus and users) hands to the others. */
export interface DemoContext {
  /** Bureau ids by the keys of DEMO_BUREAUS (ministry, fujian, fuzhou, ...). */
  bureauIds: Map<string, string>;
  /** User ids of DEMO_USERS by username (fj-admin, ln-admin, ...). */
  userIds: Map<string, string>;
  systemActor: Actor;
}

export type DemoStep = (app: INestApplicationContext, context: DemoContext) => Promise<void>;

/** Demo steps after bureaus and users, in order; each module with demo data appends its own. */
export const DEMO_STEPS: DemoStep[] = [seedAgenciesAndLicences, seedComplaints, seedMonitoring, seedInspectorWork, seedDuties, seedPlacements, seedEnforcement];
