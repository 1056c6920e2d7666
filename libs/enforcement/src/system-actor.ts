import { Actor } from '@app/access';

/** The system's own actor: national reach, for cases the jobs propose and the licences an appeal restores. */
export const SYSTEM: Actor = { userId: '00000000-0000-0000-0000-000000000000', username: 'system', role: 'ministry_official', bureauId: null, agencyId: null, jurisdictionPrefix: '' };
