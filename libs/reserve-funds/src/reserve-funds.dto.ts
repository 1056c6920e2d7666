import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { namedEnum } from '@app/core';
import { RESERVE_FUND_ENTRY_KINDS, ReserveFundEntryKind } from './reserve-fund.entity';

export class CreateReserveFundEntryRequest {
  @ApiProperty(namedEnum('ReserveFundEntryKind', RESERVE_FUND_ENTRY_KINDS)) @IsIn(RESERVE_FUND_ENTRY_KINDS) kind: ReserveFundEntryKind;
  /** In fen (integer, above zero): ¥3,000,000 is 300000000. */
  @ApiProperty({ type: 'integer', minimum: 1, example: 300000000 }) @IsInt() @Min(1) @Max(1e14) amount: number;
  /** The day the bank booked it (Asia/Shanghai), not after today. */
  @ApiProperty({ example: '2026-03-02' }) @IsDateString({ strict: true }) occurredOn: string;
  /** The bank's evidence: statement or receipt reference. */
  @ApiProperty({ example: 'ICBC 2026-0302-00017' }) @IsString() @Length(3, 200) evidence: string;
  @ApiProperty() @IsString() @Length(3, 2000) reason: string;
  /** A draw paid out to workers after a complaint names it. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() complaintId?: string;
  /** A correction names the entry it corrects (the ledger never changes an entry). */
  @ApiPropertyOptional() @IsOptional() @IsUUID() correctsEntryId?: string;
}

export class ReserveFundEntryView {
  @ApiProperty() id: string;
  @ApiProperty() sequence: number;
  @ApiProperty(namedEnum('ReserveFundEntryKind', RESERVE_FUND_ENTRY_KINDS)) kind: ReserveFundEntryKind;
  @ApiProperty({ type: 'integer', description: 'fen' }) amountFen: number;
  @ApiProperty({ type: 'integer', description: 'fen' }) balanceAfterFen: number;
  @ApiProperty() occurredOn: string;
  @ApiProperty() evidence: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ nullable: true, type: String }) complaintId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) correctsEntryId: string | null;
  @ApiProperty() recordedByUsername: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({
    ...namedEnum('ReserveFundEntryStatus', ['declared', 'verified']),
    description: 'declared: recorded by the agency, its bank evidence not yet checked by the bureau; verified: recorded or checked by a bureau official',
  })
  status: 'declared' | 'verified';
  @ApiPropertyOptional({ nullable: true, type: Date }) verifiedAt: Date | null;
}

export class VerifyReserveFundEntryRequest {
  /** The reserve fund's `version` as read: a verification on a stale view answers 409. */
  @ApiProperty({ type: 'integer', minimum: 1 }) @IsInt() @Min(1) version: number;
}

export class TopUpView {
  @ApiProperty() id: string;
  @ApiProperty() startedOn: string;
  @ApiProperty({ description: '20 working days after the shortfall began' }) dueOn: string;
  @ApiProperty({ type: 'integer' }) requiredFen: number;
  @ApiProperty({ type: 'integer' }) balanceAtStartFen: number;
  @ApiPropertyOptional({ nullable: true, type: String }) metOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) overdueAt: Date | null;
}

export class ReserveFundView {
  @ApiProperty() agencyId: string;
  @ApiProperty() agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) agencyNameEn: string | null;
  @ApiProperty({ description: 'Whether the agency must keep a reserve fund (its type, or a labour service cooperation licence in force)' }) fundRequired: boolean;
  @ApiProperty({ type: 'integer', description: 'fen: every entry, declared or verified' }) balanceFen: number;
  @ApiProperty({ type: 'integer', description: 'fen: verified deposits less every draw; only this counts toward a top-up' }) verifiedBalanceFen: number;
  @ApiProperty({ type: 'integer', description: "fen: the labour service cooperation licence's reserve-fund amount, else ¥3,000,000; 0 when no fund is required" }) requiredFen: number;
  @ApiPropertyOptional({ nullable: true, type: String }) licenceNumber: string | null;
  @ApiProperty({ type: 'integer', description: 'fen still missing from the verified balance (0 when it suffices or no fund is required)' }) shortfallFen: number;
  @ApiProperty({ type: 'integer', description: 'Changes with every entry and verification (0 before the first entry)' }) version: number;
  @ApiPropertyOptional({ nullable: true, type: TopUpView, description: 'The running top-up deadline, if any' }) topUp: TopUpView | null;
  @ApiProperty({ type: [TopUpView], description: 'Earlier top-up deadlines, newest first' }) pastTopUps: TopUpView[];
  @ApiProperty({ type: [ReserveFundEntryView], description: 'The ledger, newest first (at most 500)' }) entries: ReserveFundEntryView[];
}
