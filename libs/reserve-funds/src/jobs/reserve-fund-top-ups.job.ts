import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, Clock } from '@app/core';
import { WorkingCalendarService } from '@app/calendar';
import { CasesService } from '@app/enforcement';
import { NotificationsService } from '@app/notifications';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';
import { DEFAULT_RESERVE_FUND_FEN, TOP_UP_WORKING_DAYS } from '../reserve-funds.service';

/** Calendar days before the due date at which the agency is reminded of a running top-up. */
export const TOP_UP_REMINDER_DAYS = 5;

/**
 * The required amount of each account's agency ($1 is the default in fen): its labour service
 * cooperation licence in force names it in yuan. Read in SQL, as a join, so that the sweep stays
 * one statement however many agencies there are.
 */
const REQUIRED = `COALESCE((SELECT round(l.reserve_fund_amount * 100)::bigint FROM licences l
   WHERE l.agency_id = acc.agency_id AND l.licence_type = 'labour_service_cooperation' AND l.status IN ('active', 'suspended') AND l.reserve_fund_amount > 0
   ORDER BY l.created_at DESC LIMIT 1), $1::bigint)`;

/**
 * `reserve-fund-top-ups`, daily at 07:50: a balance below the required amount with no top-up
 * running (the required amount rose) starts one; a running top-up is reminded 5 days before its
 * due date, and past it recorded overdue once and told to agency and province bureau. The unique
 * running top-up, `overdue_at IS NULL` and the notification keys make reruns change nothing.
 */
@Injectable()
export class ReserveFundTopUpsJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendarService,
    private readonly notifications: NotificationsService,
    private readonly cases: CasesService,
    private readonly clock: Clock,
  ) {}

  @ScheduledJob({
    name: 'reserve-fund-top-ups',
    cron: '50 7 * * *',
    description: {
      en: 'Reserve funds below the required amount: top-up due in 20 working days, reminded 5 days before, overdue flagged',
      zh: '备用金低于规定金额:20 个工作日内补足,到期前 5 天提醒,逾期标记',
    },
  })
  async run(context: JobContext): Promise<JobCounts> {
    const dueOn = await this.calendar.addWorkingDays(context.today, TOP_UP_WORKING_DAYS);
    return this.dataSource.transaction(async (manager) => {
      const started = (await manager.query(
        `INSERT INTO reserve_fund_top_ups (agency_id, jurisdiction_code, started_on, due_on, required_fen, balance_at_start_fen)
         SELECT acc.agency_id, acc.jurisdiction_code, $2::date, $3::date, req.fen, acc.balance_fen
           FROM reserve_fund_accounts acc CROSS JOIN LATERAL (SELECT ${REQUIRED} AS fen) req
          WHERE acc.balance_fen < req.fen
         ON CONFLICT (agency_id) WHERE met_on IS NULL DO NOTHING
         RETURNING id`,
        [DEFAULT_RESERVE_FUND_FEN, context.today, dueOn],
      )) as { id: string }[];
      const [met] = (await manager.query(
        `UPDATE reserve_fund_top_ups t SET met_on = $2::date
           FROM reserve_fund_accounts acc
          WHERE t.agency_id = acc.agency_id AND t.met_on IS NULL AND acc.balance_fen >= ${REQUIRED}
          RETURNING t.id`,
        [DEFAULT_RESERVE_FUND_FEN, context.today],
      )) as [{ id: string }[], number];
      const reminders = await this.notifications.enqueueFromQuery(
        manager,
        `SELECT 'reserve_fund.top_up_due' AS kind, u.id AS recipient_user_id, concat_ws(':', 'reserve_fund.top_up_due', t.id, u.id) AS dedup_key,
                jsonb_build_object('topUpId', t.id, 'dueOn', t.due_on, 'requiredFen', t.required_fen, 'agencyId', a.id, 'agencyNameZh', a.name_zh, 'agencyNameEn', a.name_en) AS payload,
                'email' AS channel
           FROM reserve_fund_top_ups t
           JOIN agencies a ON a.id = t.agency_id
           JOIN users u ON u.agency_id = t.agency_id AND u.role = 'agency_user'
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
             JOIN agencies a ON a.id = t.agency_id
            CROSS JOIN LATERAL (
              SELECT u.id AS user_id FROM users u WHERE u.role = 'agency_user' AND u.agency_id = t.agency_id
              UNION
              SELECT u.id FROM users u JOIN bureaus b ON b.id = u.bureau_id
               WHERE u.role = 'bureau_admin' AND b.level = 'province' AND b.jurisdiction_code = left(t.jurisdiction_code, 2) || '0000'
            ) rcp
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
      return { started: started.length, met: met.length, reminders, overdue: overdue.length };
    });
  }
}
