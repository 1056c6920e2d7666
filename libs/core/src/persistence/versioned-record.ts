import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, ValueTransformer, VersionColumn } from 'typeorm';

/**
 * The columns of a record edited under optimistic locking (see versioned-update.ts): when it was
 * made, when last changed, and the version a client sends back with its change.
 */
export abstract class VersionedRecord {
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

/**
 * A record of one agency, in the agency's division: the two columns the access scope filters on
 * (access's scope.ts: officials by division code, agency users by their agency).
 */
export abstract class AgencyRecord extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agencyId: string;
  @Column() jurisdictionCode: string;
}

/**
 * `numeric` and `bigint` columns come back from pg as strings (they may exceed a JS
 * number); the registry's amounts (fen, far below 2^53; scores; wages) fit, so they are read as numbers.
 */
export const NUMBER_COLUMN: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
