import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The version of each open dataset (libs/open-data): what its ETag and Last-Modified are made of,
 * so a conditional request is answered from this row without reading the data. `event_seq` is
 * the events feed's number the version was checked against; `fingerprint` an order-free hash of
 * the rows, so a version changes only when the data does.
 */
export class DatasetVersions1796674330027 implements MigrationInterface {
  name = 'DatasetVersions1796674330027';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dataset_versions (
        name text PRIMARY KEY,
        version integer NOT NULL DEFAULT 1,
        fingerprint text NOT NULL,
        row_count integer NOT NULL,
        event_seq bigint NOT NULL DEFAULT 0,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        checked_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dataset_versions`);
  }
}
