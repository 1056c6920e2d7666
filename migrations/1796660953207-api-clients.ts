import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Machine clients of the registry (other government systems) and their OAuth 2.0 client
 * credentials: the secret only as a hash, its generation so that a rotation ends older tokens.
 */
export class ApiClients1796660953207 implements MigrationInterface {
  name = 'ApiClients1796660953207';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]*[a-z0-9]$'),
        description text NOT NULL DEFAULT '',
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        rate_limit_per_minute integer CHECK (rate_limit_per_minute > 0),
        secret_hash text NOT NULL,
        secret_generation integer NOT NULL DEFAULT 1,
        last_token_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX api_clients_created_idx ON api_clients (created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_clients`);
  }
}
