import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import type { Readable } from 'node:stream';
import { byCreation, csvExport, Language, Page, paginateRows, Problems, updateVersioned } from '@app/core';
import { streamViews } from '@app/database';
import { AuditService } from '@app/audit';
import { EventsService } from '@app/events';
import { registeredEvent } from './agency-events';
import { Actor, applyScope, coversJurisdiction } from '@app/access';
import { divisionNames, JurisdictionsService } from '@app/jurisdictions';
import { AGENCY_EXPORT_COLUMNS } from './agency-export';
import { Agency, RiskFactor } from './agency.entity';
import { announcePublicChange } from './public-register-changes';
import { AgencyDivisionFollowers } from './agency-division-followers';
import { AGENCY_SELF_SERVICE_FIELDS, AgencyQuery, CreateAgencyRequest, UpdateAgencyRequest } from './agencies.dto';

export const AGENCY_SCOPE = { jurisdiction: 'a.jurisdiction_code', agency: 'a.id' };

@Injectable()
export class AgenciesService {
  constructor(
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly divisionFollowers: AgencyDivisionFollowers,
  ) {}

  list(actor: Actor, query: AgencyQuery): Promise<Page<Agency>> {
    return paginateRows(this.filtered(actor, query), query, byCreation('a'));
  }

  /** Every agency of the list in the caller's scope and filters, as CSV in the reader's language (streamed; the export audited). */
  async exportCsv(actor: Actor, query: AgencyQuery, language: Language): Promise<Readable> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    await this.audit.record(this.dataSource.manager, { action: 'agency.export', entityType: 'agency', after: { filters, language } });
    const qb = this.filtered(actor, query).orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC');
    return csvExport(AGENCY_EXPORT_COLUMNS, streamViews(this.dataSource, qb, divisionNames('a.jurisdiction_code', 'view_city', 'cityNameZh', 'cityNameEn')), language);
  }

  private filtered(actor: Actor, query: AgencyQuery) {
    const qb = applyScope(this.agencies.createQueryBuilder('a'), actor, AGENCY_SCOPE);
    if (query.name) qb.andWhere('(a.name_zh ILIKE :name OR a.name_en ILIKE :name)', { name: `%${escapeLike(query.name)}%` });
    if (query.uscc) qb.andWhere('a.uscc LIKE :uscc', { uscc: `${query.uscc}%` });
    if (query.jurisdiction) qb.andWhere('a.jurisdiction_code LIKE :jurisdiction', { jurisdiction: `${query.jurisdiction}%` });
    if (query.agencyType) qb.andWhere('a.agency_type = :agencyType', { agencyType: query.agencyType });
    if (query.minRisk !== undefined) qb.andWhere('a.risk_score >= :minRisk', { minRisk: query.minRisk });
    if (query.maxRisk !== undefined) qb.andWhere('a.risk_score <= :maxRisk', { maxRisk: query.maxRisk });
    if (query.licenceStatus) {
      // Allowed cross-domain SQL: agencies sits below licensing, so the register's licence-status
      // filter is a subquery on licensing's table in the list's one query.
      qb.andWhere('EXISTS (SELECT 1 FROM licences l WHERE l.agency_id = a.id AND l.status = :licenceStatus)', {
        licenceStatus: query.licenceStatus,
      });
    }
    return qb;
  }

  /** The agency if the actor may see it; 404 otherwise, as if it did not exist. */
  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<Agency> {
    const qb = applyScope(manager.createQueryBuilder(Agency, 'a'), actor, AGENCY_SCOPE).andWhere('a.id = :id', { id });
    const agency = await qb.getOne();
    if (!agency) throw Problems.notFound('Agency', id);
    return agency;
  }

  /** For other modules: agencies by id, unscoped (the caller has scoped its own records). */
  findByIds(ids: string[], manager?: EntityManager): Promise<Agency[]> {
    return ids.length === 0 ? Promise.resolve([]) : (manager?.getRepository(Agency) ?? this.agencies).findBy({ id: In(ids) });
  }

  findByUscc(uscc: string): Promise<Agency | null> {
    return this.agencies.findOneBy({ uscc });
  }

  async create(actor: Actor, request: CreateAgencyRequest): Promise<Agency> {
    await this.checkJurisdiction(actor, request.jurisdictionCode);
    return this.dataSource.transaction(async (manager) => {
      const agency = await manager.save(
        manager.create(Agency, {
          uscc: request.uscc,
          nameZh: request.nameZh.trim(),
          nameEn: request.nameEn?.trim() || null,
          legalRepresentative: request.legalRepresentative.trim(),
          address: request.address.trim(),
          jurisdictionCode: request.jurisdictionCode,
          agencyType: request.agencyType,
          contactName: request.contactName ?? null,
          contactPhone: request.contactPhone ?? null,
          contactEmail: request.contactEmail ?? null,
        }),
      );
      await this.audit.record(manager, { action: 'agency.create', entityType: 'agency', entityId: agency.id, after: agency });
      await this.events.append(manager, registeredEvent(agency, agency.createdAt));
      return agency;
    });
  }

  async update(actor: Actor, id: string, request: UpdateAgencyRequest): Promise<Agency> {
    const current = await this.get(actor, id);
    if (actor.role === 'agency_user') {
      const given = Object.keys(request).filter((key) => request[key as keyof UpdateAgencyRequest] !== undefined);
      const refused = given.filter((key) => !(AGENCY_SELF_SERVICE_FIELDS as readonly string[]).includes(key));
      if (refused.length > 0) throw Problems.forbidden(`An agency may change only its English name, address and contacts; not ${refused.join(', ')}`);
    }
    if (request.jurisdictionCode && request.jurisdictionCode !== current.jurisdictionCode) {
      await this.checkJurisdiction(actor, request.jurisdictionCode);
    }
    const { version, ...given } = request;
    const changes = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<Agency>;
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, Agency, { id, version }, changes, 'Agency');
      // Licences and applications carry the agency's division code for scoping: their lib keeps them in step, in this transaction.
      if (changes.jurisdictionCode) await this.divisionFollowers.follow(manager, id, changes.jurisdictionCode);
      const updated = await manager.findOneByOrFail(Agency, { id });
      await announcePublicChange(manager, [current.uscc]);
      await this.audit.record(manager, { action: 'agency.update', entityType: 'agency', entityId: id, before: current, after: updated });
      if (updated.nameZh !== current.nameZh || updated.nameEn !== current.nameEn) {
        await this.events.append(manager, {
          type: 'agency.renamed',
          occurredAt: updated.updatedAt,
          subject: { agencyUscc: updated.uscc },
          data: { nameZh: updated.nameZh, nameEn: updated.nameEn, previousNameZh: current.nameZh, previousNameEn: current.nameEn },
        });
      }
      return updated;
    });
  }

  /** Stores computed risk scores (the risk job and the monitoring module call this). */
  async saveRiskScores(manager: EntityManager, scores: { agencyId: string; score: number; factors: RiskFactor[] }[], computedAt: Date): Promise<void> {
    if (scores.length === 0) return;
    await manager.query(
      `UPDATE agencies a SET risk_score = s.score, risk_factors = s.factors, risk_computed_at = $4
         FROM unnest($1::uuid[], $2::numeric[], $3::jsonb[]) AS s(id, score, factors)
        WHERE a.id = s.id`,
      [scores.map((s) => s.agencyId), scores.map((s) => s.score), scores.map((s) => JSON.stringify(s.factors)), computedAt],
    );
  }

  /** An agency's division must be a known city, within the actor's jurisdiction. */
  async checkJurisdiction(actor: Actor, code: string): Promise<void> {
    const jurisdiction = await this.jurisdictions.find(code);
    if (!jurisdiction || jurisdiction.level !== 'city') {
      throw Problems.invalid([{ field: 'jurisdictionCode', message: `${code} is not a known city-level division code` }]);
    }
    if (!coversJurisdiction(actor, code)) {
      throw Problems.forbidden(`${code} is outside your jurisdiction`);
    }
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
