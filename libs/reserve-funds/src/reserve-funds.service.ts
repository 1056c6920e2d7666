import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AgenciesService, Agency } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Actor } from '@app/access';
import { WorkingCalendarService } from '@app/calendar';
import { ComplaintsService } from '@app/complaints';
import { Clock, Problems } from '@app/core';
import { LicencesService } from '@app/licensing';
import { NotificationsService } from '@app/notifications';
import { ReserveFundEntry, ReserveFundTopUp } from './reserve-fund.entity';
import { CreateReserveFundEntryRequest, ReserveFundView, TopUpView } from './reserve-funds.dto';

/** The required reserve fund when the licence names none: ¥3,000,000, in fen. */
export const DEFAULT_RESERVE_FUND_FEN = 300_000_000;
/** Working days an agency has to make a shortfall good. */
export const TOP_UP_WORKING_DAYS = 20;

/** A top-up recorded overdue, for enforcement to open its case from. */
export interface OverdueTopUp {
  id: string;
  agencyId: string;
  jurisdictionCode: string;
  dueOn: string;
  overdueAt: Date;
}

/**
 * The reserve-fund ledger of labour service cooperation agencies. An entry updates the agency's
 * account row and is appended in one transaction: the row lock orders concurrent entries, so the
 * balance after each is exact. A balance below the required amount starts a top-up deadline of
 * 20 working days (at most one running); a balance back at or above it ends it.
 */
@Injectable()
export class ReserveFundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly licences: LicencesService,
    private readonly complaints: ComplaintsService,
    private readonly calendar: WorkingCalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async view(actor: Actor, agencyId: string): Promise<ReserveFundView> {
    const agency = await this.agencies.get(actor, agencyId);
    const [required, balance, entries, topUps] = await Promise.all([
      this.required(agency.id),
      this.dataSource.query(`SELECT balance_fen::text AS balance FROM reserve_fund_accounts WHERE agency_id = $1`, [agency.id]) as Promise<{ balance: string }[]>,
      this.dataSource.getRepository(ReserveFundEntry).find({ where: { agencyId: agency.id }, order: { sequence: 'DESC' }, take: 500 }),
      this.dataSource.getRepository(ReserveFundTopUp).find({ where: { agencyId: agency.id }, order: { createdAt: 'DESC' }, take: 50 }),
    ]);
    const balanceFen = balance.length ? Number(balance[0].balance) : 0;
    const open = topUps.find((t) => t.metOn === null) ?? null;
    return {
      agencyId: agency.id,
      agencyNameZh: agency.nameZh,
      agencyNameEn: agency.nameEn ?? null,
      balanceFen,
      requiredFen: required.fen,
      licenceNumber: required.licenceNumber,
      shortfallFen: Math.max(0, required.fen - balanceFen),
      topUp: open ? topUpView(open) : null,
      pastTopUps: topUps.filter((t) => t.metOn !== null).map(topUpView),
      entries: entries.map((e) => ({ ...e })),
    };
  }

  /** Appends a deposit or a draw; a draw never takes the balance below zero. */
  async addEntry(actor: Actor, agencyId: string, request: CreateReserveFundEntryRequest): Promise<ReserveFundView> {
    const agency = await this.agencies.get(actor, agencyId);
    const today = this.clock.today();
    if (request.occurredOn > today) throw Problems.invalid([{ field: 'occurredOn', message: 'occurredOn cannot be after today' }]);
    const required = await this.required(agency.id);
    if (agency.agencyType !== 'labour_service_cooperation' && !required.licenceNumber) {
      throw Problems.conflict('no-reserve-fund', 'Only labour service cooperation agencies keep a reserve fund');
    }
    if (request.complaintId) {
      if (request.kind !== 'draw') throw Problems.invalid([{ field: 'complaintId', message: 'only a draw names the complaint it paid' }]);
      const complaint = await this.complaints.get(actor, request.complaintId).catch(() => null);
      if (!complaint || complaint.agencyId !== agency.id) throw Problems.invalid([{ field: 'complaintId', message: 'the complaint must be one about this agency' }]);
    }
    // Read before the transaction: a transaction must not wait for a second pool connection.
    const topUpDue = await this.calendar.addWorkingDays(today, TOP_UP_WORKING_DAYS);
    await this.dataSource.transaction(async (manager) => {
      if (request.correctsEntryId) {
        const corrected = await manager.findOneBy(ReserveFundEntry, { id: request.correctsEntryId, agencyId: agency.id });
        if (!corrected) throw Problems.invalid([{ field: 'correctsEntryId', message: 'the corrected entry must be one of this ledger' }]);
      }
      const entry = await this.append(manager, agency, request, actor);
      await this.audit.record(manager, { action: `reserve_fund.${request.kind}`, entityType: 'reserve_fund', entityId: agency.id, after: entry });
      await this.followBalance(manager, agency, entry.balanceAfterFen, required.fen, today, topUpDue);
    });
    return this.view(actor, agency.id);
  }

  /** Top-ups past their due date, recorded overdue (for enforcement). */
  async overdueTopUps(): Promise<OverdueTopUp[]> {
    return (await this.dataSource.getRepository(ReserveFundTopUp).find({ where: { metOn: IsNull(), overdueAt: Not(IsNull()) }, order: { dueOn: 'ASC' } })).map((t) => ({
      id: t.id,
      agencyId: t.agencyId,
      jurisdictionCode: t.jurisdictionCode,
      dueOn: t.dueOn,
      overdueAt: t.overdueAt as Date,
    }));
  }

  private async append(manager: EntityManager, agency: Agency, request: CreateReserveFundEntryRequest, actor: Actor): Promise<ReserveFundEntry> {
    await manager.query(`INSERT INTO reserve_fund_accounts (agency_id, jurisdiction_code) VALUES ($1, $2) ON CONFLICT (agency_id) DO NOTHING`, [agency.id, agency.jurisdictionCode]);
    const delta = request.kind === 'deposit' ? request.amount : -request.amount;
    const [rows] = (await manager.query(
      `UPDATE reserve_fund_accounts SET balance_fen = balance_fen + $2, entry_count = entry_count + 1, updated_at = now()
        WHERE agency_id = $1 AND balance_fen + $2 >= 0
        RETURNING balance_fen::text AS balance, entry_count AS sequence`,
      [agency.id, delta],
    )) as [{ balance: string; sequence: number }[], number];
    if (rows.length === 0) {
      const [{ balance }] = (await manager.query(`SELECT balance_fen::text AS balance FROM reserve_fund_accounts WHERE agency_id = $1`, [agency.id])) as { balance: string }[];
      throw Problems.conflict('reserve-fund-insufficient', `A draw of ${request.amount} fen exceeds the balance of ${balance} fen`, { balanceFen: Number(balance) });
    }
    return manager.save(
      manager.create(ReserveFundEntry, {
        agencyId: agency.id,
        sequence: rows[0].sequence,
        kind: request.kind,
        amountFen: request.amount,
        balanceAfterFen: Number(rows[0].balance),
        occurredOn: request.occurredOn,
        evidence: request.evidence,
        reason: request.reason,
        complaintId: request.complaintId ?? null,
        correctsEntryId: request.correctsEntryId ?? null,
        recordedBy: actor.userId,
        recordedByUsername: actor.username,
      }),
    );
  }

  /** Starts a top-up when the balance falls short (none running), ends the running one when it no longer does. */
  private async followBalance(manager: EntityManager, agency: Agency, balanceFen: number, requiredFen: number, today: string, dueOn: string): Promise<void> {
    if (balanceFen >= requiredFen) {
      const [met] = (await manager.query(`UPDATE reserve_fund_top_ups SET met_on = $2 WHERE agency_id = $1 AND met_on IS NULL RETURNING id`, [agency.id, today])) as [{ id: string }[], number];
      if (met.length) await this.audit.record(manager, { action: 'reserve_fund.top_up_met', entityType: 'reserve_fund_top_up', entityId: met[0].id, after: { metOn: today, balanceFen } });
      return;
    }
    const started = (await manager.query(
      `INSERT INTO reserve_fund_top_ups (agency_id, jurisdiction_code, started_on, due_on, required_fen, balance_at_start_fen)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (agency_id) WHERE met_on IS NULL DO NOTHING
       RETURNING id`,
      [agency.id, agency.jurisdictionCode, today, dueOn, requiredFen, balanceFen],
    )) as { id: string }[];
    if (started.length === 0) return;
    await this.audit.record(manager, { action: 'reserve_fund.top_up_started', entityType: 'reserve_fund_top_up', entityId: started[0].id, after: { startedOn: today, dueOn, requiredFen, balanceFen } });
    await this.notifications.notifyAgency(manager, {
      kind: 'reserve_fund.top_up_started',
      agencyId: agency.id,
      dedupKey: `reserve_fund.top_up_started:${started[0].id}`,
      payload: { topUpId: started[0].id, dueOn, requiredFen, balanceFen, shortfallFen: requiredFen - balanceFen },
    });
  }

  /** The licence's required amount (yuan → fen) for the agency's labour service cooperation licence in force, else the default. */
  async required(agencyId: string): Promise<{ fen: number; licenceNumber: string | null }> {
    const licence = (await this.licences.ofAgency(agencyId)).find((l) => l.licenceType === 'labour_service_cooperation' && (l.status === 'active' || l.status === 'suspended'));
    if (!licence) return { fen: DEFAULT_RESERVE_FUND_FEN, licenceNumber: null };
    return { fen: licence.reserveFundAmount ? Math.round(licence.reserveFundAmount * 100) : DEFAULT_RESERVE_FUND_FEN, licenceNumber: licence.licenceNumber };
  }
}

function topUpView(t: ReserveFundTopUp): TopUpView {
  return { id: t.id, startedOn: t.startedOn, dueOn: t.dueOn, requiredFen: t.requiredFen, balanceAtStartFen: t.balanceAtStartFen, metOn: t.metOn, overdueAt: t.overdueAt };
}
