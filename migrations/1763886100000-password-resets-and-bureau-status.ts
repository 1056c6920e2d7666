import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time password-reset links an administrator issues (only the secret's hash is kept; a link
 * works once, for a day), and a status for bureaus so that a bureau that is merged or closed can be
 * disabled rather than deleted (its records keep naming it).
 */
export class PasswordResetsAndBureauStatus1763886100000 implements MigrationInterface {
  name = 'PasswordResetsAndBureauStatus1763886100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash text NOT NULL,
        issued_by uuid NOT NULL REFERENCES users (id),
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        cancelled_at timestamptz
      )`);
    await db.query(`CREATE INDEX password_resets_open_by_user_idx ON password_resets (user_id) WHERE used_at IS NULL AND cancelled_at IS NULL`);
    await db.query(`ALTER TABLE bureaus ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE bureaus DROP COLUMN status`);
    await db.query(`DROP TABLE password_resets`);
  }
}
