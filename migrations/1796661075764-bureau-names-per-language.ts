import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bureau's name per language: `name` is its Chinese name, `name_en` its English one. Names
 * written as one "中文 English" string (the demo seed did) are split, so Chinese pages no longer
 * show "福建省人力资源和社会保障厅 Fujian HRSS Department".
 */
export class BureauNamesPerLanguage1796661075764 implements MigrationInterface {
  name = 'BureauNamesPerLanguage1796661075764';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE bureaus ADD COLUMN name_en text`);
    // The Chinese part ends at the first Latin letter after a space; what follows is the English.
    await db.query(`
      UPDATE bureaus SET name = trim(substring(name FROM '^([^A-Za-z]*[^A-Za-z\\s])\\s+[A-Za-z]')),
                         name_en = trim(substring(name FROM '^[^A-Za-z]*[^A-Za-z\\s]\\s+([A-Za-z].*)$'))
       WHERE name ~ '^[^A-Za-z]*[^A-Za-z\\s]\\s+[A-Za-z]' AND name ~ '[\\u4e00-\\u9fff]'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE bureaus SET name = name || ' ' || name_en WHERE name_en IS NOT NULL`);
    await db.query(`ALTER TABLE bureaus DROP COLUMN name_en`);
  }
}
