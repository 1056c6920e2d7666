import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { namedEnum, PageQuery, UpdatedSince } from '@app/core';
import { Outcome, OUTCOMES } from '@app/inspections';
import {
  APPEAL_BODIES,
  APPEAL_OUTCOMES,
  AppealBody,
  AppealOutcome,
  CASE_DOCUMENT_KINDS,
  CASE_STATUSES,
  CaseDocumentKind,
  CaseStatus,
  DECIDED_SANCTIONS,
  DecidedSanction,
  DEMERIT_SOURCES,
  DemeritSource,
  GROUND_KINDS,
  GroundKind,
  PROPOSED_SANCTIONS,
  ProposedSanction,
} from './case.entity';

/** Fines are integer fen (1 yuan = 100 fen); at most 100 million yuan. */
const MAX_FEN = 10_000_000_000;

export class CaseGroundInput {
  /** An inspection, a finding or a complaint: the other kinds are opened by the registry's jobs only (400). */
  @ApiProperty(namedEnum('CaseGroundKind', GROUND_KINDS)) @IsIn(GROUND_KINDS) kind: GroundKind;
  /** The record's id; a finding: `<inspection id>/<item code>`. */
  @IsString() @Length(1, 80) @Matches(/^[A-Za-z0-9_@:/.-]+$/, { message: 'reference is an id' }) reference: string;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CreateCaseRequest {
  @IsUUID() agencyId: string;
  /** The licences the case concerns (a decision changes only these); the agency's licences in force when omitted. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsUUID('all', { each: true }) licenceIds?: string[];
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CaseGroundInput) grounds: CaseGroundInput[];
  @ApiProperty(namedEnum('ProposedSanction', PROPOSED_SANCTIONS)) @IsIn(PROPOSED_SANCTIONS) proposedSanction: ProposedSanction;
  /** Fen; required for a fine, refused otherwise. */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_FEN) fineAmount?: number;
  /** Days; required for a suspension, refused otherwise. */
  @IsOptional() @IsInt() @Min(1) @Max(3650) suspensionDays?: number;
  @IsString() @Length(3, 1000) legalBasis: string;
  /** The facts as found, as the notice will state them. */
  @IsString() @Length(3, 8000) facts: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CaseQuery extends PageQuery {
  @ApiPropertyOptional(namedEnum('CaseStatus', CASE_STATUSES)) @IsOptional() @IsIn(CASE_STATUSES) status?: CaseStatus;
  @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional(namedEnum('ProposedSanction', PROPOSED_SANCTIONS)) @IsOptional() @IsIn(PROPOSED_SANCTIONS) sanction?: ProposedSanction;
  /** Only cases past their decision date (or only those not). */
  @IsOptional() @Transform(toBoolean) @IsBoolean() overdue?: boolean;
}

/** Every step answers the version of the case it was taken on. */
export class CaseStepRequest {
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class RepresentationsRequest extends CaseStepRequest {
  @IsString() @Length(3, 20000) text: string;
}

/** The agency asks for a hearing (`reason`), or the bureau records the one held (`heldOn`, `attendees`, `minutes`). */
export class HearingRequest extends CaseStepRequest {
  @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  @IsOptional() @IsDateString({ strict: true }) @Length(10, 10) heldOn?: string;
  @IsOptional() @IsString() @Length(1, 2000) attendees?: string;
  @IsOptional() @IsString() @Length(1, 40000) minutes?: string;
}

export class WaiverRequest extends CaseStepRequest {
  /** The agency's written statement that it waives representations and a hearing. */
  @IsString() @Length(10, 4000) statement: string;
}

export class CaseDecisionRequest extends CaseStepRequest {
  @ApiProperty(namedEnum('Sanction', DECIDED_SANCTIONS)) @IsIn(DECIDED_SANCTIONS) sanction: DecidedSanction;
  /** Fen; required for a fine, refused otherwise. */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_FEN) fineAmount?: number;
  @IsOptional() @IsInt() @Min(1) @Max(3650) suspensionDays?: number;
  /** Reasons, answering the representations and the hearing. */
  @IsString() @Length(10, 20000) reasons: string;
  /**
   * What the public list publishes of a fine, suspension or revocation (agency, provision breached,
   * sanction and dates; no personal data), in Chinese and English; both omitted: the draft of
   * `GET /cases/{id}/published-summary-draft` as of the decision's day.
   */
  @IsOptional() @IsString() @Length(20, 2000) publishedSummaryZh?: string;
  @IsOptional() @IsString() @Length(20, 2000) publishedSummaryEn?: string;
}

export class SummaryDraftQuery {
  @ApiProperty(namedEnum('Sanction', DECIDED_SANCTIONS)) @IsIn(DECIDED_SANCTIONS) sanction: DecidedSanction;
  /** Fen. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_FEN) fineAmount?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(3650) suspensionDays?: number;
}

/** A text in Chinese and in English. */
export class BilingualText {
  zh: string;
  en: string;
}

export class AppealRequest extends CaseStepRequest {
  @ApiProperty(namedEnum('AppealBody', APPEAL_BODIES)) @IsIn(APPEAL_BODIES) body: AppealBody;
  /** On or after the day of the decision. */
  @IsDateString({ strict: true }) @Length(10, 10) lodgedOn: string;
  @ApiProperty(namedEnum('AppealOutcome', APPEAL_OUTCOMES)) @IsIn(APPEAL_OUTCOMES) outcome: AppealOutcome;
  /** On or after lodgedOn, and no later than today. */
  @IsDateString({ strict: true }) @Length(10, 10) decidedOn: string;
  @IsOptional() @IsString() @MaxLength(8000) note?: string;
  /** `varied` only: the sanction the appeal body put in place of the decided one (no heavier, not the same). */
  @ApiPropertyOptional(namedEnum('Sanction', DECIDED_SANCTIONS)) @IsOptional() @IsIn(DECIDED_SANCTIONS) sanction?: DecidedSanction;
  /** Fen; `varied` to a fine only. */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_FEN) fineAmount?: number;
  /** Days from the decision's effective date; `varied` to a suspension only. */
  @IsOptional() @IsInt() @Min(1) @Max(3650) suspensionDays?: number;
}

/** The licences a case concerns, set by the bureau before the notice is served. */
export class CaseLicencesRequest extends CaseStepRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsUUID('all', { each: true }) licenceIds: string[];
}

export class WithdrawRequest extends CaseStepRequest {
  @IsString() @Length(3, 4000) reason: string;
}

/** Cases in the caller's jurisdiction by state: every state named, zero when none. */
export class CaseStatusCounts implements Record<CaseStatus, number> {
  opened: number;
  notice_served: number;
  representations: number;
  hearing_requested: number;
  hearing_held: number;
  decided: number;
  closed: number;
  withdrawn: number;
}

export class CaseCountsView {
  @ApiProperty({ type: CaseStatusCounts }) byStatus: CaseStatusCounts;
}

export class CaseGroundView {
  @ApiProperty(namedEnum('CaseGroundKind', GROUND_KINDS)) kind: GroundKind;
  /** The record's id, for links; pages show `label`. */
  reference: string;
  /** The record as users read it ("2025 年度报告逾期未报"), never its id. */
  @ApiProperty({ type: BilingualText }) label: BilingualText;
  /** The official's own note on an inspection, finding or complaint ground. */
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  /** An inspection ground: the inspection's outcome (null for other grounds, or an inspection out of your scope). */
  @ApiPropertyOptional({ nullable: true, ...namedEnum('InspectionOutcome', OUTCOMES) }) inspectionOutcome: Outcome | null;
}

export class CaseView {
  id: string;
  /** As the issuing province numbers it: 闽人社监〔2026〕17号 (cases opened before: EC-000123). */
  caseNumber: string;
  /** The same number for English pages: Fujian HRSS Enf. [2026] No. 17. */
  caseNumberEn: string;
  agencyId: string;
  agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) agencyNameEn: string | null;
  /** The licences the case concerns: a decision suspends or revokes only these. */
  @ApiProperty({ type: [String] }) licenceIds: string[];
  @ApiProperty({ type: [String] }) licenceNumbers: string[];
  jurisdictionCode: string;
  @ApiProperty(namedEnum('CaseStatus', CASE_STATUSES)) status: CaseStatus;
  @ApiProperty(namedEnum('ProposedSanction', PROPOSED_SANCTIONS)) proposedSanction: ProposedSanction;
  /** Fen. */
  @ApiPropertyOptional({ nullable: true, type: Number }) proposedFineAmount: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) proposedSuspensionDays: number | null;
  /** Chinese, or the official's own words. */
  legalBasis: string;
  /** English, when the registry wrote the text in both languages (null: `legalBasis` serves both). */
  @ApiPropertyOptional({ nullable: true, type: String }) legalBasisEn: string | null;
  facts: string;
  @ApiPropertyOptional({ nullable: true, type: String }) factsEn: string | null;
  /** Null for agency users. */
  @ApiPropertyOptional({ nullable: true, type: String }) investigatingOfficerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) investigatingOfficerName: string | null;
  /** The official's login name; null for agency users, who read `openedByOffice`. */
  @ApiPropertyOptional({ nullable: true, type: String }) openedByUsername: string | null;
  openedAt: Date;
  decisionDueOn: string;
  overdue: boolean;
  @ApiPropertyOptional({ nullable: true, type: Date }) noticeServedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) representationDueOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) hearingEligible: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String }) hearingDueOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) representations: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) representationsAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) hearingRequestedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) hearingRequestReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) hearingHeldOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) hearingAttendees: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) hearingMinutes: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) waivedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) waiverStatement: string | null;
  /** The first day a decision may be taken (null: nothing holds it back). */
  @ApiPropertyOptional({ nullable: true, type: String }) decisionOpensOn: string | null;
  @ApiPropertyOptional({ nullable: true, ...namedEnum('Sanction', DECIDED_SANCTIONS) }) decidedSanction: DecidedSanction | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) decidedFineAmount: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) decidedSuspensionDays: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decisionReasons: string | null;
  /** Null for agency users. */
  @ApiPropertyOptional({ nullable: true, type: String }) decidingOfficerId: string | null;
  /** What the public list publishes of the decision. */
  @ApiPropertyOptional({ nullable: true, type: String }) publishedSummaryZh: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedSummaryEn: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) effectiveOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reconsiderationDueOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) litigationDueOn: string | null;
  @ApiProperty({ type: [String] }) sanctionedLicenceIds: string[];
  @ApiPropertyOptional({ nullable: true, ...namedEnum('AppealBody', APPEAL_BODIES) }) appealBody: AppealBody | null;
  @ApiPropertyOptional({ nullable: true, type: String }) appealLodgedOn: string | null;
  @ApiPropertyOptional({ nullable: true, ...namedEnum('AppealOutcome', APPEAL_OUTCOMES) }) appealOutcome: AppealOutcome | null;
  @ApiPropertyOptional({ nullable: true, type: String }) appealDecidedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) appealNote: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) closedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) withdrawnAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) withdrawReason: string | null;
  createdAt: Date;
  version: number;
}

export class CaseEventView {
  id: string;
  kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) fromStatus: string | null;
  toStatus: string;
  @ApiPropertyOptional({ nullable: true, type: Object }) details: Record<string, unknown> | null;
  /** The official's login name; null for agency users. */
  @ApiPropertyOptional({ nullable: true, type: String }) actorUsername: string | null;
  /** The office that acted: a bureau, the agency, or the registry itself (null: a user since deleted). */
  @ApiPropertyOptional({ nullable: true, type: BilingualText }) actorOffice: BilingualText | null;
  occurredAt: Date;
}

export class CaseDocumentView {
  id: string;
  @ApiProperty(namedEnum('CaseDocumentKind', CASE_DOCUMENT_KINDS)) kind: CaseDocumentKind;
  fileName: string;
  createdAt: Date;
}

export class CaseDetailView extends CaseView {
  /** The office that opened the case (the registry for the jobs' cases). */
  @ApiPropertyOptional({ nullable: true, type: BilingualText }) openedByOffice: BilingualText | null;
  /** Working days left for representations, today and the last day counted (null: no window open). */
  @ApiPropertyOptional({ nullable: true, type: Number }) representationWorkingDaysLeft: number | null;
  /** Working days left to request a hearing (null: no right to one, or no window open). */
  @ApiPropertyOptional({ nullable: true, type: Number }) hearingWorkingDaysLeft: number | null;
  @ApiProperty({ type: [CaseGroundView] }) grounds: CaseGroundView[];
  /** The whole history, oldest first. */
  @ApiProperty({ type: [CaseEventView] }) events: CaseEventView[];
  @ApiProperty({ type: [CaseDocumentView] }) documents: CaseDocumentView[];
}

export class PublicSanctionQuery extends PageQuery {
  /** Province code, 2 or 6 digits (35 or 350000). */
  @IsOptional() @Matches(/^\d{2}(\d{4})?$/, { message: 'province must be a province code such as 35 or 350000' }) province?: string;
  @IsOptional() @IsDateString({ strict: true }) @Length(10, 10) from?: string;
  @IsOptional() @IsDateString({ strict: true }) @Length(10, 10) to?: string;
  /** Part of the agency's name, its USCC or a licence number. */
  @IsOptional() @IsString() @Length(1, 100) q?: string;
  /** Sanctions decided or varied at or after this instant. An annulled sanction leaves the list; the events feed says so (`sanction.annulled`). */
  @UpdatedSince() updatedSince?: string;
}

export class PublicSanction {
  caseNumber: string;
  caseNumberEn: string;
  agencyUscc: string;
  agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) agencyNameEn: string | null;
  jurisdictionCode: string;
  @ApiProperty({ type: [String] }) licenceNumbers: string[];
  @ApiProperty(namedEnum('PublicSanctionKind', ['fine', 'suspension', 'revocation'])) sanction: 'fine' | 'suspension' | 'revocation';
  /** Fen. */
  @ApiPropertyOptional({ nullable: true, type: Number }) fineAmount: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) suspensionDays: number | null;
  decidedOn: string;
  effectiveOn: string;
  /** The published summary the deciding official wrote: agency, provision breached, sanction and dates. */
  summaryZh: string;
  summaryEn: string;
}

export class DemeritRuleView {
  id: string;
  @ApiProperty(namedEnum('DemeritSource', DEMERIT_SOURCES)) source: DemeritSource;
  /** A sanction (warning, fine, suspension, revocation) or a complaint severity (low, medium, high, urgent). */
  key: string;
  points: number;
  updatedAt: Date;
  version: number;
}

export class DemeritRuleList {
  @ApiProperty({ type: [DemeritRuleView] }) items: DemeritRuleView[];
}

export class UpdateDemeritRuleRequest extends CaseStepRequest {
  @IsInt() @Min(0) @Max(100) points: number;
}

export class FineThresholdView {
  provinceCode: string;
  /** Fen. */
  largeAmount: number;
  updatedAt: Date;
  version: number;
}

export class FineThresholdList {
  @ApiProperty({ type: [FineThresholdView] }) items: FineThresholdView[];
}

export class PutFineThresholdRequest {
  /** Fen: a fine at or above it gives the agency the right to a hearing. */
  @IsInt() @Min(1) @Max(MAX_FEN) largeAmount: number;
  /** The version read; omit to set it the first time. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

export class CreditReason {
  points: number;
  reason: string;
  /** The reason in Chinese and in English. */
  reasonZh: string;
  reasonEn: string;
  awardedOn: string;
  /** Points stop counting the day after this (24 months on). */
  expiresOn: string;
}

export const CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const;

export class CreditGradeView {
  @ApiProperty(namedEnum('CreditGrade', CREDIT_GRADES)) grade: 'A' | 'B' | 'C' | 'D';
  points: number;
  @ApiProperty({ type: [CreditReason] }) reasons: CreditReason[];
  gradeSince: string;
  /** Grade C: the surveillance inspection is due by this date. */
  @ApiPropertyOptional({ nullable: true, type: String }) surveillanceDueOn: string | null;
  computedAt: Date;
}
