import type { components } from '@/lib/api/schema';

export type Placement = components['schemas']['PlacementRecordView'];
export type PlacementRequest = components['schemas']['CreatePlacementRequest'];
export type PlacementReference = components['schemas']['PlacementReferenceView'];
export type PlacementSummary = components['schemas']['PlacementSummaryView'];
export type PublicPlacement = components['schemas']['PublicPlacementView'];
export type SummaryGroup = PlacementSummary['groupBy'];

export const placementsKey = ['placements'] as const;
