export const ROLES = ['system_admin', 'ministry_official', 'bureau_admin', 'inspector', 'agency_user'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to a bureau (and so to its jurisdiction). */
export const BUREAU_ROLES: readonly Role[] = ['ministry_official', 'bureau_admin', 'inspector'];

export const ALL_ROLES: readonly Role[] = ROLES;
