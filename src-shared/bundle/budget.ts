/**
 * What an update may weigh: the seed's SMS hall promised its instruction syncs were "usually
 * under 8 KB", and one changed instruction should cost a user no more than 1 KB.
 */
export const BUNDLE_BUDGET = { full: 8 * 1024, delta: 1024 } as const;
