import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery, namedEnum } from '@app/core';
import { CHECKLIST_KINDS, ChecklistKind, CRITICALITIES, Criticality, TEMPLATE_STATUSES, TemplateStatus } from './checklist-template.entity';

export class ChecklistItemInput {
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, { message: 'code must be upper-case letters, digits, - or _ (at most 40)' }) code: string;
  @IsString() @Length(1, 40) section: string;
  @ApiProperty(namedEnum('Criticality', CRITICALITIES)) @IsIn(CRITICALITIES) criticality: Criticality;
  /** Points a non-compliant finding adds (critical items decide the outcome alone and may have 0). */
  @IsInt() @Min(0) @Max(100) points: number;
  @IsOptional() @IsString() @MaxLength(200) legalBasis?: string;
  @IsString() @Length(1, 2000) textZh: string;
  @IsString() @Length(1, 2000) textEn: string;
}

export class CreateTemplateRequest {
  /** Same code as an existing template: the next version of it. */
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, { message: 'code must be 2-40 upper-case letters, digits, - or _' }) code: string;
  @ApiProperty(namedEnum('ChecklistKind', CHECKLIST_KINDS)) @IsIn(CHECKLIST_KINDS) kind: ChecklistKind;
  @IsString() @Length(1, 200) titleZh: string;
  @IsString() @Length(1, 200) titleEn: string;
  @ValidateNested({ each: true }) @Type(() => ChecklistItemInput) @ArrayMinSize(1) @ArrayMaxSize(500)
  items: ChecklistItemInput[];
}

export class TemplateQuery extends PageQuery {
  @ApiPropertyOptional(namedEnum('ChecklistKind', CHECKLIST_KINDS)) @IsOptional() @IsIn(CHECKLIST_KINDS) kind?: ChecklistKind;
  @ApiPropertyOptional(namedEnum('ChecklistTemplateStatus', TEMPLATE_STATUSES)) @IsOptional() @IsIn(TEMPLATE_STATUSES) status?: TemplateStatus;
  @IsOptional() @Matches(/^[A-Z0-9][A-Z0-9_-]{1,39}$/) code?: string;
}

export class ChecklistItemView {
  @ApiProperty() code: string;
  @ApiProperty() section: string;
  @ApiProperty(namedEnum('Criticality', CRITICALITIES)) criticality: Criticality;
  @ApiProperty() points: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The legal basis as stored (a key such as C181 Art.3)' }) legalBasis: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The legal basis as Chinese readers write it' }) legalBasisZh: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The legal basis as English readers write it' }) legalBasisEn: string | null;
  @ApiProperty({ description: 'In the language Accept-Language picked (zh-CN by default)' }) text: string;
  @ApiProperty() textZh: string;
  @ApiProperty() textEn: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'What it means when the item fails (non-compliance wording), in Chinese' }) breachZh: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'What it means when the item fails, in English' }) breachEn: string | null;
}

export class ChecklistTemplateView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty(namedEnum('ChecklistKind', CHECKLIST_KINDS)) kind: ChecklistKind;
  @ApiProperty() version: number;
  @ApiProperty(namedEnum('ChecklistTemplateStatus', TEMPLATE_STATUSES)) status: TemplateStatus;
  @ApiProperty(namedEnum('Language', ['zh-CN', 'en'])) language: string;
  @ApiProperty() title: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [ChecklistItemView] }) items: ChecklistItemView[];
}
