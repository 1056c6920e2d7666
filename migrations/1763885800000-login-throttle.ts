import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins per (username, client address): each address that keeps failing waits longer
 * and longer, and an account locked by one address still lets its owner in from an address with
 * no failures. Usernames are stored whether or not they exist, so both get the same answer.
 */
export class LoginThrottle1763885800000 implements MigrationInterface {
  name = 'LoginThrottle1763885800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_throttle (
        username text NOT NULL,
        client_ip text NOT NULL,
        failures integer NOT NULL,
        last_failed_at timestamptz NOT NULL,
        PRIMARY KEY (username, client_ip)
      )`);
    await db.query(`CREATE INDEX login_throttle_last_failed_idx ON login_throttle (last_failed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_throttle`);
  }
}
