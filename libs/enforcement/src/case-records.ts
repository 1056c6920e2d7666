import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AgenciesService, announcePublicChange } from '@app/agencies';
import { Clock, RequestContext } from '@app/core';
import { Licence } from '@app/licensing';
import { NotificationsService } from '@app/notifications';
import { CaseDocument, CaseDocumentKind, CaseEvent, CaseGround, EnforcementCase } from './case.entity';
import { CaseParties } from './case-documents';
import { CaseLicencesService } from './case-licences.service';
import { groundLabel } from './case-grounds';
import { caseFileStem } from './case-numbers';

/** What a case's steps write beside the case row: its events, its documents, the agency's notices, the public list's change. */
@Injectable()
export class CaseRecords {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly caseLicences: CaseLicencesService,
  ) {}

  async storeDocument(manager: EntityManager, c: EnforcementCase, kind: CaseDocumentKind, content: Buffer): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseDocument)
      .values({ caseId: c.id, kind, fileName: `${caseFileStem(c.caseNumberEn ?? c.caseNumber)}-${kind}.pdf`, content })
      .orIgnore()
      .execute();
  }

  async parties(manager: EntityManager, c: EnforcementCase): Promise<CaseParties> {
    const [agency] = await this.agencies.findByIds([c.agencyId], manager);
    const numbers = (await this.caseLicences.of(manager, c.id)).map((l) => l.licenceNumber);
    const grounds = await manager.find(CaseGround, { where: { caseId: c.id } });
    return {
      agencyNameZh: agency.nameZh,
      agencyNameEn: agency.nameEn,
      uscc: agency.uscc,
      licenceNumbers: numbers,
      grounds: grounds.map((g) => groundLabel(g.kind, g.params, g.note === null ? null : { zh: g.note, en: g.noteEn ?? g.note })),
    };
  }

  async tellAgency(manager: EntityManager, c: EnforcementCase, kind: string, payload: Record<string, unknown>): Promise<void> {
    await this.notifications.notifyAgency(manager, { kind, agencyId: c.agencyId, dedupKey: `${kind}:${c.id}:${c.version}`, payload: { caseId: c.id, caseNumber: c.caseNumber, caseNumberEn: c.caseNumberEn ?? c.caseNumber, ...payload } });
  }

  /** The public list of sanctions and the agency's public entry change at once (every process hears it at commit). */
  async announce(manager: EntityManager, c: EnforcementCase): Promise<void> {
    const [agency] = await this.agencies.findByIds([c.agencyId], manager);
    const numbers = c.sanctionedLicenceIds.length
      ? ((await manager.find(Licence, { where: { id: In(c.sanctionedLicenceIds) } })) as Licence[]).map((l) => l.licenceNumber)
      : [];
    await announcePublicChange(manager, ['sanctions', agency.uscc, ...numbers]);
  }

  async event(manager: EntityManager, c: Pick<EnforcementCase, 'id' | 'status'>, kind: string, fromStatus: string | null, details: Record<string, unknown> | null): Promise<void> {
    const actor = RequestContext.current()?.actor;
    await manager.insert(CaseEvent, {
      caseId: c.id,
      kind,
      fromStatus,
      toStatus: c.status,
      // jsonb: TypeORM's deep-partial type does not take a plain record.
      details: details as never,
      actorId: actor?.userId ?? null,
      actorUsername: actor?.username ?? 'system',
      occurredAt: this.clock.now(),
    });
  }
}
