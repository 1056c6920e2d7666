import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AgenciesService, Agency } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Actor } from '@app/access';
import { WorkingCalendarService } from '@app/calendar';
import { ComplaintsService } from '@app/complaints';
import { Clock, Problems } from '@app/core';
import { holdsLabourServiceLicenceSql, LicencesService } from '@app/licensing';
import { NotificationsService } from '@app/notifications';
import { ReserveFundAccount, ReserveFundEntry, ReserveFundTopUp, ReserveFundVerification } from './reserve-fund.entity';
import { CreateReserveFundEntryRequest, ReserveFundView, TopUpView, VerifyReserveFundEntryRequest } from './reserve-funds.dto';

/** The required reserve fund when the licence names none: ¥3,000,000, in fen. */
export const DEFAULT_RESERVE_FUND_FEN = 300_000_000;
/** Working days an agency has to make a shortfall good. */
export const TOP_UP_WORKING_DAYS = 20;

/**
 * Agency types that must hold a reserve fund: labour service cooperation enterprises (对外劳务合作
 * 管理条例 art. 10). Domestic and overseas placement agencies hold none, unless they hold a labour
 * service cooperation licence (docs/yearly-duties.md).
 */
export const RESERVE_FUND_AGENCY_TYPES: readonly string[] = ['labour_service_cooperation'];

/** Whether an agency of this type, holding these licences in force, must keep a reserve fund. */
export function needsReserveFund(agencyType: string, licenceTypesInForce: string[]): boolean {
  return RESERVE_FUND_AGENCY_TYPES.includes(agencyType) || licenceTypesInForce.includes('labour_service_cooperation');
}

/** The same rule in SQL, for the agency `a` (the job's sweep). */
export const NEEDS_RESERVE_FUND_SQL = `(a.agency_type IN ('labour_service_cooperation') OR ${holdsLabourServiceLicenceSql('a.id')})`;

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
 * 20 working days (at most one running); a verified balance back at or above it ends it.
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
    const [required, account, entries, verifications, topUps] = await Promise.all([
      this.required(agency.id, agency.agencyType),
      this.dataSource.getRepository(ReserveFundAccount).findOneBy({ agencyId: agency.id }),
      this.dataSource.getRepository(ReserveFundEntry).find({ where: { agencyId: agency.id }, order: { sequence: 'DESC' }, take: 500 }),
      this.dataSource.getRepository(ReserveFundVerification).find({ where: { agencyId: agency.id } }),
      this.dataSource.getRepository(ReserveFundTopUp).find({ where: { agencyId: agency.id }, order: { createdAt: 'DESC' }, take: 50 }),
    ]);
    const balanceFen = account?.balanceFen ?? 0;
    const verifiedBalanceFen = Math.max(0, account?.verifiedBalanceFen ?? 0);
    const verifiedAt = new Map(verifications.map((v) => [v.entryId, v.verifiedAt]));
    const open = topUps.find((t) => t.metOn === null) ?? null;
    return {
      agencyId: agency.id,
      agencyNameZh: agency.nameZh,
      agencyNameEn: agency.nameEn ?? null,
      fundRequired: required.needed,
      balanceFen,
      verifiedBalanceFen,
      requiredFen: required.needed ? required.fen : 0,
      licenceNumber: required.licenceNumber,
      shortfallFen: required.needed ? Math.max(0, required.fen - verifiedBalanceFen) : 0,
      version: account?.version ?? 0,
      topUp: open ? topUpView(open) : null,
      pastTopUps: topUps.filter((t) => t.metOn !== null).map(topUpView),
      entries: entries.map((e) => ({ ...e, status: verifiedAt.has(e.id) ? ('verified' as const) : ('declared' as const), verifiedAt: verifiedAt.get(e.id) ?? null })),
    };
  }

  /** Appends a deposit or a draw; a draw never takes the balance below zero. */
  async addEntry(actor: Actor, agencyId: string, request: CreateReserveFundEntryRequest): Promise<ReserveFundView> {
    const agency = await this.agencies.get(actor, agencyId);
    const today = this.clock.today();
    if (request.occurredOn > today) throw Problems.invalid([{ field: 'occurredOn', message: 'occurredOn cannot be after today' }]);
    const required = await this.required(agency.id, agency.agencyType);
    if (!required.needed) {
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
      const { entry, verifiedBalanceFen } = await this.append(manager, agency, request, actor);
      await this.audit.record(manager, { action: `reserve_fund.${request.kind}`, entityType: 'reserve_fund', entityId: agency.id, after: { ...entry, verified: actor.role !== 'agency_user' } });
      await this.followBalance(manager, agency, verifiedBalanceFen, required.fen, today, topUpDue);
    });
    return this.view(actor, agency.id);
  }

  /**
   * A bureau official has checked the bank evidence of an entry the agency declared: it now counts
   * toward the verified balance, and may end a running top-up. `version` is the account's as read.
   */
  async verifyEntry(actor: Actor, agencyId: string, entryId: string, request: VerifyReserveFundEntryRequest): Promise<ReserveFundView> {
    const agency = await this.agencies.get(actor, agencyId);
    const required = await this.required(agency.id, agency.agencyType);
    const today = this.clock.today();
    const topUpDue = await this.calendar.addWorkingDays(today, TOP_UP_WORKING_DAYS);
    await this.dataSource.transaction(async (manager) => {
      const entry = await manager.findOneBy(ReserveFundEntry, { id: entryId, agencyId: agency.id });
      if (!entry) throw Problems.notFound('Reserve fund entry', entryId);
      if (await manager.findOneBy(ReserveFundVerification, { entryId })) throw Problems.conflict('already-verified', 'This entry is already verified');
      // A draw already counts against the verified balance when recorded; verifying it changes no amount.
      const delta = entry.kind === 'deposit' ? entry.amountFen : 0;
      // Not updateVersioned: the balance is added to as it stands, and the new one comes back in the same statement.
      const [rows] = (await manager.query(
        `UPDATE reserve_fund_accounts SET verified_balance_fen = verified_balance_fen + $2, version = version + 1, updated_at = now()
          WHERE agency_id = $1 AND version = $3
          RETURNING verified_balance_fen::text AS verified`,
        [agency.id, delta, request.version],
      )) as [{ verified: string }[], number];
      if (rows.length === 0) {
        const current = await manager.findOneByOrFail(ReserveFundAccount, { agencyId: agency.id });
        throw Problems.staleVersion('Reserve fund', current.version);
      }
      await manager.insert(ReserveFundVerification, { entryId, agencyId: agency.id, verifiedBy: actor.userId, verifiedByName: actor.username });
      await this.audit.record(manager, { action: 'reserve_fund.verify', entityType: 'reserve_fund_entry', entityId: entryId, after: { entryId, verifiedBalanceFen: Number(rows[0].verified), version: request.version + 1 } });
      await this.followBalance(manager, agency, Number(rows[0].verified), required.fen, today, topUpDue);
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

  /**
   * Appends the entry. An official's entry is verified as it is recorded (they hold the evidence);
   * an agency's deposit stays declared. Every draw lowers the verified balance at once.
   */
  private async append(manager: EntityManager, agency: Agency, request: CreateReserveFundEntryRequest, actor: Actor): Promise<{ entry: ReserveFundEntry; verifiedBalanceFen: number }> {
    await manager.query(`INSERT INTO reserve_fund_accounts (agency_id, jurisdiction_code) VALUES ($1, $2) ON CONFLICT (agency_id) DO NOTHING`, [agency.id, agency.jurisdictionCode]);
    const verified = actor.role !== 'agency_user';
    const delta = request.kind === 'deposit' ? request.amount : -request.amount;
    const verifiedDelta = request.kind === 'draw' || verified ? delta : 0;
    const [rows] = (await manager.query(
      `UPDATE reserve_fund_accounts SET balance_fen = balance_fen + $2, verified_balance_fen = verified_balance_fen + $3, entry_count = entry_count + 1,
              version = version + 1, updated_at = now()
        WHERE agency_id = $1 AND balance_fen + $2 >= 0
        RETURNING balance_fen::text AS balance, verified_balance_fen::text AS verified, entry_count AS sequence`,
      [agency.id, delta, verifiedDelta],
    )) as [{ balance: string; verified: string; sequence: number }[], number];
    if (rows.length === 0) {
      const [{ balance }] = (await manager.query(`SELECT balance_fen::text AS balance FROM reserve_fund_accounts WHERE agency_id = $1`, [agency.id])) as { balance: string }[];
      throw Problems.conflict('reserve-fund-insufficient', `A draw of ${request.amount} fen exceeds the balance of ${balance} fen`, { balanceFen: Number(balance) });
    }
    const entry = await manager.save(
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
    if (verified) await manager.insert(ReserveFundVerification, { entryId: entry.id, agencyId: agency.id, verifiedBy: actor.userId, verifiedByName: actor.username });
    return { entry, verifiedBalanceFen: Number(rows[0].verified) };
  }

  /** Starts a top-up when the verified balance falls short (none running), ends the running one when it no longer does. */
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

  /**
   * Whether the agency must keep a fund (its type, or a labour service cooperation licence in
   * force), and how much: the licence's amount (yuan → fen), else the default.
   */
  async required(agencyId: string, agencyType: string): Promise<{ needed: boolean; fen: number; licenceNumber: string | null }> {
    const inForce = (await this.licences.ofAgency(agencyId)).filter((l) => l.status === 'active' || l.status === 'suspended');
    const needed = needsReserveFund(agencyType, inForce.map((l) => l.licenceType));
    const licence = inForce.find((l) => l.licenceType === 'labour_service_cooperation');
    if (!licence) return { needed, fen: DEFAULT_RESERVE_FUND_FEN, licenceNumber: null };
    return { needed, fen: licence.reserveFundAmount ? Math.round(licence.reserveFundAmount * 100) : DEFAULT_RESERVE_FUND_FEN, licenceNumber: licence.licenceNumber };
  }
}

function topUpView(t: ReserveFundTopUp): TopUpView {
  return { id: t.id, startedOn: t.startedOn, dueOn: t.dueOn, requiredFen: t.requiredFen, balanceAtStartFen: t.balanceAtStartFen, metOn: t.metOn, overdueAt: t.overdueAt };
}
