import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRecord } from '@app/core';

/** Advice for people going to work in one country, or (countryCode null) anywhere abroad (reference/country-notes.csv). */
@Entity('country_notes')
export class CountryNote extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** ISO 3166-1 alpha-2; null for every destination. */
  @Column({ type: 'text', nullable: true }) countryCode: string | null;
  @Column({ type: 'text' }) titleZh: string;
  @Column({ type: 'text' }) titleEn: string;
  @Column({ type: 'text' }) bodyZh: string;
  @Column({ type: 'text' }) bodyEn: string;
  @Column({ type: 'text' }) sourceUrl: string;
  @Column({ type: 'int' }) sortOrder: number;
}
