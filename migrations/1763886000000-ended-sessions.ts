import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API process learns, once per user, which of the user's sign-ins were ended recently
 * (logout, reuse detected, account disabled or its credentials changed) so that their access
 * tokens are refused; this index serves that look-up. Rotation is not an ending.
 */
export class EndedSessions1763886000000 implements MigrationInterface {
  name = 'EndedSessions1763886000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX refresh_tokens_ended_by_user_idx ON refresh_tokens (user_id, revoked_at) WHERE revoked_reason <> 'rotated'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX refresh_tokens_ended_by_user_idx`);
  }
}
