import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { flattenValidationErrors, ProblemException } from '@app/core';
import { AuditService } from '@app/audit';
import { Actor, coversJurisdiction } from '@app/auth/access';
import { JurisdictionsService } from '@app/jurisdictions';
import { CreateAgencyRequest, ImportProblem } from './agencies.dto';

/** The columns of an import file, in CSV header names, and the request fields they fill. */
export const IMPORT_COLUMNS = {
  uscc: 'uscc',
  name_zh: 'nameZh',
  name_en: 'nameEn',
  legal_representative: 'legalRepresentative',
  address: 'address',
  jurisdiction_code: 'jurisdictionCode',
  agency_type: 'agencyType',
  contact_name: 'contactName',
  contact_phone: 'contactPhone',
  contact_email: 'contactEmail',
} as const;

const REQUIRED_COLUMNS = ['uscc', 'name_zh', 'legal_representative', 'address', 'jurisdiction_code', 'agency_type'];
export const MAX_IMPORT_ROWS = 100_000;
const MAX_LISTED_PROBLEMS = 1_000;
const INSERT_CHUNK_ROWS = 10_000;

type Row = CreateAgencyRequest & { line: number };

/**
 * Bulk registration from CSV: every row is checked first (fields, USCC check character,
 * division, scope, duplicates in the file and in the register); one bad row and nothing is
 * written. A clean file goes in with INSERT ... SELECT FROM unnest(...), 10,000 rows a statement, in one transaction.
 */
@Injectable()
export class AgencyImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, csv: string): Promise<{ imported: number }> {
    const rows = this.parse(csv);
    await this.validate(actor, rows);
    return this.dataSource.transaction(async (manager) => {
      // Chunks keep the serialised parameters small (memory); one transaction keeps it all-or-nothing.
      for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
        const chunk = rows.slice(start, start + INSERT_CHUNK_ROWS);
        const column = <K extends keyof CreateAgencyRequest>(key: K) => chunk.map((row) => row[key] ?? null);
        await manager.query(
          `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type, contact_name, contact_phone, contact_email)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
          [
            column('uscc'), column('nameZh'), column('nameEn'), column('legalRepresentative'), column('address'),
            column('jurisdictionCode'), column('agencyType'), column('contactName'), column('contactPhone'), column('contactEmail'),
          ],
        );
      }
      await this.audit.record(manager, {
        action: 'agency.import',
        entityType: 'agency',
        after: { rows: rows.length, sha256: createHash('sha256').update(csv).digest('hex'), firstUscc: rows[0]?.uscc, lastUscc: rows.at(-1)?.uscc },
      });
      return { imported: rows.length };
    });
  }

  private parse(csv: string): Row[] {
    let records: Record<string, string>[];
    try {
      records = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
    } catch (error) {
      throw invalidFile(`The file is not valid CSV: ${(error as Error).message}`);
    }
    if (records.length === 0) throw invalidFile('The file has no rows');
    if (records.length > MAX_IMPORT_ROWS) throw invalidFile(`The file has ${records.length} rows; at most ${MAX_IMPORT_ROWS} are accepted at once`);
    const header = Object.keys(records[0]);
    const unknown = header.filter((h) => !(h in IMPORT_COLUMNS));
    const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
    if (unknown.length || missing.length) {
      throw invalidFile(
        [missing.length ? `missing columns: ${missing.join(', ')}` : '', unknown.length ? `unknown columns: ${unknown.join(', ')}` : ''].filter(Boolean).join('; '),
      );
    }
    return records.map((record, index) => {
      const row: Record<string, unknown> = { line: index + 2 };
      for (const [csvName, field] of Object.entries(IMPORT_COLUMNS)) {
        const value = record[csvName];
        if (value !== undefined && value !== '') row[field] = value;
      }
      return row as unknown as Row;
    });
  }

  private async validate(actor: Actor, rows: Row[]): Promise<void> {
    const problems: ImportProblem[] = [];
    const cities = new Set((await this.jurisdictions.list({ level: 'city' })).map((j) => j.code));
    const seen = new Map<string, number>();
    for (const row of rows) {
      const { line, ...fields } = row;
      const request = plainToInstance(CreateAgencyRequest, fields);
      for (const problem of flattenValidationErrors(validateSync(request, { whitelist: true, forbidNonWhitelisted: true }))) {
        problems.push({ line, field: columnOf(problem.field), message: problem.message });
      }
      if (row.jurisdictionCode && /^\d{6}$/.test(row.jurisdictionCode)) {
        if (!cities.has(row.jurisdictionCode)) {
          problems.push({ line, field: 'jurisdiction_code', message: `${row.jurisdictionCode} is not a known city-level division code` });
        } else if (!coversJurisdiction(actor, row.jurisdictionCode)) {
          problems.push({ line, field: 'jurisdiction_code', message: `${row.jurisdictionCode} is outside your jurisdiction` });
        }
      }
      if (row.uscc) {
        const first = seen.get(row.uscc);
        if (first) problems.push({ line, field: 'uscc', message: `${row.uscc} already appears on line ${first}` });
        else seen.set(row.uscc, line);
      }
    }
    const existing = (await this.dataSource.query(`SELECT uscc FROM agencies WHERE uscc = ANY($1::text[])`, [[...seen.keys()]])) as { uscc: string }[];
    for (const { uscc } of existing) {
      problems.push({ line: seen.get(uscc) as number, field: 'uscc', message: `${uscc} is already registered` });
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line);
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'import-invalid', `${problems.length} problem(s) in ${new Set(problems.map((p) => p.line)).size} row(s); nothing was imported`, {
        errors: problems.slice(0, MAX_LISTED_PROBLEMS),
        totalProblems: problems.length,
      });
    }
  }
}

function columnOf(field: string): string {
  const entry = Object.entries(IMPORT_COLUMNS).find(([, name]) => name === field);
  return entry ? entry[0] : field;
}

function invalidFile(detail: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'import-invalid', detail, { errors: [] });
}
