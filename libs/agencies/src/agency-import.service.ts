import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse';
import { createHash, Hash } from 'node:crypto';
import { pipeline, Readable, Transform, TransformCallback } from 'node:stream';
import { DataSource, QueryRunner } from 'typeorm';
import { AppConfig, flattenValidationErrors, ProblemException } from '@app/core';
import { AuditService } from '@app/audit';
import { EventsService } from '@app/events';
import { registeredEvent } from './agency-events';
import { Actor, coversJurisdiction } from '@app/access';
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
/** A line longer than this is not an agency (every field has a short maximum length). */
const MAX_RECORD_CHARACTERS = 16_384;
const MAX_LISTED_PROBLEMS = 1_000;
const INSERT_CHUNK_ROWS = 2_000;

type Row = CreateAgencyRequest & { line: number };

/** Why an import stopped early; thrown inside the row loop, answered as a problem. */
class ImportStopped extends Error {
  constructor(readonly problem: ProblemException) {
    super(problem.message);
  }
}

/**
 * Bulk registration from CSV, read as a stream: each row is checked as it arrives (fields,
 * USCC check character, division, scope, duplicates in the file and in the register) and clean
 * rows go in 2,000 at a time inside one transaction, so memory stays bounded whatever the file
 * size. One bad row and the transaction is rolled back: nothing is written, and every problem is
 * listed with its line. Past MAX_IMPORT_ROWS rows or IMPORT_BODY_LIMIT_BYTES bytes the import
 * stops at once (413) without reading the rest.
 */
@Injectable()
export class AgencyImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly events: EventsService,
  ) {}

  async import(actor: Actor, source: Readable): Promise<{ imported: number }> {
    const run = new ImportRun(actor, new Set((await this.jurisdictions.list({ level: 'city' })).map((j) => j.code)), this.dataSource, this.events);
    const meter = new ByteMeter(this.config.get('IMPORT_BODY_LIMIT_BYTES'));
    let header: string[] = [];
    const parser = parse({
      columns: (names: string[]) => (header = names.map((h) => h.trim().toLowerCase())),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      max_record_size: MAX_RECORD_CHARACTERS,
    });
    // pipe(), not pipeline(), from the request: stopping early must not destroy the socket the answer goes out on.
    const onSourceError = (error: Error) => meter.destroy(error);
    source.once('error', onSourceError);
    source.pipe(meter);
    const records = pipeline(meter, parser, () => undefined);
    try {
      let rows = 0;
      for await (const record of records as AsyncIterable<Record<string, string>>) {
        if (rows === 0) checkHeader(header);
        rows += 1;
        if (rows > MAX_IMPORT_ROWS) {
          throw new ImportStopped(new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'import-too-large', `The file has more than ${MAX_IMPORT_ROWS} rows; at most ${MAX_IMPORT_ROWS} are accepted at once`, { maxRows: MAX_IMPORT_ROWS }));
        }
        await run.add(toRow(record, rows + 1));
      }
      if (rows === 0) {
        if (header.length > 0) checkHeader(header);
        throw invalidFile('The file has no rows');
      }
      await run.finish();
      const imported = await run.commit(async (queryRunner) =>
        this.audit.record(queryRunner.manager, {
          action: 'agency.import',
          entityType: 'agency',
          after: { rows, sha256: meter.digest(), firstUscc: run.firstUscc, lastUscc: run.lastUscc },
        }),
      );
      return { imported };
    } catch (error) {
      await run.rollback();
      if (error instanceof ImportStopped) throw error.problem;
      if (error instanceof ProblemException) throw error;
      if (meter.tooLarge) {
        throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'import-too-large', `The file is larger than ${meter.limit} bytes`, { maxBytes: meter.limit });
      }
      if (isCsvError(error)) throw invalidFile(`The file is not valid CSV: ${error.message}`);
      throw error;
    } finally {
      source.unpipe(meter);
      source.off('error', onSourceError);
      if (!meter.destroyed) meter.destroy();
    }
  }
}

/** The rows checked so far, the current chunk, and the transaction the clean chunks went into. */
class ImportRun {
  private readonly problems: ImportProblem[] = [];
  private totalProblems = 0;
  private readonly seen = new Map<string, number>();
  private chunk: Row[] = [];
  private queryRunner: QueryRunner | null = null;
  private inserted = 0;
  firstUscc: string | undefined;
  lastUscc: string | undefined;

  constructor(
    private readonly actor: Actor,
    private readonly cities: Set<string>,
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  async add(row: Row): Promise<void> {
    const clean = this.check(row);
    if (clean) {
      this.firstUscc ??= row.uscc;
      this.lastUscc = row.uscc;
      this.chunk.push(row);
    }
    if (this.chunk.length >= INSERT_CHUNK_ROWS) await this.flush();
  }

  /** Flushes the last chunk, then refuses the file if any row had a problem. */
  async finish(): Promise<void> {
    await this.flush();
    if (this.totalProblems > 0) {
      this.problems.sort((a, b) => a.line - b.line);
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'import-invalid', `${this.totalProblems} problem(s) in the file; nothing was imported`, {
        errors: this.problems,
        totalProblems: this.totalProblems,
      });
    }
  }

  async commit(beforeCommit: (queryRunner: QueryRunner) => Promise<void>): Promise<number> {
    const queryRunner = await this.transaction();
    await beforeCommit(queryRunner);
    await queryRunner.commitTransaction();
    await this.release();
    return this.inserted;
  }

  async rollback(): Promise<void> {
    if (!this.queryRunner) return;
    await this.queryRunner.rollbackTransaction().catch(() => undefined);
    await this.release();
  }

  private check(row: Row): boolean {
    const before = this.totalProblems;
    const { line, ...fields } = row;
    const request = plainToInstance(CreateAgencyRequest, fields);
    for (const problem of flattenValidationErrors(validateSync(request, { whitelist: true, forbidNonWhitelisted: true }))) {
      this.report({ line, field: columnOf(problem.field), message: problem.message });
    }
    if (row.jurisdictionCode && /^\d{6}$/.test(row.jurisdictionCode)) {
      if (!this.cities.has(row.jurisdictionCode)) {
        this.report({ line, field: 'jurisdiction_code', message: `${row.jurisdictionCode} is not a known city-level division code` });
      } else if (!coversJurisdiction(this.actor, row.jurisdictionCode)) {
        this.report({ line, field: 'jurisdiction_code', message: `${row.jurisdictionCode} is outside your jurisdiction` });
      }
    }
    if (row.uscc) {
      const first = this.seen.get(row.uscc);
      if (first) this.report({ line, field: 'uscc', message: `${row.uscc} already appears on line ${first}` });
      else this.seen.set(row.uscc, line);
    }
    return this.totalProblems === before;
  }

  private report(problem: ImportProblem): void {
    this.totalProblems += 1;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(problem);
  }

  /** Checks the chunk against the register; while the file is clean so far, inserts it. */
  private async flush(): Promise<void> {
    const chunk = this.chunk;
    this.chunk = [];
    if (chunk.length === 0) return;
    const existing = (await this.dataSource.query(`SELECT uscc FROM agencies WHERE uscc = ANY($1::text[])`, [chunk.map((row) => row.uscc)])) as { uscc: string }[];
    for (const { uscc } of existing) {
      this.report({ line: this.seen.get(uscc) as number, field: 'uscc', message: `${uscc} is already registered` });
    }
    if (this.totalProblems > 0) return;
    const queryRunner = await this.transaction();
    const column = <K extends keyof CreateAgencyRequest>(key: K) => chunk.map((row) => row[key] ?? null);
    await queryRunner.query(
      `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type, contact_name, contact_phone, contact_email)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
      [
        column('uscc'), column('nameZh'), column('nameEn'), column('legalRepresentative'), column('address'),
        column('jurisdictionCode'), column('agencyType'), column('contactName'), column('contactPhone'), column('contactEmail'),
      ],
    );
    const now = new Date();
    await this.events.appendMany(
      queryRunner.manager,
      chunk.map((row) => registeredEvent({ uscc: row.uscc, nameZh: row.nameZh, nameEn: row.nameEn ?? null, jurisdictionCode: row.jurisdictionCode, agencyType: row.agencyType }, now)),
    );
    this.inserted += chunk.length;
  }

  /** Opened at the first clean chunk, so a file refused early never holds a connection. */
  private async transaction(): Promise<QueryRunner> {
    if (this.queryRunner) return this.queryRunner;
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    this.queryRunner = queryRunner;
    return queryRunner;
  }

  private async release(): Promise<void> {
    const queryRunner = this.queryRunner;
    this.queryRunner = null;
    await queryRunner?.release();
  }
}

/** Counts and hashes the bytes going through; fails the stream past the limit. */
class ByteMeter extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  tooLarge = false;

  constructor(readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      this.tooLarge = true;
      callback(new Error(`more than ${this.limit} bytes`));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

function checkHeader(header: string[]): void {
  const unknown = header.filter((h) => !(h in IMPORT_COLUMNS));
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (unknown.length || missing.length) {
    throw invalidFile(
      [missing.length ? `missing columns: ${missing.join(', ')}` : '', unknown.length ? `unknown columns: ${unknown.join(', ')}` : ''].filter(Boolean).join('; '),
    );
  }
}

function toRow(record: Record<string, string>, line: number): Row {
  const row: Record<string, unknown> = { line };
  for (const [csvName, field] of Object.entries(IMPORT_COLUMNS)) {
    const value = record[csvName];
    if (value !== undefined && value !== '') row[field] = value;
  }
  return row as unknown as Row;
}

function isCsvError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}

function columnOf(field: string): string {
  const entry = Object.entries(IMPORT_COLUMNS).find(([, name]) => name === field);
  return entry ? entry[0] : field;
}

function invalidFile(detail: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'import-invalid', detail, { errors: [] });
}
