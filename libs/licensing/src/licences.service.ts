import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AppConfig, byCreation, checkVersion, Clock, fetchView, fetchViews, Page, paginateViews, Problems, RequestContext, updateVersioned } from '@app/core';
import { AuditService } from '@app/audit';
import { Actor, applyScope } from '@app/access';
import { LicenceScopeDto, LicenceQuery, LicenceView, LicenceWithEvents } from './licensing.dto';
import { LICENCE_NAMES } from './licensing-views';
import { LICENCE_TRANSITIONS, LicenceAction, addYears, formatLicenceNumber } from './licence-rules';
import { Licence, LicenceEvent, LicenceEventKind, LicenceType } from './licence.entity';
import { VerificationCache } from './verification-cache';
import { agencyUsccSql, announcePublicChange, PUBLIC_AGENCIES_SQL } from '@app/agencies';
import { NotificationsService } from '@app/notifications';
import { EventsService, EventType } from '@app/events';

export const LICENCE_SCOPE = { jurisdiction: 'l.jurisdiction_code', agency: 'l.agency_id' };

/** Changes the bureau makes to a licence that its agency is told of (a surrender is the agency's own act). */
const AGENCY_TOLD: Partial<Record<LicenceAction, string>> = { suspend: 'licence.suspended', resuspend: 'licence.suspended', revoke: 'licence.revoked', reinstate: 'licence.reinstated', restore: 'licence.reinstated' };

/** The licence events other systems are told of (the feed's types); renewals and variations show on the register. */
const FEED_TYPES: Partial<Record<LicenceEventKind, EventType>> = {
  issued: 'licence.issued',
  suspended: 'licence.suspended',
  reinstated: 'licence.reinstated',
  revoked: 'licence.revoked',
  surrendered: 'licence.surrendered',
  expired: 'licence.expired',
};

/** What the public register shows of a licence, as the feed carries it. */
function publicLicenceData(l: { status: string; licenceType: string; validFrom: string; expiresOn: string; suspendedUntil: string | null }): Record<string, unknown> {
  return { status: l.status, licenceType: l.licenceType, validFrom: l.validFrom, expiresOn: l.expiresOn, suspendedUntil: l.suspendedUntil };
}

export interface NewLicence {
  agencyId: string;
  jurisdictionCode: string;
  licenceType: LicenceType;
  scope: LicenceScopeDto;
  conditions: string | null;
  reserveFundAmount: number | null;
  issuedByBureauId: string;
  bureauCode: string | null;
}

@Injectable()
export class LicencesService {
  constructor(
    @InjectRepository(Licence) private readonly licences: Repository<Licence>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cache: VerificationCache,
    private readonly notifications: NotificationsService,
    private readonly events: EventsService,
  ) {}

  /** One query per page: the names are joined in (LICENCE_NAMES). */
  list(actor: Actor, query: LicenceQuery): Promise<Page<LicenceView>> {
    const qb = applyScope(this.licences.createQueryBuilder('l'), actor, LICENCE_SCOPE);
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    if (query.licenceType) qb.andWhere('l.licence_type = :licenceType', { licenceType: query.licenceType });
    if (query.agencyId) qb.andWhere('l.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.expiringBefore) qb.andWhere('l.expires_on <= :expiringBefore', { expiringBefore: query.expiringBefore });
    if (query.jurisdiction) qb.andWhere('l.jurisdiction_code LIKE :jurisdiction', { jurisdiction: `${query.jurisdiction}%` });
    return paginateViews(qb, query, byCreation('l'), LICENCE_NAMES);
  }

  /** A licence as its readers see it, with agency and issuing bureau by name; 404 out of scope. */
  async view(actor: Actor, id: string): Promise<LicenceView> {
    const licence = await fetchView(applyScope(this.licences.createQueryBuilder('l'), actor, LICENCE_SCOPE).andWhere('l.id = :id', { id }), LICENCE_NAMES);
    if (!licence) throw Problems.notFound('Licence', id);
    return licence;
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<Licence> {
    const licence = await applyScope(manager.createQueryBuilder(Licence, 'l'), actor, LICENCE_SCOPE).andWhere('l.id = :id', { id }).getOne();
    if (!licence) throw Problems.notFound('Licence', id);
    return licence;
  }

  async getWithEvents(actor: Actor, id: string): Promise<LicenceWithEvents> {
    const licence = await this.view(actor, id);
    const events = await this.dataSource.getRepository(LicenceEvent).find({ where: { licenceId: id }, order: { id: 'ASC' } });
    return { ...licence, events };
  }

  /** An agency's licences with their events, in two queries (the agency profile). */
  async ofAgency(agencyId: string): Promise<LicenceWithEvents[]> {
    const licences = await fetchViews(this.licences.createQueryBuilder('l').where('l.agency_id = :agencyId', { agencyId }).orderBy('l.created_at', 'DESC'), LICENCE_NAMES);
    if (licences.length === 0) return [];
    const events = await this.dataSource.getRepository(LicenceEvent).find({ where: { licenceId: In(licences.map((l) => l.id)) }, order: { id: 'ASC' } });
    return licences.map((l) => ({ ...l, events: events.filter((e) => e.licenceId === l.id) }));
  }

  /** The agency's licences in force (active or suspended), by number: what a case concerns when none is named. */
  inForce(manager: EntityManager, agencyId: string): Promise<Licence[]> {
    return manager.find(Licence, { where: { agencyId, status: In(['active', 'suspended']) }, order: { licenceNumber: 'ASC' } });
  }

  findByNumber(licenceNumber: string): Promise<Licence | null> {
    return this.licences.findOneBy({ licenceNumber });
  }

  /**
   * Moves a licence along the lifecycle. The UPDATE names the version and status it read, so of
   * two officers acting at once exactly one wins and the other gets a 409.
   */
  async transition(actor: Actor, id: string, action: LicenceAction, reason: string, options: { version?: number; until?: string } = {}): Promise<LicenceView> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const licence = await this.get(actor, id, manager);
      return this.applyTransition(manager, licence, action, reason, options);
    });
    // Other processes hear the NOTIFY; this one need not wait for it.
    this.cache.evict([updated.licenceNumber]);
    return this.view(actor, id);
  }

  /** The same, inside the caller's transaction (a sanction decision of an inspection). */
  async applyTransition(manager: EntityManager, licence: Licence, action: LicenceAction, reason: string, options: { version?: number; until?: string; details?: Record<string, unknown> } = {}): Promise<Licence> {
    const rule = LICENCE_TRANSITIONS[action];
    if (!rule.from.includes(licence.status)) throw Problems.illegalTransition('Licence', licence.status, rule.to);
    checkVersion(licence, options.version, 'Licence');
    if (options.until && options.until < this.clock.today()) {
      throw Problems.invalid([{ field: 'until', message: 'until must be today or later' }]);
    }
    await updateVersioned(manager, Licence, licence, { status: rule.to, suspendedUntil: rule.to === 'suspended' ? (options.until ?? null) : null }, 'Licence', {
      sql: 'status = :status',
      parameters: { status: licence.status },
    });
    const updated = await manager.findOneByOrFail(Licence, { id: licence.id });
    await announcePublicChange(manager, [licence.licenceNumber]);
    const event = await this.recordEvent(manager, updated, rule.event, licence.status, reason, { ...(options.until ? { until: options.until } : {}), ...options.details });
    await this.audit.record(manager, { action: `licence.${action}`, entityType: 'licence', entityId: licence.id, before: licence, after: updated });
    const kind = AGENCY_TOLD[action];
    if (kind) {
      await this.notifications.notifyAgency(manager, {
        kind,
        agencyId: licence.agencyId,
        dedupKey: `${kind}:${licence.id}:${event.id}`,
        payload: { licenceId: licence.id, licenceNumber: licence.licenceNumber, reason, until: updated.suspendedUntil, at: event.occurredAt },
      });
    }
    return updated;
  }

  /** Issues a licence for an approved application: next number of the bureau's year, validity by type. */
  async issue(manager: EntityManager, request: NewLicence): Promise<Licence> {
    const today = this.clock.today();
    const year = Number(today.slice(0, 4));
    const bureauCode = request.bureauCode ?? '000000';
    // The sequence row is locked by the upsert until commit: concurrent approvals queue for the
    // next number instead of colliding; a rolled-back approval gives its number back.
    const [{ last_value: sequence }] = (await manager.query(
      `INSERT INTO licence_number_sequences (bureau_code, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (bureau_code, year) DO UPDATE SET last_value = licence_number_sequences.last_value + 1
       RETURNING last_value`,
      [bureauCode, year],
    )) as { last_value: number }[];
    const licence = await manager.save(
      manager.create(Licence, {
        licenceNumber: formatLicenceNumber(request.bureauCode, year, sequence),
        agencyId: request.agencyId,
        jurisdictionCode: request.jurisdictionCode,
        licenceType: request.licenceType,
        scope: { activities: request.scope.activities, destinationCountries: request.scope.destinationCountries },
        issuedByBureauId: request.issuedByBureauId,
        status: 'active',
        validFrom: today,
        expiresOn: addYears(today, this.validityYears(request.licenceType)),
        term: 1,
        conditions: request.conditions,
        reserveFundAmount: request.reserveFundAmount,
      }),
    );
    await announcePublicChange(manager, [licence.licenceNumber, await this.usccOf(manager, licence.agencyId)]);
    await this.recordEvent(manager, licence, 'issued', null, null, { licenceNumber: licence.licenceNumber });
    await this.audit.record(manager, { action: 'licence.issue', entityType: 'licence', entityId: licence.id, after: licence });
    return licence;
  }

  /** Extends an active licence by its type's validity; the renewed licence starts a new term. */
  async renew(manager: EntityManager, licence: Licence, applicationId: string): Promise<Licence> {
    if (licence.status !== 'active') throw Problems.illegalTransition('Licence', licence.status, 'renewed');
    const expiresOn = addYears(licence.expiresOn, this.validityYears(licence.licenceType));
    await updateVersioned(manager, Licence, licence, { expiresOn, term: () => 'term + 1' }, 'Licence');
    const updated = await manager.findOneByOrFail(Licence, { id: licence.id });
    await announcePublicChange(manager, [licence.licenceNumber]);
    await this.recordEvent(manager, updated, 'renewed', licence.status, null, { previousExpiresOn: licence.expiresOn, expiresOn, applicationId });
    await this.audit.record(manager, { action: 'licence.renew', entityType: 'licence', entityId: licence.id, before: licence, after: updated });
    return updated;
  }

  /** Changes scope or conditions of a licence in force. */
  async vary(manager: EntityManager, licence: Licence, change: { scope?: LicenceScopeDto; conditions?: string | null; reserveFundAmount?: number | null }, applicationId: string): Promise<Licence> {
    if (licence.status !== 'active' && licence.status !== 'suspended') throw Problems.illegalTransition('Licence', licence.status, 'varied');
    await updateVersioned(
      manager,
      Licence,
      licence,
      {
        ...(change.scope ? { scope: { activities: change.scope.activities, destinationCountries: change.scope.destinationCountries } } : {}),
        ...(change.conditions !== undefined ? { conditions: change.conditions } : {}),
        ...(change.reserveFundAmount !== undefined ? { reserveFundAmount: change.reserveFundAmount } : {}),
      },
      'Licence',
    );
    const updated = await manager.findOneByOrFail(Licence, { id: licence.id });
    await announcePublicChange(manager, [licence.licenceNumber]);
    await this.recordEvent(manager, updated, 'varied', licence.status, null, { applicationId, before: { scope: licence.scope, conditions: licence.conditions } });
    await this.audit.record(manager, { action: 'licence.vary', entityType: 'licence', entityId: licence.id, before: licence, after: updated });
    return updated;
  }

  /**
   * Expires, in one statement, every active licence whose last valid day is before today (an
   * approved renewal has already moved its expiry). Returns the expired licences.
   */
  async expireDue(manager: EntityManager): Promise<{ id: string; agencyId: string; licenceNumber: string; issuedByBureauId: string }[]> {
    const rows = (await manager.query(
      `WITH expired AS (
         UPDATE licences SET status = 'expired', version = version + 1, updated_at = now()
          WHERE status = 'active' AND expires_on < $1
          RETURNING id, agency_id, licence_number, issued_by_bureau_id, expires_on, licence_type, valid_from
       ), events AS (
         INSERT INTO licence_events (licence_id, kind, from_status, to_status, reason, details, actor_username)
         SELECT id, 'expired', 'active', 'expired', 'Validity ended without an approved renewal', jsonb_build_object('expiresOn', expires_on), 'system'
           FROM expired
       )
       SELECT e.id, e.agency_id AS "agencyId", e.licence_number AS "licenceNumber", e.issued_by_bureau_id AS "issuedByBureauId",
              a.uscc, e.licence_type AS "licenceType", e.valid_from::text AS "validFrom", e.expires_on::text AS "expiresOn"
         FROM expired e JOIN ${PUBLIC_AGENCIES_SQL} a ON a.id = e.agency_id`,
      [this.clock.today()],
    )) as { id: string; agencyId: string; licenceNumber: string; issuedByBureauId: string; uscc: string; licenceType: string; validFrom: string; expiresOn: string }[];
    if (rows.length > 0) {
      const now = this.clock.now();
      await this.events.appendMany(
        manager,
        rows.map((r) => ({ type: 'licence.expired' as const, occurredAt: now, subject: { agencyUscc: r.uscc, licenceNumber: r.licenceNumber }, data: publicLicenceData({ ...r, status: 'expired', suspendedUntil: null }) })),
      );
      await announcePublicChange(manager, rows.length > 100 ? ['*'] : rows.map((r) => r.licenceNumber));
      await this.audit.record(manager, { action: 'licence.expire', entityType: 'licence', after: { count: rows.length, licenceNumbers: rows.slice(0, 1000).map((r) => r.licenceNumber) } });
    }
    return rows.map(({ id, agencyId, licenceNumber, issuedByBureauId }) => ({ id, agencyId, licenceNumber, issuedByBureauId }));
  }

  private async usccOf(manager: EntityManager, agencyId: string): Promise<string> {
    const [{ uscc }] = (await manager.query(`SELECT ${agencyUsccSql('$1')} AS uscc`, [agencyId])) as { uscc: string }[];
    return uscc;
  }

  validityYears(type: LicenceType): number {
    switch (type) {
      case 'human_resources_service':
        return this.config.get('LICENCE_VALIDITY_YEARS_HUMAN_RESOURCES_SERVICE');
      case 'overseas_employment':
        return this.config.get('LICENCE_VALIDITY_YEARS_OVERSEAS_EMPLOYMENT');
      case 'labour_service_cooperation':
        return this.config.get('LICENCE_VALIDITY_YEARS_LABOUR_SERVICE_COOPERATION');
    }
  }

  private async recordEvent(manager: EntityManager, licence: Licence, kind: LicenceEventKind, fromStatus: string | null, reason: string | null, details: Record<string, unknown> = {}): Promise<LicenceEvent> {
    const actor = RequestContext.current()?.actor;
    const type = FEED_TYPES[kind];
    if (type) {
      await this.events.append(manager, { type, occurredAt: this.clock.now(), subject: { agencyUscc: await this.usccOf(manager, licence.agencyId), licenceNumber: licence.licenceNumber }, data: publicLicenceData(licence) });
    }
    return manager.save(
      manager.create(LicenceEvent, {
      licenceId: licence.id,
      kind,
      fromStatus,
      toStatus: licence.status,
      reason,
      details: Object.keys(details).length ? details : null,
      actorId: actor?.userId ?? null,
      actorUsername: actor?.username ?? 'system',
      occurredAt: this.clock.now(),
    }),
    );
  }
}
