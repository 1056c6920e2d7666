import { addMonths, findSpikes, medianOf, trendsCsv } from './complaint-trends.service';

describe('addMonths', () => {
  it('crosses year boundaries both ways', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
  });
});

describe('medianOf', () => {
  it('is the lower median of a histogram, like percentile_disc(0.5)', () => {
    expect(medianOf(new Map([[3, 1], [10, 1]]), 2)).toBe(3);
    expect(medianOf(new Map([[3, 1], [10, 2]]), 3)).toBe(10);
    expect(medianOf(new Map(), 0)).toBeNull();
  });
});

describe('findSpikes', () => {
  const series = (province: string, category: string, counts: Record<string, number>) =>
    Object.entries(counts).map(([month, n]) => ({ province, category, month, n: String(n) }));

  it('flags a month above the mean of the previous six by three standard deviations', () => {
    const monthly = series('350000', 'recruitment_fee', { '2026-03': 2, '2026-04': 3, '2026-05': 2, '2026-06': 4, '2026-07': 3, '2026-08': 2, '2026-09': 40 });
    const spikes = findSpikes(monthly, '2026-09', '2026-09');
    expect(spikes).toEqual([expect.objectContaining({ province: '350000', category: 'recruitment_fee', month: '2026-09', complaints: 40 })]);
  });

  it('needs at least 5 complaints, and counts missing months as zero', () => {
    expect(findSpikes(series('210000', 'other', { '2026-09': 4 }), '2026-09', '2026-09')).toEqual([]);
    expect(findSpikes(series('210000', 'other', { '2026-09': 5 }), '2026-09', '2026-09')).toHaveLength(1);
  });

  it('does not flag a steady series', () => {
    const steady = series('370000', 'other', { '2026-03': 9, '2026-04': 10, '2026-05': 11, '2026-06': 10, '2026-07': 9, '2026-08': 11, '2026-09': 12 });
    expect(findSpikes(steady, '2026-09', '2026-09')).toEqual([]);
  });
});

describe('trendsCsv', () => {
  it("writes headers in the reader's language and the group by its label (never its code), quoting what needs quoting", async () => {
    const csv = await trendsCsv({
      from: '2026-01-01',
      to: '2026-01-31',
      granularity: 'month',
      groupBy: 'category',
      language: 'en',
      rows: [{ period: '2026-01-01', group: 'a,"b"', label: 'Fees, "deposits"', complaints: 2, substantiated: 1, decided: 2, substantiationRate: 0.5, resolved: 2, medianDaysToResolve: null, slaBreaches: 0, slaBreachRate: 0 }],
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFPeriod,Category,Complaints,Substantiated,Decided,Substantiation rate,Resolved,Median days to resolve,SLA breaches,SLA breach rate',
      '2026-01-01,"Fees, ""deposits""",2,1,2,0.5,2,,0,0',
      '',
    ]);
  });
});
