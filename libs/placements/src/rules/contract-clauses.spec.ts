import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContract, CLAUSE_KINDS, ContractClause, ContractTerms, RETURN_TRAVEL_PAYERS } from './contract-clauses';

/** The clauses as seeded from reference/placement-contract-clauses.csv. */
const CLAUSES: ContractClause[] = (parse(readFileSync(join(__dirname, '../../../../reference/placement-contract-clauses.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((row) => ({
  code: row.code,
  kind: row.kind as ContractClause['kind'],
  params: JSON.parse(row.params || '{}') as Record<string, number>,
  titleZh: row.title_zh,
  titleEn: row.title_en,
  sourceTitle: row.source_title,
  sourceUrl: row.source_url,
}));

const DEPARTURE = '2027-03-01';
const KRW = { amount: 2_096_270, currency: 'KRW' };

const date = (from: number, to: number) => fc.integer({ min: from, max: to }).map((day) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10));

/** Contracts that meet every clause against a KRW minimum and the departure above. */
const goodTerms: fc.Arbitrary<ContractTerms> = fc.record({
  monthlyWage: fc.integer({ min: KRW.amount, max: 10_000_000 }),
  currency: fc.constant('KRW'),
  hoursPerWeek: fc.integer({ min: 1, max: 48 }),
  restDaysPerWeek: fc.integer({ min: 1, max: 7 }),
  durationMonths: fc.integer({ min: 1, max: 60 }),
  insurance: fc.constant(true),
  returnTravelPaidBy: fc.constant('employer' as const),
  feesChargedToWorker: fc.constant(0),
  documentsRetainedByEmployer: fc.constant(false),
  disputeResolution: fc.string({ minLength: 2, maxLength: 50 }).filter((s) => s.trim().length >= 2),
  signedOn: date(0, 420),
});

/** One way to break each clause, so a test can break any subset and know which clauses must fail. */
const BREAKERS: Record<string, (t: ContractTerms) => ContractTerms> = {
  wage: (t) => ({ ...t, monthlyWage: KRW.amount - 1 }),
  hours: (t) => ({ ...t, hoursPerWeek: 60 }),
  rest: (t) => ({ ...t, restDaysPerWeek: 0 }),
  duration: (t) => ({ ...t, durationMonths: 61 }),
  insurance: (t) => ({ ...t, insurance: false }),
  'return-travel': (t) => ({ ...t, returnTravelPaidBy: 'worker' }),
  'no-fees': (t) => ({ ...t, feesChargedToWorker: 500 }),
  documents: (t) => ({ ...t, documentsRetainedByEmployer: true }),
  disputes: (t) => ({ ...t, disputeResolution: ' ' }),
  signed: (t) => ({ ...t, signedOn: DEPARTURE }),
};

describe('checkContract against the sample contract', () => {
  it('has one seeded clause of every kind, each with a source', () => {
    expect(CLAUSES.map((c) => c.kind).sort()).toEqual([...CLAUSE_KINDS].sort());
    for (const clause of CLAUSES) expect(clause.sourceUrl).toMatch(/^https:\/\//);
    expect(Object.keys(BREAKERS).sort()).toEqual(CLAUSES.map((c) => c.code).sort());
  });

  it('passes every contract that meets every clause', () => {
    fc.assert(fc.property(goodTerms, (terms) => {
      expect(checkContract(terms, CLAUSES, { departureDate: DEPARTURE, minimumWage: KRW })).toEqual([]);
    }));
  });

  it('names exactly the clauses broken, in both languages, whatever subset is broken', () => {
    fc.assert(fc.property(goodTerms, fc.subarray(Object.keys(BREAKERS), { minLength: 1 }), (terms, broken) => {
      const bad = broken.reduce((t, code) => BREAKERS[code](t), terms);
      const failures = checkContract(bad, CLAUSES, { departureDate: DEPARTURE, minimumWage: KRW });
      expect(failures.map((f) => f.clause).sort()).toEqual([...broken].sort());
      for (const failure of failures) {
        expect(failure.messageEn).toMatch(/^[ -~]+$/);
        expect(failure.messageZh).toMatch(/[\u4e00-\u9fff]/);
        expect(failure.titleZh).toMatch(/[\u4e00-\u9fff]/);
        expect(failure.field).toMatch(/^contract\./);
      }
    }));
  });

  it('refuses any fee charged to the worker, however small', () => {
    fc.assert(fc.property(goodTerms, fc.double({ min: 0.01, max: 1e6, noNaN: true }), (terms, fee) => {
      const failures = checkContract({ ...terms, feesChargedToWorker: fee }, CLAUSES, { departureDate: DEPARTURE, minimumWage: null });
      expect(failures.map((f) => f.clause)).toEqual(['no-fees']);
    }));
  });

  it('compares the wage only with a configured minimum, and in its currency', () => {
    fc.assert(fc.property(goodTerms, fc.integer({ min: 1, max: KRW.amount - 1 }), (terms, low) => {
      const cheap = { ...terms, monthlyWage: low };
      expect(checkContract(cheap, CLAUSES, { departureDate: DEPARTURE, minimumWage: null })).toEqual([]);
      expect(checkContract(cheap, CLAUSES, { departureDate: DEPARTURE, minimumWage: KRW }).map((f) => f.clause)).toEqual(['wage']);
    }));
    const [inDollars] = checkContract({ ...fc.sample(goodTerms, 1)[0], currency: 'USD' }, CLAUSES, { departureDate: DEPARTURE, minimumWage: KRW });
    expect(inDollars).toMatchObject({ clause: 'wage', field: 'contract.currency' });
    const [missing] = checkContract({ ...fc.sample(goodTerms, 1)[0], monthlyWage: null }, CLAUSES, { departureDate: DEPARTURE, minimumWage: null });
    expect(missing).toMatchObject({ clause: 'wage', field: 'contract.monthlyWage', messageZh: '合同须写明月工资及币种' });
  });

  it('reads an admin’s parameters: a stricter hours clause fails where the default passes', () => {
    const strict = CLAUSES.map((c) => (c.code === 'hours' ? { ...c, params: { max: 40 } } : c));
    fc.assert(fc.property(goodTerms, fc.integer({ min: 41, max: 48 }), (terms, hours) => {
      expect(checkContract({ ...terms, hoursPerWeek: hours }, strict, { departureDate: DEPARTURE, minimumWage: KRW }).map((f) => f.messageEn)).toEqual(['working hours must be at most 40 a week']);
    }));
  });

  it('accepts any return-travel payer but the employer as a failure of that clause alone', () => {
    for (const payer of RETURN_TRAVEL_PAYERS.filter((p) => p !== 'employer')) {
      expect(checkContract({ ...fc.sample(goodTerms, 1)[0], returnTravelPaidBy: payer }, CLAUSES, { departureDate: DEPARTURE, minimumWage: KRW }).map((f) => f.clause)).toEqual(['return-travel']);
    }
  });
});
