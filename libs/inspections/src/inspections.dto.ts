import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CRITICALITIES } from '@app/checklists';
import { PageQuery, namedEnum } from '@app/core';
import { CORRECTIVE_ACTION_STATUSES, CorrectiveActionStatus, INSPECTION_STATUSES, INSPECTION_TYPES, InspectionStatus, InspectionType, Sanction, SANCTIONS } from './inspection.entity';
import { FINDING_RESULTS, FindingResult, Outcome, OUTCOMES } from './scoring';
import { CaseRef } from './sanction-referrals';

export class CreateInspectionRequest {
  @IsUUID() agencyId: string;
  @ApiProperty(namedEnum('InspectionType', INSPECTION_TYPES)) @IsIn(INSPECTION_TYPES) type: InspectionType;
  /** The day of the visit (YYYY-MM-DD). */
  @IsDateString({ strict: true }) inspectionDate: string;
  /** A published inspection checklist; the newest published one when omitted. */
  @IsOptional() @IsUUID() templateId?: string;
  /** The complaint this inspection follows up: one you may read, about this agency. */
  @IsOptional() @IsUUID() complaintId?: string;
  /** Internal notes for the inspectors (tip-offs, planning): never shown to the agency. */
  @IsOptional() @IsString() @MaxLength(4000) notes?: string;
  /** A note the agency reads with the submitted inspection. */
  @IsOptional() @IsString() @MaxLength(4000) noteToAgency?: string;
  /**
   * The lead inspector: an active inspector or bureau admin whose bureau covers the agency and lies
   * in your jurisdiction (told of it). An inspector planning a visit leads it when omitted.
   */
  @IsOptional() @IsUUID() leadInspectorId?: string;
}

export class InspectionQuery extends PageQuery {
  @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional(namedEnum('InspectionStatus', INSPECTION_STATUSES)) @IsOptional() @IsIn(INSPECTION_STATUSES) status?: InspectionStatus;
  @ApiPropertyOptional(namedEnum('InspectionType', INSPECTION_TYPES)) @IsOptional() @IsIn(INSPECTION_TYPES) type?: InspectionType;
  @ApiPropertyOptional(namedEnum('InspectionOutcome', OUTCOMES)) @IsOptional() @IsIn(OUTCOMES) outcome?: Outcome;
  @IsOptional() @IsUUID() complaintId?: string;
  @IsOptional() @Matches(/^\d{2,6}$/, { message: 'jurisdiction must be 2 to 6 digits of a division code' }) jurisdiction?: string;
  /** true: only planned inspections nobody leads yet (the commitment checks and surveillance inspections an admin assigns). */
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() unassigned?: boolean;
}

export class AssignLeadInspectorRequest {
  /** An active inspector or bureau admin of a bureau in your jurisdiction that covers the agency (GET /inspections/{id}/assignees). */
  @IsUUID() leadInspectorId: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class InspectionAssigneeView {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty(namedEnum('AssignableRole', ['inspector', 'bureau_admin'])) role: string;
  @ApiProperty() bureauId: string;
  @ApiProperty() bureauName: string;
}

export class InspectionAssigneesView {
  @ApiProperty({ type: [InspectionAssigneeView], description: 'Nearest bureau first, inspectors before admins, then by name' }) items: InspectionAssigneeView[];
}

export class FindingInput {
  @IsString() @Length(1, 40) itemCode: string;
  @ApiProperty(namedEnum('FindingResult', FINDING_RESULTS)) @IsIn(FINDING_RESULTS) result: FindingResult;
  @IsOptional() @IsString() @MaxLength(4000) note?: string;
  /** References to evidence (document numbers, file ids); at most 20. */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true }) evidence?: string[];
}

export class PutFindingsRequest {
  /** Every item of the inspection's checklist, once. */
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => FindingInput) findings: FindingInput[];
  /** The version of the inspection you read. */
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class SanctionFields {
  @ApiProperty(namedEnum('Sanction', SANCTIONS)) @IsIn(SANCTIONS) sanction: Sanction;
  /** Yuan; required for a fine, refused otherwise. */
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @IsPositive() @Max(100_000_000) fineAmount?: number;
  /** Days; required for a suspension, refused otherwise. */
  @IsOptional() @IsInt() @Min(1) @Max(3650) suspensionDays?: number;
}

export class SanctionProposalInput extends SanctionFields {
  @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  /** The licence the proposed sanction concerns; the case names the agency's licences in force when omitted. */
  @IsOptional() @IsUUID() licenceId?: string;
}

export class SubmitInspectionRequest {
  @Type(() => Number) @IsInt() @Min(1) version: number;
  /** What the inspector proposes; `none` when omitted. */
  @IsOptional() @ValidateNested() @Type(() => SanctionProposalInput) sanctionProposal?: SanctionProposalInput;
  /** A note the agency reads with the submitted inspection (replaces the one written when planning). */
  @IsOptional() @IsString() @MaxLength(4000) noteToAgency?: string;
}

export class SanctionDecisionRequest extends SanctionFields {
  @IsString() @Length(3, 4000) reason: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
  /** The licence the sanction concerns: the case names it (and only it); the case keeps the licences it names when omitted. */
  @IsOptional() @IsUUID() licenceId?: string;
}

export class CancelInspectionRequest {
  @IsString() @Length(3, 4000) reason: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class AddendumRequest {
  @IsOptional() @IsString() @Length(1, 40) itemCode?: string;
  /** The result the item should have had; recorded beside the submitted finding, which stays as it was. */
  @ApiPropertyOptional(namedEnum('FindingResult', FINDING_RESULTS)) @IsOptional() @IsIn(FINDING_RESULTS) correctedResult?: FindingResult;
  @IsString() @Length(3, 4000) note: string;
}

export const CORRECTIVE_ACTION_COMMANDS = ['submit', 'verify', 'reopen'] as const;
export type CorrectiveActionCommand = (typeof CORRECTIVE_ACTION_COMMANDS)[number];

export class CorrectiveActionPatch {
  /** submit: the agency answers; verify / reopen: the inspector judges the answer. */
  @ApiProperty(namedEnum('CorrectiveActionCommand', CORRECTIVE_ACTION_COMMANDS)) @IsIn(CORRECTIVE_ACTION_COMMANDS) action: CorrectiveActionCommand;
  /** The agency's answer (required to submit). */
  @IsOptional() @IsString() @Length(3, 4000) response?: string;
  /** The inspector's note (required to reopen). */
  @IsOptional() @IsString() @Length(3, 4000) note?: string;
  /** A new due date when reopening (YYYY-MM-DD). */
  @IsOptional() @IsDateString({ strict: true }) dueOn?: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class CorrectiveActionQuery extends PageQuery {
  @IsOptional() @IsUUID() agencyId?: string;
  @IsOptional() @IsUUID() inspectionId?: string;
  @ApiPropertyOptional(namedEnum('CorrectiveActionStatus', CORRECTIVE_ACTION_STATUSES)) @IsOptional() @IsIn(CORRECTIVE_ACTION_STATUSES) status?: CorrectiveActionStatus;
}

export class PrioritiesQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Matches(/^\d{2,6}$/, { message: 'jurisdiction must be 2 to 6 digits of a division code' }) jurisdiction?: string;
}

export class CorrectiveActionView {
  @ApiProperty() id: string;
  @ApiProperty() inspectionId: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ description: "The agency's Chinese name" }) agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The agency's English name, when it has one" }) agencyNameEn: string | null;
  @ApiProperty({ type: [String], description: "Numbers of the agency's licences in force (active or suspended)", example: ['350000-2026-000001'] }) licenceNumbers: string[];
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() itemCode: string;
  @ApiProperty({ description: 'As recorded at submission (both languages and the inspector\'s note)' }) description: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The failed item\'s non-compliance wording, in Chinese: the problem to correct' }) breachZh: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The failed item\'s non-compliance wording, in English' }) breachEn: string | null;
  @ApiProperty() dueOn: string;
  @ApiProperty(namedEnum('CorrectiveActionStatus', CORRECTIVE_ACTION_STATUSES)) status: CorrectiveActionStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) agencyResponse: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) respondedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) inspectorNote: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) verifiedAt: Date | null;
  @ApiProperty() version: number;
}

export class InspectionView {
  @ApiProperty() id: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ description: "The agency's Chinese name" }) agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The agency's English name, when it has one" }) agencyNameEn: string | null;
  @ApiProperty({ type: [String], description: "Numbers of the agency's licences in force (active or suspended)", example: ['350000-2026-000001'] }) licenceNumbers: string[];
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty(namedEnum('InspectionType', INSPECTION_TYPES)) type: InspectionType;
  @ApiProperty(namedEnum('InspectionStatus', INSPECTION_STATUSES)) status: InspectionStatus;
  @ApiProperty() inspectionDate: string;
  @ApiProperty() templateId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) leadInspectorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The lead inspector's display name" }) leadInspectorName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) bureauId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The bureau that planned the inspection, by name' }) bureauName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) complaintId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) followUpOfId: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) score: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) violationPoints: number | null;
  @ApiPropertyOptional({ nullable: true, ...namedEnum('InspectionOutcome', OUTCOMES) }) outcome: Outcome | null;
  @ApiPropertyOptional({ nullable: true, ...namedEnum('Sanction', SANCTIONS) }) sanctionProposal: Sanction | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) proposedFineAmount: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) proposedSuspensionDays: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sanctionProposalReason: string | null;
  @ApiPropertyOptional({ nullable: true, ...namedEnum('Sanction', SANCTIONS) }) sanctionDecision: Sanction | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) decidedFineAmount: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) decidedSuspensionDays: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sanctionDecisionReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) sanctionDecidedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: [String], description: 'Licences the decision suspended or revoked' }) sanctionedLicenceIds: string[] | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The inspectors' internal notes: always null for agency users" }) notes: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'A note meant for the agency' }) noteToAgency: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() version: number;
}

export class FindingView {
  @ApiProperty() itemCode: string;
  @ApiProperty() section: string;
  @ApiProperty(namedEnum('Criticality', CRITICALITIES)) criticality: string;
  @ApiProperty() points: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'C181 Art.7' }) legalBasis: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '《私营就业机构公约》（第181号）第7条' }) legalBasisZh: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'ILO Convention 181, Article 7' }) legalBasisEn: string | null;
  @ApiProperty({ description: 'The item text in the language Accept-Language picked' }) text: string;
  @ApiProperty() textZh: string;
  @ApiProperty() textEn: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'What a failure of the item means (non-compliance wording), in Chinese', example: '发现扣押护照或身份证件。' }) breachZh: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'What a failure of the item means, in English' }) breachEn: string | null;
  @ApiPropertyOptional({ nullable: true, ...namedEnum('FindingResult', FINDING_RESULTS), description: 'null until findings are filed' }) result: FindingResult | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: [String] }) evidence: string[];
}

export class AddendumView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) itemCode: string | null;
  @ApiPropertyOptional({ nullable: true, ...namedEnum('FindingResult', FINDING_RESULTS) }) correctedResult: FindingResult | null;
  @ApiProperty() note: string;
  @ApiProperty() authorUsername: string;
  @ApiProperty() createdAt: Date;
}

/** An inspection with the enforcement case its sanction proposal or decision opened or joined (null: none, or not yet visible to you). */
export class InspectionWithCaseView extends InspectionView {
  @ApiPropertyOptional({ nullable: true, type: CaseRef }) case: CaseRef | null;
}

export class InspectionDetailView extends InspectionWithCaseView {
  @ApiProperty({ type: [FindingView] }) findings: FindingView[];
  @ApiProperty({ type: [AddendumView] }) addenda: AddendumView[];
  @ApiProperty({ type: [CorrectiveActionView] }) correctiveActions: CorrectiveActionView[];
}

export class RiskFactorView {
  @ApiProperty() factor: string;
  @ApiProperty() points: number;
  @ApiProperty() detail: string;
}

/** A factor of a ranking, its detail in both languages (the page shows the reader's). */
export class PriorityFactorView extends RiskFactorView {
  @ApiProperty({ example: '严重违规，3 个月前' }) detailZh: string;
  @ApiProperty({ example: 'serious violation, 3 months ago', description: 'The detail in plain English, to show after the factor' }) detailEn: string;
}

export class PriorityView {
  @ApiProperty() rank: number;
  @ApiProperty() agencyId: string;
  @ApiProperty() nameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty({ description: '0-100' }) score: number;
  @ApiProperty({ type: [PriorityFactorView] }) factors: PriorityFactorView[];
}

export class AgencyRiskView {
  @ApiProperty({ description: '0-100' }) score: number;
  @ApiProperty({ type: [RiskFactorView] }) factors: RiskFactorView[];
}

export class PrioritiesView {
  @ApiProperty({ type: [PriorityView] }) items: PriorityView[];
}

/** What submitting would give now, from the findings as saved (the scoring rules run on the server). */
export class InspectionPreviewView {
  @ApiProperty({ description: 'The inspection version the preview was computed from' }) version: number;
  @ApiProperty({ description: 'Share of applicable items found compliant, 0-100' }) score: number;
  @ApiProperty({ description: 'Points of the non-compliant items' }) violationPoints: number;
  @ApiProperty(namedEnum('InspectionOutcome', OUTCOMES)) outcome: Outcome;
  @ApiProperty({ type: [String], description: 'Critical items found non-compliant: any one makes a critical violation' }) criticalFailures: string[];
  @ApiProperty({ description: 'Violation points up to this are minor issues; above, a serious violation' }) minorIssuesMaxPoints: number;
  @ApiProperty({ description: 'Items still not_checked (they count against the score)' }) notChecked: number;
  @ApiProperty({ description: 'Items found non-compliant: each opens a corrective action on submission' }) nonCompliant: number;
}

export class InspectionPhotoView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'PRO-1' }) itemCode: string;
  @ApiProperty({ ...namedEnum('PhotoType', ['image/jpeg', 'image/png', 'image/webp']) }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the image, hex' }) sha256: string;
  @ApiProperty({ description: 'Whether a thumbnail was sent with it (GET ...?size=thumbnail gives the image otherwise)' }) hasThumbnail: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) caption: string | null;
  @ApiProperty({ description: 'Username of the uploader' }) uploadedBy: string;
  @ApiProperty() uploadedAt: Date;
}

export class InspectionPhotosView {
  @ApiProperty({ type: [InspectionPhotoView] }) items: InspectionPhotoView[];
}

export class PhotoContentQuery {
  @ApiPropertyOptional({ ...namedEnum('PhotoSize', ['full', 'thumbnail']) }) @IsOptional() @IsIn(['full', 'thumbnail']) size?: 'full' | 'thumbnail';
}
