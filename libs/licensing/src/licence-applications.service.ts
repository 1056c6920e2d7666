import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AgenciesService } from '@app/agencies';
import { addDays, byCreation, checkVersion, Clock, countByStatus, fetchView, Page, paginateViews, Problems, StatusCountsView, statusCountsView, updateVersioned } from '@app/core';
import { AuditService } from '@app/audit';
import { Actor, applyScope } from '@app/access';
import { Bureau, BureausService } from '@app/jurisdictions';
import { NotificationsService } from '@app/notifications';
import { APPLICATION_STATUSES, ApplicationStatus, LicenceApplication } from './licence-application.entity';
import { ApplicationQuery, ApplicationView, CreateApplicationRequest, DecisionRequest, ResubmitApplicationRequest } from './licensing.dto';
import { APPLICATION_NAMES } from './licensing-views';
import { RENEWAL_WINDOW_DAYS } from './licence-rules';
import { Licence } from './licence.entity';
import { LicencesService } from './licences.service';
import { VerificationCache } from './verification-cache';
import { LicenceApprovalHooks } from './licence-approval-hooks';

const APPLICATION_SCOPE = { jurisdiction: 'app.jurisdiction_code', agency: 'app.agency_id' };
const OPEN_FOR_DECISION: ApplicationStatus[] = ['submitted', 'under_review', 'resubmitted'];

/**
 * Licence applications: an agency (or a bureau for it) applies; the bureau reviews and decides.
 * submitted → under_review → approved | refused | returned; returned → resubmitted → ...
 */
@Injectable()
export class LicenceApplicationsService {
  constructor(
    @InjectRepository(LicenceApplication) private readonly applications: Repository<LicenceApplication>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly licences: LicencesService,
    private readonly bureaus: BureausService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cache: VerificationCache,
    private readonly notifications: NotificationsService,
    private readonly approvalHooks: LicenceApprovalHooks,
  ) {}

  /** One query per page: the names are joined in (APPLICATION_NAMES). */
  async counts(actor: Actor): Promise<StatusCountsView> {
    return statusCountsView(await countByStatus(applyScope(this.applications.createQueryBuilder('app'), actor, APPLICATION_SCOPE), 'app.status', APPLICATION_STATUSES));
  }

  list(actor: Actor, query: ApplicationQuery): Promise<Page<ApplicationView>> {
    const qb = applyScope(this.applications.createQueryBuilder('app'), actor, APPLICATION_SCOPE);
    if (query.status) qb.andWhere('app.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('app.kind = :kind', { kind: query.kind });
    if (query.agencyId) qb.andWhere('app.agency_id = :agencyId', { agencyId: query.agencyId });
    return paginateViews(qb, query, byCreation('app'), APPLICATION_NAMES);
  }

  /** An application with its agency and licence by name; 404 out of scope. */
  async view(actor: Actor, id: string): Promise<ApplicationView> {
    const application = await fetchView(applyScope(this.applications.createQueryBuilder('app'), actor, APPLICATION_SCOPE).andWhere('app.id = :id', { id }), APPLICATION_NAMES);
    if (!application) throw Problems.notFound('Licence application', id);
    return application;
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<LicenceApplication> {
    const application = await applyScope(manager.createQueryBuilder(LicenceApplication, 'app'), actor, APPLICATION_SCOPE)
      .andWhere('app.id = :id', { id })
      .getOne();
    if (!application) throw Problems.notFound('Licence application', id);
    return application;
  }

  async create(actor: Actor, request: CreateApplicationRequest): Promise<ApplicationView> {
    const agencyId = actor.role === 'agency_user' ? actor.agencyId : request.agencyId;
    if (!agencyId) throw Problems.invalid([{ field: 'agencyId', message: 'agencyId is required' }]);
    if (actor.role === 'agency_user' && request.agencyId && request.agencyId !== actor.agencyId) {
      throw Problems.notFound('Agency', request.agencyId);
    }
    const agency = await this.agencies.get(actor, agencyId);
    const details = await this.checkRequest(actor, request, agency.id);
    const procedure = request.procedure ?? 'standard';
    if (procedure === 'commitment' && request.kind !== 'new') throw Problems.invalid([{ field: 'procedure', message: 'only a new licence may be applied for on commitment' }]);
    if (procedure === 'commitment' && !request.commitment) throw Problems.invalid([{ field: 'commitment', message: 'the signed commitment is required with procedure commitment' }]);
    if (procedure === 'standard' && request.commitment) throw Problems.invalid([{ field: 'commitment', message: 'a signed commitment goes with procedure commitment' }]);
    const created = await this.dataSource.transaction(async (manager) => {
      const application = await manager.save(
        manager.create(LicenceApplication, {
          agencyId: agency.id,
          jurisdictionCode: agency.jurisdictionCode,
          kind: request.kind,
          licenceType: details.licenceType,
          licenceId: details.licence?.id ?? null,
          requestedScope: details.scope,
          requestedConditions: request.conditions ?? null,
          reserveFundAmount: request.reserveFundAmount ?? null,
          note: request.note ?? null,
          procedure,
          commitment: request.commitment ? { signatory: request.commitment.signatory, statement: request.commitment.statement, signedOn: request.commitment.signedOn } : null,
          status: 'submitted',
          submittedBy: actor.userId,
        }),
      );
      await this.audit.record(manager, { action: 'licence_application.submit', entityType: 'licence_application', entityId: application.id, after: application });
      return application;
    });
    return this.view(actor, created.id);
  }

  async startReview(actor: Actor, id: string, version?: number): Promise<ApplicationView> {
    return this.move(actor, id, ['submitted', 'resubmitted'], 'under_review', version, 'licence_application.review');
  }

  async resubmit(actor: Actor, id: string, request: ResubmitApplicationRequest): Promise<ApplicationView> {
    return this.move(actor, id, ['returned'], 'resubmitted', request.version, 'licence_application.resubmit', {
      ...(request.scope ? { requestedScope: { activities: request.scope.activities, destinationCountries: request.scope.destinationCountries } } : {}),
      ...(request.conditions !== undefined ? { requestedConditions: request.conditions } : {}),
      ...(request.reserveFundAmount !== undefined ? { reserveFundAmount: request.reserveFundAmount } : {}),
      ...(request.note !== undefined ? { note: request.note } : {}),
    });
  }

  /** Approve (issuing, renewing or varying the licence in the same transaction), refuse or return. */
  async decide(actor: Actor, id: string, request: DecisionRequest): Promise<ApplicationView> {
    if (request.decision !== 'approve' && !request.reason) {
      throw Problems.invalid([{ field: 'reason', message: `a reason is required to ${request.decision}` }]);
    }
    // Read before the transaction: a transaction must not wait for a second pool connection.
    const bureau = actor.bureauId ? await this.bureaus.findById(actor.bureauId) : null;
    const decided = await this.dataSource.transaction(async (manager) => {
      const application = await this.get(actor, id, manager);
      checkVersion(application, request.version, 'Licence application');
      const to: ApplicationStatus = request.decision === 'approve' ? 'approved' : request.decision === 'refuse' ? 'refused' : 'returned';
      if (!OPEN_FOR_DECISION.includes(application.status)) throw Problems.illegalTransition('Licence application', application.status, to);
      await updateVersioned(manager, LicenceApplication, application, { status: to, decisionReason: request.reason ?? null, decidedBy: actor.userId, decidedAt: this.clock.now() }, 'Licence application');
      const licence = to === 'approved' ? await this.carryOut(manager, bureau, application) : null;
      if (licence) await manager.update(LicenceApplication, { id }, { resultingLicenceId: licence.id });
      if (licence && application.kind === 'new') await this.approvalHooks.run(manager, { application, licence, actor });
      const decided = await manager.findOneByOrFail(LicenceApplication, { id });
      await this.audit.record(manager, { action: `licence_application.${request.decision}`, entityType: 'licence_application', entityId: id, before: application, after: decided });
      await this.notifications.notifyAgency(manager, {
        kind: `licence_application.${to}`,
        agencyId: application.agencyId,
        dedupKey: `licence_application.${to}:${id}:${decided.version}`,
        payload: {
          applicationId: id,
          applicationKind: application.kind,
          licenceType: application.licenceType,
          submittedAt: application.createdAt,
          reason: request.reason ?? null,
          licenceId: licence?.id ?? null,
          licenceNumber: licence?.licenceNumber ?? null,
          expiresOn: licence?.expiresOn ?? null,
        },
      });
      return decided;
    });
    // Approvals are rare: forgetting this process's cached answers is simpler than finding the agency's.
    if (decided.status === 'approved') this.cache.evict(['*']);
    return this.view(actor, id);
  }

  /** Issues, renews or varies the licence; answers it as it now is. */
  private async carryOut(manager: EntityManager, bureau: Bureau | null, application: LicenceApplication): Promise<Licence> {
    if (application.kind === 'new') {
      await this.refuseSecondLicence(manager, application.agencyId, application.licenceType);
      if (!bureau) throw Problems.forbidden('Only a bureau can issue licences');
      const licence = await this.licences.issue(manager, {
        agencyId: application.agencyId,
        jurisdictionCode: application.jurisdictionCode,
        licenceType: application.licenceType,
        scope: application.requestedScope,
        conditions: application.requestedConditions,
        reserveFundAmount: application.reserveFundAmount,
        issuedByBureauId: bureau.id,
        bureauCode: bureau.jurisdictionCode,
      });
      return licence;
    }
    const licence = await manager.findOneByOrFail(Licence, { id: application.licenceId as string });
    if (application.kind === 'renewal') {
      this.checkRenewalWindow(licence);
      return this.licences.renew(manager, licence, application.id);
    }
    return this.licences.vary(manager, licence, { scope: application.requestedScope, conditions: application.requestedConditions, reserveFundAmount: application.reserveFundAmount }, application.id);
  }

  private async move(actor: Actor, id: string, from: ApplicationStatus[], to: ApplicationStatus, version: number | undefined, action: string, changes: Partial<LicenceApplication> = {}): Promise<ApplicationView> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.get(actor, id, manager);
      if (!from.includes(application.status)) throw Problems.illegalTransition('Licence application', application.status, to);
      checkVersion(application, version, 'Licence application');
      await updateVersioned(manager, LicenceApplication, application, { ...changes, status: to }, 'Licence application');
      const moved = await manager.findOneByOrFail(LicenceApplication, { id });
      await this.audit.record(manager, { action, entityType: 'licence_application', entityId: id, before: application, after: moved });
    });
    return this.view(actor, id);
  }

  /** Checks what the application asks for; returns the licence type, scope and (renewal/variation) licence. */
  private async checkRequest(actor: Actor, request: CreateApplicationRequest, agencyId: string) {
    if (request.kind === 'new') {
      if (!request.licenceType) throw Problems.invalid([{ field: 'licenceType', message: 'licenceType is required for a new licence' }]);
      if (request.licenceId) throw Problems.invalid([{ field: 'licenceId', message: 'a new licence application names no licence' }]);
      if (!request.scope) throw Problems.invalid([{ field: 'scope', message: 'scope is required for a new licence' }]);
      this.checkTypeRules(request.licenceType, request.scope.destinationCountries, request.reserveFundAmount);
      await this.refuseSecondLicence(this.dataSource.manager, agencyId, request.licenceType);
      return { licenceType: request.licenceType, scope: request.scope, licence: null };
    }
    if (!request.licenceId) throw Problems.invalid([{ field: 'licenceId', message: `licenceId is required for a ${request.kind}` }]);
    const licence = await this.licences.get(actor, request.licenceId);
    if (licence.agencyId !== agencyId) throw Problems.invalid([{ field: 'licenceId', message: 'the licence belongs to another agency' }]);
    if (request.kind === 'renewal') {
      if (licence.status !== 'active') throw Problems.illegalTransition('Licence', licence.status, 'renewed');
      this.checkRenewalWindow(licence);
      return { licenceType: licence.licenceType, scope: request.scope ?? licence.scope, licence };
    }
    if (licence.status !== 'active' && licence.status !== 'suspended') throw Problems.illegalTransition('Licence', licence.status, 'varied');
    if (!request.scope && request.conditions === undefined) {
      throw Problems.invalid([{ field: 'scope', message: 'a variation changes the scope or the conditions' }]);
    }
    const scope = request.scope ?? licence.scope;
    this.checkTypeRules(licence.licenceType, scope.destinationCountries, request.reserveFundAmount ?? licence.reserveFundAmount ?? undefined);
    return { licenceType: licence.licenceType, scope, licence };
  }

  private checkTypeRules(type: string, destinations: string[], reserveFund: number | undefined): void {
    if (type !== 'human_resources_service' && destinations.length === 0) {
      throw Problems.invalid([{ field: 'scope.destinationCountries', message: 'placement abroad names at least one destination country' }]);
    }
    if (type === 'labour_service_cooperation' && !(reserveFund && reserveFund > 0)) {
      throw Problems.invalid([{ field: 'reserveFundAmount', message: 'labour service cooperation requires a reserve fund' }]);
    }
  }

  private checkRenewalWindow(licence: Licence): void {
    const today = this.clock.today();
    const opens = addDays(licence.expiresOn, -RENEWAL_WINDOW_DAYS);
    if (today < opens || today > licence.expiresOn) {
      throw Problems.conflict('renewal-window', `A renewal can be filed from ${opens} until ${licence.expiresOn}; today is ${today}`, { opensOn: opens, expiresOn: licence.expiresOn });
    }
  }

  private async refuseSecondLicence(manager: EntityManager, agencyId: string, licenceType: string): Promise<void> {
    const existing = await manager.findOne(Licence, { where: [{ agencyId, licenceType: licenceType as Licence['licenceType'], status: 'active' }, { agencyId, licenceType: licenceType as Licence['licenceType'], status: 'suspended' }] });
    if (existing) {
      throw Problems.conflict('licence-exists', `The agency already holds licence ${existing.licenceNumber} of this type (${existing.status}); apply for a renewal or variation instead`);
    }
  }
}
