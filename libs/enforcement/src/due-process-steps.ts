import { Injectable } from '@nestjs/common';
import { Actor } from '@app/access';
import { WorkingCalendarService } from '@app/calendar';
import { Clock, Problems } from '@app/core';
import { CaseDocuments, sanctionText } from './case-documents';
import { hearingEligible, HEARING_REQUEST_WORKING_DAYS, REPRESENTATION_WORKING_DAYS } from './case-rules';
import { CaseLicencesService } from './case-licences.service';
import { CaseDetailView, CaseLicencesRequest, CaseStepRequest, HearingRequest, RepresentationsRequest, WaiverRequest, WithdrawRequest } from './cases.dto';
import { CaseRecords } from './case-records';
import { CaseStepRunner } from './case-step-runner';
import { DemeritPointsService } from './demerit-points.service';

/**
 * Due process before the decision: the licences named, the notice served (windows in working
 * days of the working calendar), the agency's representations, hearing and waiver, a withdrawal.
 */
@Injectable()
export class DueProcessSteps {
  constructor(
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendarService,
    private readonly documents: CaseDocuments,
    private readonly points: DemeritPointsService,
    private readonly caseLicences: CaseLicencesService,
    private readonly records: CaseRecords,
    private readonly steps: CaseStepRunner,
  ) {}

  /** The bureau names the licences the case concerns, until the notice names them. */
  async setLicences(actor: Actor, id: string, request: CaseLicencesRequest): Promise<CaseDetailView> {
    return this.steps.run(actor, id, 'licences', request, async (manager, c) => {
      const before = await this.caseLicences.of(manager, id);
      const licences = await this.caseLicences.resolve(manager, actor, c.agencyId, request.licenceIds);
      await this.caseLicences.set(manager, id, licences);
      return { changes: {}, details: { from: before.map((l) => l.licenceNumber), to: licences.map((l) => l.licenceNumber) } };
    });
  }

  /** The bureau serves the notice of intended sanction: windows start, the agency is told, the PDF is kept. */
  async serveNotice(actor: Actor, id: string, request: CaseStepRequest): Promise<CaseDetailView> {
    return this.steps.run(actor, id, 'notice', request, async (manager, c) => {
      const today = this.clock.today();
      const eligible = hearingEligible(c.proposedSanction, c.proposedFineAmount, await this.points.largeAmount(manager, c.jurisdictionCode));
      const changes = {
        noticeServedAt: this.clock.now(),
        representationDueOn: await this.calendar.addWorkingDays(today, REPRESENTATION_WORKING_DAYS),
        hearingEligible: eligible,
        hearingDueOn: eligible ? await this.calendar.addWorkingDays(today, HEARING_REQUEST_WORKING_DAYS) : null,
      };
      return {
        changes,
        after: async (updated) => {
          await this.records.storeDocument(manager, updated, 'notice', await this.documents.notice(updated, await this.records.parties(manager, updated)));
          await this.records.tellAgency(manager, updated, 'case.notice_served', {
            proposedSanction: sanctionText(updated.proposedSanction, updated.proposedFineAmount, updated.proposedSuspensionDays).join(' / '),
            representationDueOn: updated.representationDueOn,
            hearingDueOn: updated.hearingDueOn,
          });
        },
      };
    });
  }

  /** The agency's representations, until the end of the window's last working day. */
  async representations(actor: Actor, id: string, request: RepresentationsRequest): Promise<CaseDetailView> {
    return this.steps.run(actor, id, 'representations', request, async (_manager, c) => {
      this.withinWindow('representation', c.representationDueOn);
      return { changes: { representations: request.text, representationsAt: this.clock.now() }, details: { length: request.text.length } };
    });
  }

  /** The agency asks for a hearing; the bureau records the one held. */
  async hearing(actor: Actor, id: string, request: HearingRequest): Promise<CaseDetailView> {
    if (actor.role === 'agency_user') {
      return this.steps.run(actor, id, 'requestHearing', request, async (_manager, c) => {
        if (!c.hearingEligible) throw Problems.conflict('no-hearing-right', 'The intended sanction gives no right to a hearing');
        this.withinWindow('hearing request', c.hearingDueOn);
        return { changes: { hearingRequestedAt: this.clock.now(), hearingRequestReason: request.reason ?? null } };
      });
    }
    const missing = (['heldOn', 'attendees', 'minutes'] as const).filter((f) => !request[f]).map((field) => ({ field, message: `${field} is required to record a hearing` }));
    if (missing.length > 0) throw Problems.invalid(missing);
    if ((request.heldOn as string) > this.clock.today()) throw Problems.invalid([{ field: 'heldOn', message: 'heldOn must be today or earlier' }]);
    return this.steps.run(actor, id, 'recordHearing', request, async (manager, c) => ({
      changes: { hearingHeldOn: request.heldOn, hearingAttendees: request.attendees, hearingMinutes: request.minutes },
      details: { heldOn: request.heldOn },
      after: async () => {
        await this.records.tellAgency(manager, c, 'case.hearing_recorded', { heldOn: request.heldOn });
      },
    }));
  }

  /** The agency waives its windows in writing: a decision may then be taken at once. */
  async waive(actor: Actor, id: string, request: WaiverRequest): Promise<CaseDetailView> {
    return this.steps.run(actor, id, 'waiver', request, async () => ({ changes: { waivedAt: this.clock.now(), waiverStatement: request.statement } }));
  }

  async withdraw(actor: Actor, id: string, request: WithdrawRequest): Promise<CaseDetailView> {
    return this.steps.run(actor, id, 'withdraw', request, async (manager, c) => ({
      changes: { withdrawnAt: this.clock.now(), withdrawReason: request.reason },
      details: { reason: request.reason },
      after: async (updated) => {
        if (c.status !== 'opened') await this.records.tellAgency(manager, updated, 'case.withdrawn', { reason: request.reason });
      },
    }));
  }

  private withinWindow(what: string, dueOn: string | null): void {
    const today = this.clock.today();
    if (dueOn && today > dueOn) throw Problems.conflict('window-closed', `The ${what} window closed on ${dueOn}`, { closedOn: dueOn });
  }
}
