import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos an inspector takes of what she finds, several per checklist item. Kept in PostgreSQL
 * with the inspection (so backups and restores carry them, and the inspection's scope guards
 * them), with the SHA-256 of each image and the small thumbnail the device made beside it.
 */
export class InspectionPhotos1796663187207 implements MigrationInterface {
  name = 'InspectionPhotos1796663187207';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inspection_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES inspections (id),
        item_code text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        data bytea NOT NULL,
        thumbnail_type text CHECK (thumbnail_type IN ('image/jpeg', 'image/png', 'image/webp')),
        thumbnail bytea,
        caption text,
        uploaded_by uuid,
        uploaded_by_username text NOT NULL,
        uploaded_at timestamptz(3) NOT NULL,
        CHECK ((thumbnail IS NULL) = (thumbnail_type IS NULL))
      )`);
    await db.query(`CREATE INDEX inspection_photos_inspection_idx ON inspection_photos (inspection_id, item_code, uploaded_at)`);
    // A retried upload of the same image to the same item is the same photo.
    await db.query(`CREATE UNIQUE INDEX inspection_photos_same_image_idx ON inspection_photos (inspection_id, item_code, sha256)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE inspection_photos`);
  }
}
