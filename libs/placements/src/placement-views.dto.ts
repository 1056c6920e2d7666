import { ApiProperty } from '@nestjs/swagger';
import { namedEnum } from '@app/core';
import { PLACEMENT_STATUSES, PlacementStatus, RETURN_REASONS, ReturnReason } from './placement.entity';
import { RETURN_TRAVEL_PAYERS, ReturnTravelPayer } from './rules/contract-clauses';
import { SUMMARY_GROUPS, SummaryGroup } from './placements.dto';

export class PlacementWorkerView {
  @ApiProperty() name: string;
  @ApiProperty({ example: '350102********1234' }) idNumberMasked: string;
  @ApiProperty({ example: '138****5678' }) phoneMasked: string;
}

export class PlacementEmployerView {
  @ApiProperty() name: string;
  @ApiProperty() country: string;
  @ApiProperty() address: string;
}

export class PlacementContractView {
  @ApiProperty({ type: Number, nullable: true }) monthlyWage: number | null;
  @ApiProperty({ type: String, nullable: true }) currency: string | null;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() restDaysPerWeek: number;
  @ApiProperty() durationMonths: number;
  @ApiProperty() insurance: boolean;
  @ApiProperty(namedEnum('ReturnTravelPayer', RETURN_TRAVEL_PAYERS)) returnTravelPaidBy: ReturnTravelPayer;
  @ApiProperty() feesChargedToWorker: number;
  @ApiProperty() documentsRetainedByEmployer: boolean;
  @ApiProperty({ type: String, nullable: true }) disputeResolution: string | null;
  @ApiProperty() signedOn: string;
}

export class PlacementTrainingView {
  @ApiProperty() completedOn: string;
  @ApiProperty() hours: number;
  @ApiProperty({ type: [String] }) topics: string[];
}

export class PlacementRecordView {
  @ApiProperty() id: string;
  /** Given to the worker: with the last four characters of her ID number she checks the placement. */
  @ApiProperty({ example: 'K7M2Q9TX4B' }) checkCode: string;
  @ApiProperty(namedEnum('PlacementStatus', PLACEMENT_STATUSES)) status: PlacementStatus;
  @ApiProperty() agencyId: string;
  @ApiProperty() agencyNameZh: string;
  @ApiProperty({ type: String, nullable: true }) agencyNameEn: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() destinationCountry: string;
  @ApiProperty({ type: PlacementEmployerView }) employer: PlacementEmployerView;
  @ApiProperty() jobTitle: string;
  @ApiProperty({ type: PlacementWorkerView }) worker: PlacementWorkerView;
  @ApiProperty({ type: PlacementContractView }) contract: PlacementContractView;
  @ApiProperty({ type: PlacementTrainingView }) training: PlacementTrainingView;
  @ApiProperty() departureDate: string;
  @ApiProperty({ type: String, nullable: true }) returnedOn: string | null;
  @ApiProperty({ ...namedEnum('PlacementReturnReason', RETURN_REASONS), nullable: true }) returnReason: ReturnReason | null;
  @ApiProperty({ type: String, nullable: true }) returnNote: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() version: number;
}

export class ClauseView {
  @ApiProperty() code: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) params: Record<string, number>;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() sourceTitle: string;
  @ApiProperty() sourceUrl: string;
  @ApiProperty() sortOrder: number;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
}

export class DestinationView {
  @ApiProperty() countryCode: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ type: Number, nullable: true }) minimumMonthlyWage: number | null;
  @ApiProperty({ type: String, nullable: true }) wageCurrency: string | null;
  @ApiProperty({ type: String, nullable: true }) wageSourceUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) helpLineNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) helpLineNameZh: string | null;
  @ApiProperty({ type: String, nullable: true }) helpLineNameEn: string | null;
  @ApiProperty({ type: String, nullable: true }) helpLineSourceUrl: string | null;
  @ApiProperty() version: number;
}

export class TrainingTopicView {
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
}

/** What the placement form needs: the clauses it checks, the destinations and the training rules. */
export class PlacementReferenceView {
  @ApiProperty({ type: [ClauseView] }) clauses: ClauseView[];
  @ApiProperty({ type: [DestinationView] }) destinations: DestinationView[];
  @ApiProperty({ type: [TrainingTopicView] }) requiredTrainingTopics: TrainingTopicView[];
  @ApiProperty() trainingMinHours: number;
}

export class ClauseFailureView {
  @ApiProperty() clause: string;
  @ApiProperty() field: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() messageZh: string;
  @ApiProperty() messageEn: string;
}

export class PublicHelpLineView {
  @ApiProperty() number: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
}

/** What the worker sees of her placement: never her ID number, phone or the agency's internals. */
export class PublicPlacementView {
  @ApiProperty() checkCode: string;
  @ApiProperty(namedEnum('PlacementStatus', PLACEMENT_STATUSES)) status: PlacementStatus;
  @ApiProperty() agencyNameZh: string;
  @ApiProperty({ type: String, nullable: true }) agencyNameEn: string | null;
  /** Whether the agency holds a licence for work abroad valid today. */
  @ApiProperty() licenceValidToday: boolean;
  @ApiProperty() destinationCountry: string;
  @ApiProperty() destinationNameZh: string;
  @ApiProperty() destinationNameEn: string;
  @ApiProperty() employerName: string;
  @ApiProperty() jobTitle: string;
  @ApiProperty({ type: Number, nullable: true }) monthlyWage: number | null;
  @ApiProperty({ type: String, nullable: true }) currency: string | null;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() restDaysPerWeek: number;
  @ApiProperty() durationMonths: number;
  @ApiProperty() departureDate: string;
  @ApiProperty() trainingRecorded: boolean;
  @ApiProperty() trainingHours: number;
  @ApiProperty({ type: [PublicHelpLineView] }) helpLines: PublicHelpLineView[];
}

export class PlacementSummaryRow {
  /** Country code, province code, YYYY-MM or agency id. */
  @ApiProperty() key: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty() placements: number;
  /** Returned ended early or for abuse. */
  @ApiProperty() returnedEarly: number;
  @ApiProperty() abuse: number;
}

export class PlacementSummaryView {
  @ApiProperty(namedEnum('PlacementSummaryGroup', SUMMARY_GROUPS)) groupBy: SummaryGroup;
  @ApiProperty({ type: [PlacementSummaryRow] }) rows: PlacementSummaryRow[];
  @ApiProperty({ type: PlacementSummaryRow }) total: PlacementSummaryRow;
}
