import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@app/access';
import { addDays, Clock } from '@app/core';
import { CreatePlacementRequest, PlacementFilingService, PlacementReturnsService, residentIdCheckCharacter, ReturnReason } from '@app/placements';
import type { DemoContext } from './demo-steps';

/** A wage at or above each destination's configured minimum, in its currency. */
const WAGES: Record<string, [number, string]> = {
  SG: [2200, 'SGD'], MY: [2000, 'MYR'], JP: [210_000, 'JPY'], KR: [2_300_000, 'KRW'], AE: [2500, 'AED'], SA: [2600, 'SAR'], QA: [1900, 'QAR'],
  DE: [2400, 'EUR'], PL: [4800, 'PLN'], AU: [4200, 'AUD'], NZ: [3900, 'NZD'], RU: [65_000, 'RUB'], IL: [6500, 'ILS'], HK: [5100, 'HKD'],
};
const WORKERS = ['林秀英', '陈美玲', '黄志强', '张丽华', '王建国', '李春梅', '刘海燕', '赵国庆', '周小红', '吴建华', '郑雪梅', '孙立新'];
const JOBS = ['电子装配工', '护理员', '建筑工人', '餐厅服务员', '农场工人', '船员'];
const EMPLOYERS = ['Pacific Assembly Co.', 'Harbour Care Services', 'Lotus Construction Ltd', 'Golden Table Restaurants', 'Greenfield Farms', 'Blue Ocean Shipping'];

/** What becomes of each placement of an agency, in order: still abroad, back at the end, back early. */
const PLAN: (ReturnReason | null)[] = [null, null, 'completed', 'ended_early'];

/**
 * Placements abroad for the overseas agencies whose licence is in force, filed through the
 * service (so the contract checker, the encryption and the audit run as for any agency), then
 * moved into the past; some came back at the end, some early, and one worker of agency-fj-1's
 * agency came back for abuse (the bureau is asked to act; it counts in the risk score).
 */
export async function seedPlacements(app: INestApplicationContext, context: DemoContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const filing = app.get(PlacementFilingService);
  const returns = app.get(PlacementReturnsService);
  const today = app.get(Clock).today();
  const agencies = (await dataSource.query(
    `SELECT a.id, a.jurisdiction_code AS city, l.scope -> 'destinationCountries' AS destinations,
            (SELECT u.id FROM users u WHERE u.agency_id = a.id LIMIT 1) AS "userId"
       FROM agencies a JOIN licences l ON l.agency_id = a.id AND l.status = 'active' AND l.licence_type = 'overseas_employment'
      WHERE a.agency_type = 'overseas_placement' ORDER BY a.created_at`,
  )) as { id: string; city: string; destinations: string[]; userId: string | null }[];
  const admins = (await dataSource.query(`SELECT u.id, b.jurisdiction_code AS code FROM users u JOIN bureaus b ON b.id = u.bureau_id WHERE u.role = 'bureau_admin'`)) as { id: string; code: string }[];
  let serial = 0;
  for (const [n, agency] of agencies.entries()) {
    // An agency without a user of its own: its province's officer keyed the demo records in.
    const userId = agency.userId ?? admins.find((a) => a.code === `${agency.city.slice(0, 2)}0000`)?.id ?? context.systemActor.userId;
    const actor: Actor = { userId, username: 'demo-agency', role: 'agency_user', bureauId: null, agencyId: agency.id, jurisdictionPrefix: null };
    const plan: (ReturnReason | null)[] = n === 0 ? [...PLAN, 'abuse'] : PLAN;
    for (const [i, fate] of plan.entries()) {
      serial += 1;
      const country = agency.destinations[i % agency.destinations.length];
      const [wage, currency] = WAGES[country] ?? [3000, 'USD'];
      // A finished contract (six months) left long enough ago to be over; the others left in the last ten months.
      const departure = addDays(today, fate === 'completed' ? -(200 + (serial % 100)) : -(30 + ((serial * 37) % 300)));
      const first17 = `${agency.city}${1975 + (serial % 25)}${String(1 + (serial % 12)).padStart(2, '0')}${String(1 + (serial % 28)).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
      const request: CreatePlacementRequest = {
        worker: { name: WORKERS[serial % WORKERS.length], idNumber: first17 + residentIdCheckCharacter(first17), phone: `139${String(10_000_000 + serial * 7_919).slice(-8)}` },
        destinationCountry: country,
        employer: { name: EMPLOYERS[serial % EMPLOYERS.length], country, address: `${10 + serial} Harbour Road` },
        jobTitle: JOBS[serial % JOBS.length],
        contract: {
          monthlyWage: wage, currency, hoursPerWeek: 44, restDaysPerWeek: 1, durationMonths: fate === 'completed' ? 6 : 24, insurance: true, returnTravelPaidBy: 'employer', feesChargedToWorker: 0,
          documentsRetainedByEmployer: false, disputeResolution: '协商；协商不成向当地劳动主管部门申诉 / negotiation, then the local labour authority', signedOn: addDays(today, 1),
        },
        training: { completedOn: addDays(today, 2), hours: 32, topics: ['destination_laws', 'rights_and_contract', 'safety', 'help_lines'] },
        departureDate: addDays(today, 10),
      };
      const filed = await filing.file(actor, request);
      // Filing takes only future departures: the demo's workers left months ago.
      await dataSource.query(
        `UPDATE placements SET departure_date = $2::date,
                contract = jsonb_set(contract, '{signedOn}', to_jsonb(($2::date - 20)::text)),
                training = jsonb_set(training, '{completedOn}', to_jsonb(($2::date - 14)::text)),
                created_at = $2::date - 10
          WHERE id = $1`,
        [filed.id, departure],
      );
      if (fate) {
        const back = addDays(departure, fate === 'completed' ? 183 : fate === 'abuse' ? 47 : 95);
        await returns.recordReturn(actor, filed.id, { returnedOn: back > today ? today : back, reason: fate, note: fate === 'abuse' ? '护照被雇主扣留，工资被拖欠 / passport held by the employer, wages withheld' : undefined, version: filed.version });
      }
    }
  }
}
