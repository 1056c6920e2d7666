import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENCY_ROWS_SQL } from '@app/agencies';
import { addDays, Clock } from '@app/core';
import { WorkingCalendarService } from '@app/calendar';
import { CaseProposals } from '@app/enforcement';
import { labourServiceLicenceBureauSql, licenceInForceValidFromSql, licensedReserveFundFenSql } from '@app/licensing';
import { NotificationsService, RecipientsPolicy, told } from '@app/notifications';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';
import { DEFAULT_RESERVE_FUND_FEN, NEEDS_RESERVE_FUND_SQL, TOP_UP_WORKING_DAYS } from '../reserve-funds.service';

/** Calendar days before the due date at which the agency is reminded of a running top-up. */
export const TOP_UP_REMINDER_DAYS = 5;

/**
 * The required amount of an agency ($1 is the default in fen): its labour service cooperation
 * licence in force names it in yuan. Read in SQL, as a join, so that the sweep stays one
 * statement however many agencies there are.
 */
const REQUIRED_OF = (agencyId: string) => `COALESCE(${licensedReserveFundFenSql(agencyId)}, $1::bigint)`;
const REQUIRED = REQUIRED_OF('acc.agency_id');

/** Accounts `acc` of agencies that must keep a fund. */
const FUND_ACCOUNT = `EXISTS (SELECT 1 FROM ${AGENCY_ROWS_SQL} a WHERE a.id = acc.agency_id AND ${NEEDS_RESERVE_FUND_SQL})`;

/** The bureau that issued the agency's labour service cooperation licence in force (top-up `t`): the one responsible for its fund. */
const FUND_LICENCE_BUREAU = labourServiceLicenceBureauSql('t.agency_id');

/**
 * Agencies that must keep a fund (NEEDS_RESERVE_FUND_SQL), never made an entry and never had a
 * top-up: each with the day its newest licence in force took effect, from which its first
 * deposit is due.
 */
const NEVER_DEPOSITED = `
  SELECT a.id AS "agencyId", a.jurisdiction_code AS "jurisdictionCode", lic.valid_from::text AS "since", ${REQUIRED_OF('a.id')} AS "requiredFen"
    FROM ${AGENCY_ROWS_SQL} a
   CROSS JOIN LATERAL (${licenceInForceValidFromSql('a.id')}) lic
   WHERE ${NEEDS_RESERVE_FUND_SQL}
     AND NOT EXISTS (SELECT 1 FROM reserve_fund_accounts acc WHERE acc.agency_id = a.id AND acc.entry_count > 0)
     AND NOT EXISTS (SELECT 1 FROM reserve_fund_top_ups t WHERE t.agency_id = a.id)`;

/**
 * `reserve-fund-top-ups`, daily at 07:50: an agency that must keep a fund and never deposited
 * gets a top-up due 20 working days after its licence took effect; a verified balance below the
 * required amount with no top-up running starts one; a running top-up is reminded 5 days before
 * its due date, and past it recorded overdue once and told to the agency and the officials
 * responsible (the bureau that issued its licence, RecipientsPolicy). The unique
 * running top-up, `overdue_at IS NULL` and the notification keys make reruns change nothing.
 */
@Injectable()
export class ReserveFundTopUpsJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendarService,
    private readonly notifications: NotificationsService,
    private readonly cases: CaseProposals,
    private readonly clock: Clock,
  ) {}

  @ScheduledJob({
    name: 'reserve-fund-top-ups',
    cron: '50 7 * * *',
    description: {
      en: 'Reserve funds: never deposited or verified balance below the required amount, top-up due in 20 working days, reminded 5 days before, overdue flagged',
      zh: '备用金:从未缴存或经核实余额低于规定金额的,20 个工作日内补足,到期前 5 天提醒,逾期标记',
    },
  })
  async run(context: JobContext): Promise<JobCounts> {
    const dueOn = await this.calendar.addWorkingDays(context.today, TOP_UP_WORKING_DAYS);
    // Read before the transaction: the calendar must not wait for a second pool connection inside it.
    const never = (await this.dataSource.query(NEVER_DEPOSITED, [DEFAULT_RESERVE_FUND_FEN])) as { agencyId: string; jurisdictionCode: string; since: string; requiredFen: string }[];
    const dueFrom = new Map<string, string>();
    for (const since of new Set(never.map((n) => n.since))) dueFrom.set(since, await this.calendar.addWorkingDays(since, TOP_UP_WORKING_DAYS));
    return this.dataSource.transaction(async (manager) => {
      const firstDue = (await manager.query(
        `INSERT INTO reserve_fund_top_ups (agency_id, jurisdiction_code, started_on, due_on, required_fen, balance_at_start_fen)
         SELECT n.agency_id, n.jurisdiction_code, n.since, n.due, n.fen, 0
           FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::bigint[]) AS n(agency_id, jurisdiction_code, since, due, fen)
          WHERE NOT EXISTS (SELECT 1 FROM reserve_fund_top_ups t WHERE t.agency_id = n.agency_id)
         ON CONFLICT (agency_id) WHERE met_on IS NULL DO NOTHING
         RETURNING id`,
        [never.map((n) => n.agencyId), never.map((n) => n.jurisdictionCode), never.map((n) => n.since), never.map((n) => dueFrom.get(n.since)), never.map((n) => n.requiredFen)],
      )) as { id: string }[];
      const started = (await manager.query(
        `INSERT INTO reserve_fund_top_ups (agency_id, jurisdiction_code, started_on, due_on, required_fen, balance_at_start_fen)
         SELECT acc.agency_id, acc.jurisdiction_code, $2::date, $3::date, req.fen, acc.verified_balance_fen
           FROM reserve_fund_accounts acc CROSS JOIN LATERAL (SELECT ${REQUIRED} AS fen) req
          WHERE acc.verified_balance_fen < req.fen AND ${FUND_ACCOUNT}
         ON CONFLICT (agency_id) WHERE met_on IS NULL DO NOTHING
         RETURNING id`,
        [DEFAULT_RESERVE_FUND_FEN, context.today, dueOn],
      )) as { id: string }[];
      const [met] = (await manager.query(
        `UPDATE reserve_fund_top_ups t SET met_on = $2::date
           FROM reserve_fund_accounts acc
          WHERE t.agency_id = acc.agency_id AND t.met_on IS NULL AND acc.verified_balance_fen >= ${REQUIRED}
          RETURNING t.id`,
        [DEFAULT_RESERVE_FUND_FEN, context.today],
      )) as [{ id: string }[], number];
      if (firstDue.length) {
        await this.notifications.enqueueFromQuery(
          manager,
          `SELECT 'reserve_fund.top_up_started' AS kind, rcp.user_id AS recipient_user_id, concat_ws(':', 'reserve_fund.top_up_started', t.id, rcp.user_id) AS dedup_key,
                  jsonb_build_object('topUpId', t.id, 'dueOn', t.due_on, 'requiredFen', t.required_fen, 'balanceFen', 0, 'shortfallFen', t.required_fen,
                                     'agencyId', a.id, 'agencyNameZh', a.name_zh, 'agencyNameEn', a.name_en) AS payload,
                  'email' AS channel
             FROM reserve_fund_top_ups t
             JOIN ${AGENCY_ROWS_SQL} a ON a.id = t.agency_id
            CROSS JOIN ${told(RecipientsPolicy.agency('t.agency_id'))}
            WHERE t.id = ANY($1::uuid[])`,
          [firstDue.map((f) => f.id)],
        );
      }
      const reminders = await this.notifications.enqueueFromQuery(
        manager,
        `SELECT 'reserve_fund.top_up_due' AS kind, rcp.user_id AS recipient_user_id, concat_ws(':', 'reserve_fund.top_up_due', t.id, rcp.user_id) AS dedup_key,
                jsonb_build_object('topUpId', t.id, 'dueOn', t.due_on, 'requiredFen', t.required_fen, 'agencyId', a.id, 'agencyNameZh', a.name_zh, 'agencyNameEn', a.name_en) AS payload,
                'email' AS channel
           FROM reserve_fund_top_ups t
           JOIN ${AGENCY_ROWS_SQL} a ON a.id = t.agency_id
          CROSS JOIN ${told(RecipientsPolicy.agency('t.agency_id'))}
          WHERE t.met_on IS NULL AND t.due_on BETWEEN $1::date AND $2::date`,
        [context.today, addDays(context.today, TOP_UP_REMINDER_DAYS)],
      );
      const [overdue] = (await manager.query(
        `UPDATE reserve_fund_top_ups SET overdue_at = $2 WHERE met_on IS NULL AND overdue_at IS NULL AND due_on < $1::date
         RETURNING id, agency_id, due_on::text AS due_on, required_fen::text AS required_fen`,
        [context.today, this.clock.now()],
      )) as [{ id: string; agency_id: string; due_on: string; required_fen: string }[], number];
      if (overdue.length > 0) {
        await this.notifications.enqueueFromQuery(
          manager,
          `SELECT 'reserve_fund.top_up_overdue' AS kind, rcp.user_id AS recipient_user_id, concat_ws(':', 'reserve_fund.top_up_overdue', t.id, rcp.user_id) AS dedup_key,
                  jsonb_build_object('topUpId', t.id, 'dueOn', t.due_on, 'requiredFen', t.required_fen, 'agencyId', a.id, 'agencyNameZh', a.name_zh, 'agencyNameEn', a.name_en) AS payload,
                  'email' AS channel
             FROM reserve_fund_top_ups t
             JOIN ${AGENCY_ROWS_SQL} a ON a.id = t.agency_id
            CROSS JOIN ${told(RecipientsPolicy.agency('t.agency_id'), RecipientsPolicy.responsible({ bureauId: `(${FUND_LICENCE_BUREAU})`, jurisdictionCode: 't.jurisdiction_code' }))}
            WHERE t.id = ANY($1::uuid[])`,
          [overdue.map((o) => o.id)],
        );
      }
      for (const topUp of overdue) {
        await this.cases.proposeOnGround(manager, {
          agencyId: topUp.agency_id,
          kind: 'reserve_fund_overdue',
          reference: topUp.id,
          params: { dueOn: topUp.due_on, requiredFen: Number(topUp.required_fen) },
        });
      }
      return { firstDue: firstDue.length, started: started.length, met: met.length, reminders, overdue: overdue.length };
    });
  }
}
