import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The repository's reference/ directory, found from the source or the compiled migration. */
function referenceFile(name: string): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'reference', name))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`reference/${name} not found above ${__dirname}`);
    dir = parent;
  }
  return join(dir, 'reference', name);
}

function rows(name: string): Record<string, string>[] {
  return parse(readFileSync(referenceFile(name)), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

/**
 * Help lines and country notes for people going to work abroad: reference data a system admin
 * edits through the API, seeded once from reference/help-lines.csv and reference/country-notes.csv
 * (every entry names its source). Later edits live in the tables, not the files.
 */
export class ReferenceData1763885900000 implements MigrationInterface {
  name = 'ReferenceData1763885900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE help_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL CHECK (number ~ '^\\+?[0-9][0-9 -]{1,30}$'),
        name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
        description_zh text NOT NULL CHECK (length(description_zh) BETWEEN 1 AND 1000),
        description_en text NOT NULL CHECK (length(description_en) BETWEEN 1 AND 1000),
        source_url text NOT NULL CHECK (source_url ~ '^https?://'),
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE UNIQUE INDEX help_lines_number_key ON help_lines (number)`);
    await db.query(`
      CREATE TABLE country_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country_code text CHECK (country_code ~ '^[A-Z]{2}$'),
        title_zh text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 200),
        title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
        body_zh text NOT NULL CHECK (length(body_zh) BETWEEN 1 AND 2000),
        body_en text NOT NULL CHECK (length(body_en) BETWEEN 1 AND 2000),
        source_url text NOT NULL CHECK (source_url ~ '^https?://'),
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // A country's notes and the notes for every destination (NULL), in their order.
    await db.query(`CREATE INDEX country_notes_country_idx ON country_notes (country_code, sort_order)`);

    for (const row of rows('help-lines.csv')) {
      await db.query(
        `INSERT INTO help_lines (number, name_zh, name_en, description_zh, description_en, source_url, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [row.number, row.name_zh, row.name_en, row.description_zh, row.description_en, row.source_url, Number(row.sort_order)],
      );
    }
    for (const row of rows('country-notes.csv')) {
      await db.query(
        `INSERT INTO country_notes (country_code, title_zh, title_en, body_zh, body_en, source_url, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [row.country_code || null, row.title_zh, row.title_en, row.body_zh, row.body_en, row.source_url, Number(row.sort_order)],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE country_notes, help_lines`);
  }
}
