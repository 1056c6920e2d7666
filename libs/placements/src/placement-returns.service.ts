import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@app/access';
import { AgenciesService } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Clock, Problems } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { Placement } from './placement.entity';
import { RecordReturnRequest } from './placements.dto';
import { PlacementRecordView } from './placement-views.dto';
import { PlacementsService } from './placements.service';
import { auditable } from './placement-filing.service';

/**
 * The worker's return. A return for abuse asks the bureaus covering the agency (RecipientsPolicy:
 * the city's and the province's) to open a complaint or an inspection, and counts in the agency's
 * risk score (placement-risk-source.ts).
 */
@Injectable()
export class PlacementReturnsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: PlacementsService,
    private readonly agencies: AgenciesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async recordReturn(actor: Actor, id: string, request: RecordReturnRequest): Promise<PlacementRecordView> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.placements.get(actor, id, manager);
      if (before.status !== 'filed') throw Problems.illegalTransition('Placement', before.status, 'returned');
      if (request.returnedOn > this.clock.today()) throw Problems.invalid([{ field: 'returnedOn', message: 'returnedOn cannot be after today' }]);
      if (request.returnedOn < before.departureDate) throw Problems.invalid([{ field: 'returnedOn', message: 'returnedOn cannot be before the departure date' }]);
      const result = await manager.query(
        `UPDATE placements SET status = 'returned', returned_on = $2, return_reason = $3, return_note = $4, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $5 AND status = 'filed'`,
        [id, request.returnedOn, request.reason, request.note ?? null, request.version],
      );
      if ((result as [unknown, number])[1] === 0) throw Problems.staleVersion('Placement', before.version);
      const after = await manager.findOneByOrFail(Placement, { id });
      await this.audit.record(manager, { action: 'placement.return', entityType: 'placement', entityId: id, before: auditable(before), after: auditable(after) });
      if (request.reason === 'abuse') {
        const [agency] = await this.agencies.findByIds([before.agencyId], manager);
        await this.notifications.notifyResponsible(manager, {
          kind: 'placement.abuse_reported',
          dedupKey: `placement.abuse_reported:${id}`,
          jurisdictionCode: before.jurisdictionCode,
          payload: {
            placementId: id,
            checkCode: before.checkCode,
            agencyId: before.agencyId,
            agencyNameZh: agency?.nameZh ?? '',
            agencyNameEn: agency?.nameEn ?? null,
            destinationCountry: before.destinationCountry,
            employerName: before.employerName,
            returnedOn: request.returnedOn,
          },
        });
      }
    });
    return this.placements.view(actor, id);
  }
}
