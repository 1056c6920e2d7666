import { namedEnum } from '@app/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type JurisdictionLevel = 'province' | 'city' | 'county';

/** An administrative division, by its GB/T 2260 code. */
@Entity('jurisdictions')
export class Jurisdiction {
  @ApiProperty({ example: '350100' }) @PrimaryColumn() code: string;
  @ApiProperty(namedEnum('JurisdictionLevel', ['province', 'city', 'county'])) @Column({ type: 'text' }) level: JurisdictionLevel;
  @ApiPropertyOptional({ nullable: true, type: String, example: '350000' }) @Column({ type: 'text', nullable: true }) parentCode: string | null;
  @ApiProperty({ example: '福州市' }) @Column() nameZh: string;
  @ApiProperty({ example: 'Fuzhou' }) @Column() nameEn: string;
}
