import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { byCreation, Page, paginate, Problems, updateVersioned } from '@app/core';
import { AuditService } from '@app/audit';
import { Actor, applyScope, jurisdictionPrefixOf } from '@app/access';
import { Bureau } from './bureau.entity';
import { BureauQuery, CreateBureauRequest, UpdateBureauRequest } from './jurisdictions.dto';
import { JurisdictionsService } from './jurisdictions.service';

/** How many active users belong to a bureau: answered by auth, which owns users and sits above this lib. */
export type ActiveMembersCount = (bureauId: string) => Promise<number>;

@Injectable()
export class BureausService {
  private activeMembers: ActiveMembersCount | undefined;

  constructor(
    @InjectRepository(Bureau) private readonly bureaus: Repository<Bureau>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    private readonly audit: AuditService,
  ) {}

  /** Bureaus the actor may see: national actors all, a bureau its own and those below it. */
  list(actor: Actor, query: BureauQuery): Promise<Page<Bureau>> {
    const qb = this.bureaus.createQueryBuilder('b');
    applyScope(qb, actor, { jurisdiction: 'b.jurisdiction_code' });
    if (query.level) qb.andWhere('b.level = :level', { level: query.level });
    if (query.jurisdiction) qb.andWhere('b.jurisdiction_code LIKE :prefix', { prefix: `${query.jurisdiction}%` });
    return paginate(qb, query, byCreation('b', 'ASC'));
  }

  async get(actor: Actor, id: string): Promise<Bureau> {
    const qb = this.bureaus.createQueryBuilder('b').where('b.id = :id', { id });
    applyScope(qb, actor, { jurisdiction: 'b.jurisdiction_code' });
    const bureau = await qb.getOne();
    if (!bureau) throw Problems.notFound('Bureau', id);
    return bureau;
  }

  /** auth registers (in onModuleInit) how a bureau's active users are counted: a bureau with some may not close. */
  countActiveMembersWith(count: ActiveMembersCount): void {
    this.activeMembers = count;
  }

  /** For other modules: a bureau by id, unscoped (the caller has scoped its own record). */
  findById(id: string): Promise<Bureau | null> {
    return this.bureaus.findOneBy({ id });
  }

  /** The bureau that governs a division code: the city bureau if there is one, else the province's. */
  async findGoverning(divisionCode: string, manager?: EntityManager): Promise<Bureau | null> {
    return (manager?.getRepository(Bureau) ?? this.bureaus)
      .createQueryBuilder('b')
      .where('b.jurisdiction_code IN (:...codes)', { codes: [`${divisionCode.slice(0, 4)}00`, `${divisionCode.slice(0, 2)}0000`] })
      .andWhere(`b.status = 'active'`)
      .orderBy('b.jurisdiction_code', 'DESC')
      .getOne();
  }

  /** The scope prefix of a bureau's actors ('' national, '35' a province, '3501' a city). */
  scopeOf(bureau: Bureau): string {
    return jurisdictionPrefixOf(bureau.level, bureau.jurisdictionCode);
  }

  async create(request: CreateBureauRequest): Promise<Bureau> {
    await this.checkJurisdiction(request);
    return this.dataSource.transaction(async (manager) => {
      const bureau = await manager.save(
        manager.create(Bureau, {
          name: request.name.trim(),
          nameEn: request.nameEn?.trim() ?? null,
          level: request.level,
          jurisdictionCode: request.jurisdictionCode ?? null,
          email: request.email ?? null,
          status: 'active',
        }),
      );
      await this.audit.record(manager, { action: 'bureau.create', entityType: 'bureau', entityId: bureau.id, after: bureau });
      return bureau;
    });
  }

  /** Renames, re-addresses, disables or re-enables a bureau (system admin; the version read). */
  async update(actor: Actor, id: string, request: UpdateBureauRequest): Promise<Bureau> {
    const current = await this.get(actor, id);
    if (request.status === 'disabled' && current.status !== 'disabled') {
      if (current.level === 'ministry') throw Problems.conflict('ministry-bureau', 'The ministry cannot be disabled');
      if (!this.activeMembers) throw new Error('No ActiveMembersCount registered: the auth module registers it at init');
      const active = await this.activeMembers(id);
      if (active > 0) {
        throw Problems.conflict('bureau-has-active-users', `The bureau still has ${active} active users: move them to another bureau or disable them first`, { activeUsers: active });
      }
    }
    const changes: Partial<Bureau> = {};
    if (request.name !== undefined) changes.name = request.name.trim();
    if (request.nameEn !== undefined) changes.nameEn = request.nameEn === null ? null : request.nameEn.trim();
    if (request.email !== undefined) changes.email = request.email;
    if (request.status !== undefined) changes.status = request.status;
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, Bureau, { id, version: request.version }, changes, 'Bureau');
      const updated = await manager.findOneByOrFail(Bureau, { id });
      await this.audit.record(manager, { action: 'bureau.update', entityType: 'bureau', entityId: id, before: current, after: updated });
      return updated;
    });
  }

  private async checkJurisdiction(request: CreateBureauRequest): Promise<void> {
    if (request.level === 'ministry') {
      if (request.jurisdictionCode) {
        throw Problems.invalid([{ field: 'jurisdictionCode', message: 'the ministry has no jurisdiction code' }]);
      }
      return;
    }
    if (!request.jurisdictionCode) {
      throw Problems.invalid([{ field: 'jurisdictionCode', message: `a ${request.level} bureau needs a jurisdiction code` }]);
    }
    const jurisdiction = await this.jurisdictions.find(request.jurisdictionCode);
    if (!jurisdiction) {
      throw Problems.invalid([{ field: 'jurisdictionCode', message: `${request.jurisdictionCode} is not a known division code` }]);
    }
    if (jurisdiction.level !== request.level) {
      throw Problems.invalid([
        { field: 'jurisdictionCode', message: `${request.jurisdictionCode} is a ${jurisdiction.level}; a ${request.level} bureau needs a ${request.level}` },
      ]);
    }
  }
}
