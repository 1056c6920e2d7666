import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget, IsNull } from 'typeorm';
import { AuditService } from '@app/audit';
import { checkVersion, Language, Problems, updateVersioned } from '@app/core';
import { CountryNote } from './country-note.entity';
import { HelpLine } from './help-line.entity';
import {
  CountryNoteRequest,
  HelpLineRequest,
  PublicCountryNote,
  PublicHelpLine,
  UpdateCountryNoteRequest,
  UpdateHelpLineRequest,
} from './reference-data.dto';

type ReferenceEntity = HelpLine | CountryNote;
interface Kind<T extends ReferenceEntity> {
  target: EntityTarget<T>;
  /** As problems and the audit log name it. */
  name: string;
  auditType: string;
}

const HELP_LINE: Kind<HelpLine> = { target: HelpLine, name: 'Help line', auditType: 'help_line' };
const COUNTRY_NOTE: Kind<CountryNote> = { target: CountryNote, name: 'Country note', auditType: 'country_note' };

/**
 * Help lines and country notes: read by anyone in their language, edited by system admins.
 * Both tables hold tens of rows, so lists answer them whole.
 */
@Injectable()
export class ReferenceDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async publicHelpLines(language: Language): Promise<PublicHelpLine[]> {
    const lines = await this.helpLines();
    const zh = language === 'zh-CN';
    return lines.map((line) => ({
      id: line.id,
      number: line.number,
      name: zh ? line.nameZh : line.nameEn,
      description: zh ? line.descriptionZh : line.descriptionEn,
      sourceUrl: line.sourceUrl,
      sortOrder: line.sortOrder,
    }));
  }

  /** A country's notes after those for every destination; all notes without a country. */
  async publicCountryNotes(country: string | undefined, language: Language): Promise<PublicCountryNote[]> {
    const notes = await this.dataSource.getRepository(CountryNote).find({
      where: country ? [{ countryCode: country }, { countryCode: IsNull() }] : {},
      order: { countryCode: { direction: 'ASC', nulls: 'FIRST' }, sortOrder: 'ASC', id: 'ASC' },
    });
    const zh = language === 'zh-CN';
    return notes.map((note) => ({
      id: note.id,
      countryCode: note.countryCode,
      title: zh ? note.titleZh : note.titleEn,
      body: zh ? note.bodyZh : note.bodyEn,
      sourceUrl: note.sourceUrl,
    }));
  }

  helpLines(): Promise<HelpLine[]> {
    return this.dataSource.getRepository(HelpLine).find({ order: { sortOrder: 'ASC', number: 'ASC' } });
  }

  countryNotes(): Promise<CountryNote[]> {
    return this.dataSource.getRepository(CountryNote).find({ order: { countryCode: { direction: 'ASC', nulls: 'FIRST' }, sortOrder: 'ASC', id: 'ASC' } });
  }

  createHelpLine(request: HelpLineRequest): Promise<HelpLine> {
    return this.create(HELP_LINE, { ...request, sortOrder: request.sortOrder ?? 0 });
  }

  updateHelpLine(id: string, request: UpdateHelpLineRequest): Promise<HelpLine> {
    const { version, ...changes } = request;
    return this.update(HELP_LINE, id, version, { ...changes, sortOrder: changes.sortOrder ?? 0 });
  }

  removeHelpLine(id: string, version: number): Promise<void> {
    return this.remove(HELP_LINE, id, version);
  }

  createCountryNote(request: CountryNoteRequest): Promise<CountryNote> {
    return this.create(COUNTRY_NOTE, { ...request, sortOrder: request.sortOrder ?? 0 });
  }

  updateCountryNote(id: string, request: UpdateCountryNoteRequest): Promise<CountryNote> {
    const { version, ...changes } = request;
    return this.update(COUNTRY_NOTE, id, version, { ...changes, sortOrder: changes.sortOrder ?? 0 });
  }

  removeCountryNote(id: string, version: number): Promise<void> {
    return this.remove(COUNTRY_NOTE, id, version);
  }

  private create<T extends ReferenceEntity>(kind: Kind<T>, values: Partial<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(kind.target, values as T));
      await this.audit.record(manager, { action: `${kind.auditType}.create`, entityType: kind.auditType, entityId: saved.id, after: saved });
      return saved;
    });
  }

  private update<T extends ReferenceEntity>(kind: Kind<T>, id: string, version: number, changes: Partial<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(kind.target, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
      if (!before) throw Problems.notFound(kind.name, id);
      checkVersion(before, version, kind.name);
      await updateVersioned(manager, kind.target, { id, version }, changes as never, kind.name);
      const after = await manager.findOneOrFail(kind.target, { where: { id } as never });
      await this.audit.record(manager, { action: `${kind.auditType}.update`, entityType: kind.auditType, entityId: id, before, after });
      return after;
    });
  }

  private remove<T extends ReferenceEntity>(kind: Kind<T>, id: string, version: number): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(kind.target, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
      if (!before) throw Problems.notFound(kind.name, id);
      checkVersion(before, version, kind.name);
      await manager.delete(kind.target, { id } as never);
      await this.audit.record(manager, { action: `${kind.auditType}.delete`, entityType: kind.auditType, entityId: id, before });
    });
  }
}
