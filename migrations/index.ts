import { Foundation1763884800000 } from './1763884800000-foundation';
import { AgenciesAndLicences1763884900000 } from './1763884900000-agencies-and-licences';

/** Every migration, oldest first. A new migration is added at the end of this list. */
export const ALL_MIGRATIONS = [Foundation1763884800000, AgenciesAndLicences1763884900000];
