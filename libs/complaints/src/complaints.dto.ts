import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageQuery, namedEnum } from '@app/core';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  ComplaintOutcome,
  ComplaintStatus,
  OFFICIAL_CHANNELS,
  SEVERITIES,
  Severity,
} from './complaint-rules';

export const MAX_DESCRIPTION_LENGTH = 5000;

/** A complaint's SLA colour: green, amber from 2 working days before the running deadline, red past it; stopped once disposed of. */
export const SLA_STATUSES = ['on_track', 'due_soon', 'breached', 'stopped'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];
const LICENCE_NUMBER = /^\d{6}-\d{4}-\d{6}$/;
const USCC = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What the public form and the official entry have in common. */
export class ComplaintDetails {
  /** Category codes, from `GET /api/public/complaint-categories`. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @IsString({ each: true }) @Length(1, 40, { each: true })
  categories: string[];

  @Transform(trim) @IsString() @Length(10, MAX_DESCRIPTION_LENGTH)
  description: string;

  /** The agency by its licence number... */
  @IsOptional() @Transform(trim) @Matches(LICENCE_NUMBER, { message: 'licenceNumber must look like 350100-2026-000123' })
  licenceNumber?: string;

  /** ...or its unified social credit code... */
  @IsOptional() @Transform(trim) @Matches(USCC, { message: 'uscc must be 18 characters of a unified social credit code' })
  uscc?: string;

  /** ...or the name it goes by (unlicensed or unknown agencies too). */
  @IsOptional() @Transform(trim) @IsString() @Length(1, 200)
  agencyName?: string;

  /** Province or city (GB/T 2260) where it happened; needed when the agency is not on the register. */
  @IsOptional() @Matches(/^\d{6}$/, { message: 'jurisdictionCode must be a 6-digit division code' })
  jurisdictionCode?: string;

  /** ISO 3166-1 alpha-2, for work abroad. */
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'destinationCountry must be an ISO 3166-1 alpha-2 code' })
  destinationCountry?: string;

  /** The check code of the placement abroad the complaint is about (officials then see the placement beside it). */
  @IsOptional() @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @Matches(/^[A-Z0-9]{10}$/, { message: 'placementCode must be the 10-character code of a placement' })
  placementCode?: string;

  /** Yuan. */
  @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100_000_000)
  amountClaimed?: number;

  /** Leave out both to complain anonymously. */
  @IsOptional() @Transform(trim) @IsString() @Length(1, 200)
  complainantName?: string;

  /** Phone or email. */
  @IsOptional() @Transform(trim) @IsString() @Length(1, 200)
  complainantContact?: string;
}

export class PublicComplaintRequest extends ComplaintDetails {}

export class OfficialComplaintRequest extends ComplaintDetails {
  @ApiProperty(namedEnum('OfficialComplaintChannel', OFFICIAL_CHANNELS)) @IsIn(OFFICIAL_CHANNELS)
  channel: (typeof OFFICIAL_CHANNELS)[number];

  /** When it came in (a letter's date of receipt); defaults to now and cannot be in the future. */
  @IsOptional() @IsDateString({ strict: true })
  receivedAt?: string;
}

export class ComplaintReceipt {
  @ApiProperty() trackingCode: string;
  /** A short code on a receipt: the tracking code plus this PIN is enough to follow the complaint. */
  @ApiProperty({ description: 'Shown once: 6 digits to follow the complaint with the tracking code (header X-Complaint-Pin)', example: '042817' }) pin: string;
  @ApiProperty({ description: 'Shown once: the long secret, also accepted (header X-Complaint-Secret)' }) secret: string;
  @ApiProperty() receivedAt: Date;
  /** By when the bureau must acknowledge it (24 hours when urgent, else 5 working days). */
  @ApiProperty() ackDueAt: Date;
  @ApiProperty() resolveDueAt: Date;
  /** A category that may indicate forced labour or danger (document retention, confinement, violence...). */
  @ApiProperty() urgent: boolean;
}

export class PublicComplaintNote {
  @ApiProperty() at: Date;
  @ApiProperty() note: string;
}

export class PublicComplaintStatus {
  @ApiProperty() trackingCode: string;
  @ApiProperty(namedEnum('ComplaintStatus', COMPLAINT_STATUSES)) status: ComplaintStatus;
  @ApiProperty() receivedAt: Date;
  @ApiProperty() ackDueAt: Date;
  /** Moves later when the bureau extends it (once). */
  @ApiProperty() resolveDueAt: Date;
  @ApiProperty() urgent: boolean;
  @ApiProperty({ type: [PublicComplaintNote] }) notes: PublicComplaintNote[];
}

export const COMPLAINT_SORTS = ['due', 'received'] as const;
export type ComplaintSort = (typeof COMPLAINT_SORTS)[number];

export class ComplaintQuery extends PageQuery {
  @ApiPropertyOptional(namedEnum('ComplaintStatus', COMPLAINT_STATUSES)) @IsOptional() @IsIn(COMPLAINT_STATUSES) status?: ComplaintStatus;
  @IsOptional() @IsString() @Length(1, 40) category?: string;
  @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional(namedEnum('ComplaintSeverity', SEVERITIES)) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @IsOptional() @IsUUID() assigneeId?: string;
  /**
   * due (default): the work list, overdue first, then by the running deadline, disposed-of last;
   * received: newest first.
   */
  @ApiPropertyOptional(namedEnum('ComplaintListSort', COMPLAINT_SORTS)) @IsOptional() @IsIn(COMPLAINT_SORTS) sort?: ComplaintSort;
  /** true: open and past a deadline. */
  @IsOptional() @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  overdue?: boolean;
  /** Received on or after (YYYY-MM-DD, Asia/Shanghai). */
  @IsOptional() @IsDateString({ strict: true }) from?: string;
  /** Received on or before. */
  @IsOptional() @IsDateString({ strict: true }) to?: string;
}

export class AssignComplaintRequest {
  /** The bureau that handles it (in your jurisdiction); defaults to the current one. */
  @IsOptional() @IsUUID() bureauId?: string;
  /** An inspector or bureau admin of that bureau. */
  @IsOptional() @IsUUID() assigneeId?: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class TransitionComplaintRequest {
  @ApiProperty(namedEnum('ComplaintStatus', COMPLAINT_STATUSES)) @IsIn(COMPLAINT_STATUSES) to: ComplaintStatus;
  @Transform(trim) @IsString() @Length(1, 5000) note: string;
  /** Required to resolve. */
  @ApiPropertyOptional(namedEnum('ComplaintOutcome', COMPLAINT_OUTCOMES)) @IsOptional() @IsIn(COMPLAINT_OUTCOMES) outcome?: ComplaintOutcome;
  /** Shown to the complainant with the tracking code. */
  @IsOptional() @Transform(trim) @IsString() @Length(1, 2000) publicNote?: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class ExtendComplaintRequest {
  @Transform(trim) @IsString() @Length(5, 2000) reason: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

/** Either an existing inspection of the complaint's agency, or the date of a complaint-type inspection to plan now. */
export class LinkInspectionRequest {
  @IsOptional() @IsUUID() inspectionId?: string;
  /** Plans a complaint-type inspection of the agency on this day (YYYY-MM-DD) and links it. */
  @IsOptional() @IsDateString({ strict: true }) planOn?: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class AgencyAnswerRequest {
  @Transform(trim) @IsString() @Length(1, 5000) answer: string;
}

export class ComplaintEventView {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiPropertyOptional({ nullable: true }) fromStatus: string | null;
  @ApiPropertyOptional({ nullable: true }) toStatus: string | null;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiPropertyOptional({ nullable: true }) publicNote: string | null;
  @ApiProperty() actorUsername: string;
  @ApiProperty() occurredAt: Date;
}

/** A complaint as officials and agencies see it; the complainant only for those handling it. */
export class ComplaintView {
  @ApiProperty() id: string;
  @ApiProperty() trackingCode: string;
  @ApiProperty(namedEnum('ComplaintChannel', COMPLAINT_CHANNELS)) channel: string;
  @ApiProperty() receivedAt: Date;
  @ApiPropertyOptional({ nullable: true, description: 'Null for anonymous complaints, and for callers not handling the complaint' })
  complainantName: string | null;
  @ApiPropertyOptional({ nullable: true }) complainantContact: string | null;
  @ApiProperty({ description: 'false when the complainant is withheld from this caller' }) complainantVisible: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The agency on the register, when the complaint names one' }) agencyId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The registered agency's Chinese name" }) agencyNameZh: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The registered agency's English name" }) agencyNameEn: string | null;
  @ApiProperty({ type: [String], description: "Numbers of the registered agency's licences in force (active or suspended)" }) licenceNumbers: string[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The name the complainant gave' }) agencyNameGiven: string | null;
  @ApiPropertyOptional({ nullable: true }) licenceNumberGiven: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty({ type: [String] }) categories: string[];
  @ApiProperty() description: string;
  @ApiPropertyOptional({ nullable: true }) destinationCountry: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The placement abroad it names: GET /placements?checkCode={placementCode}' }) placementCode: string | null;
  @ApiPropertyOptional({ nullable: true }) amountClaimed: number | null;
  @ApiProperty(namedEnum('ComplaintSeverity', SEVERITIES)) severity: Severity;
  @ApiProperty(namedEnum('ComplaintStatus', COMPLAINT_STATUSES)) status: ComplaintStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) assignedBureauId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The handling bureau by name' }) assignedBureauName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The assignee's display name" }) assigneeName: string | null;
  @ApiProperty() ackDueAt: Date;
  @ApiProperty() resolveDueAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) acknowledgedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) resolvedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) extendedAt: Date | null;
  @ApiProperty() slaBreached: boolean;
  @ApiProperty({ description: 'Open and past a deadline now' }) overdue: boolean;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'The deadline running now: acknowledgement until acknowledged, then resolution; null once disposed of' })
  nextDueAt: Date | null;
  @ApiProperty({ ...namedEnum('ComplaintSlaStatus', SLA_STATUSES), description: 'on_track (green); due_soon (amber) from 2 working days of the official calendar before nextDueAt; breached (red) open past a deadline; stopped once disposed of' })
  slaStatus: SlaStatus;
  @ApiPropertyOptional({ ...namedEnum('ComplaintOutcome', COMPLAINT_OUTCOMES), nullable: true }) outcome: ComplaintOutcome | null;
  @ApiPropertyOptional({ nullable: true }) inspectionId: string | null;
  @ApiProperty() version: number;
}

/** An official who may take a complaint (GET /complaints/:id/assignees). */
export class AssigneeView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '林检查员' }) displayName: string;
  @ApiProperty(namedEnum('AssignableRole', ['inspector', 'bureau_admin'])) role: string;
  @ApiProperty() bureauId: string;
  @ApiProperty({ example: 'Fuzhou HRSS' }) bureauName: string;
}

export class AssigneesView {
  @ApiProperty({ type: [AssigneeView], description: 'Nearest bureau first, inspectors before admins, then by name' }) items: AssigneeView[];
}

export class RecordedComplaintView extends ComplaintView {
  @ApiProperty({ description: 'Shown once: give it to the complainant with the tracking code (header X-Complaint-Pin)', example: '042817' }) pin: string;
  @ApiProperty({ description: 'Shown once: the long secret, also accepted (header X-Complaint-Secret)' }) secret: string;
}

export class ComplaintDetailView extends ComplaintView {
  @ApiProperty({ type: [ComplaintEventView] }) history: ComplaintEventView[];
  @ApiProperty({ ...namedEnum('ComplaintStatus', COMPLAINT_STATUSES), isArray: true, description: 'Where POST /complaints/{id}/transition may take it from its status (none for an agency)' })
  allowedTransitions: ComplaintStatus[];
}

export const TREND_GROUPS = ['category', 'province', 'agency', 'channel', 'outcome'] as const;
export type TrendGroup = (typeof TREND_GROUPS)[number];
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class TrendsQuery {
  /** First day (YYYY-MM-DD, by date received); defaults to 12 months ago. By month, the month it falls in counts whole. */
  // A date-time passed IsDateString and then broke the date arithmetic (a 500): a calendar date only.
  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional() @Matches(CALENDAR_DATE, { message: 'from must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) from?: string;
  /** Last day, inclusive; defaults to today. By month, the month it falls in counts whole. */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional() @Matches(CALENDAR_DATE, { message: 'to must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) to?: string;
  @ApiPropertyOptional(namedEnum('TrendGranularity', GRANULARITIES)) @IsOptional() @IsIn(GRANULARITIES) granularity?: Granularity;
  @ApiPropertyOptional(namedEnum('TrendGroup', TREND_GROUPS)) @IsOptional() @IsIn(TREND_GROUPS) groupBy?: TrendGroup;
  /** Province code, e.g. 350000. */
  @IsOptional() @Matches(/^\d{2}0000$/, { message: 'province must be a province code such as 350000' }) province?: string;
  @IsOptional() @IsString() @Length(1, 40) category?: string;
  @ApiPropertyOptional(namedEnum('ComplaintChannel', COMPLAINT_CHANNELS)) @IsOptional() @IsIn(COMPLAINT_CHANNELS) channel?: string;
  @IsOptional() @IsUUID() agencyId?: string;
}

export class TrendRow {
  @ApiProperty({ description: 'First day of the period (YYYY-MM-DD)' }) period: string;
  @ApiProperty({ description: 'The group value (category code, province code, agency id, channel or outcome); "none" for no agency or no outcome yet' })
  group: string;
  @ApiProperty({
    description: 'The group by name in the language Accept-Language picked: category or province name, agency name, channel or outcome in words',
    example: '福建省',
  })
  label: string;
  @ApiProperty() complaints: number;
  @ApiProperty() substantiated: number;
  @ApiProperty({ description: 'Complaints with an outcome' }) decided: number;
  @ApiPropertyOptional({ nullable: true, description: 'substantiated (fully or partly) / decided' }) substantiationRate: number | null;
  @ApiProperty() resolved: number;
  @ApiPropertyOptional({ nullable: true, description: 'Calendar days from receipt to disposal, median of those disposed' }) medianDaysToResolve: number | null;
  @ApiProperty() slaBreaches: number;
  @ApiProperty() slaBreachRate: number;
}

export class TrendsView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty(namedEnum('TrendGranularity', GRANULARITIES)) granularity: Granularity;
  @ApiProperty(namedEnum('TrendGroup', TREND_GROUPS)) groupBy: TrendGroup;
  @ApiProperty({ ...namedEnum('TrendLabelLanguage', ['zh-CN', 'en']), description: 'The language of the labels (Accept-Language: zh or en; Chinese by default)' }) language: 'zh-CN' | 'en';
  @ApiProperty({ type: [TrendRow] }) rows: TrendRow[];
}

export class AlertsQuery {
  /** Months examined end with this month (YYYY-MM); defaults to the current month. */
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) month?: string;
  /** How many months back are examined (1-24, default 12). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(24) months?: number;
  /** Only this province's spikes and agencies (the trends page drilled into it), e.g. 350000. */
  @IsOptional() @Matches(/^\d{2}0000$/, { message: 'province must be a province code such as 350000' }) province?: string;
}

export class SpikeAlert {
  @ApiProperty() province: string;
  @ApiProperty({ description: 'The province by name in the language Accept-Language picked', example: '福建省' }) provinceLabel: string;
  @ApiProperty() category: string;
  @ApiProperty({ description: 'The category by name in the language Accept-Language picked', example: '收取招聘费用' }) categoryLabel: string;
  @ApiProperty({ description: 'YYYY-MM' }) month: string;
  @ApiProperty() complaints: number;
  @ApiProperty() previousMean: number;
  @ApiProperty() previousStdDev: number;
  @ApiProperty() threshold: number;
}

export class AgencyAlert {
  @ApiProperty() agencyId: string;
  @ApiProperty({ description: 'The agency by name in the language Accept-Language picked (Chinese when it has no English name)' }) agencyName: string;
  @ApiProperty() substantiated: number;
  @ApiProperty() since: string;
}

export class AlertsView {
  @ApiProperty({ type: [SpikeAlert] }) spikes: SpikeAlert[];
  @ApiProperty({ type: [AgencyAlert] }) agencies: AgencyAlert[];
}
