import { EntityManager } from 'typeorm';
import { complaintRiskSource } from './complaint-risk-source';
import { ComplaintsService } from './complaints.service';

/** The service's answer for two agencies: one substantiated complaint, and three. */
const complaints = {
  substantiatedComplaintWeights: async () =>
    new Map([
      ['agency-one', { weight: 2, count: 1 }],
      ['agency-three', { weight: 4.5, count: 3 }],
    ]),
} as unknown as ComplaintsService;

describe('complaint risk factor', () => {
  it('says "1 substantiated complaint" and "3 substantiated complaints"', async () => {
    const contributions = await complaintRiskSource(complaints).compute({} as EntityManager, ['agency-one', 'agency-three'], '2026-11-30');
    expect(contributions.map((c) => c.detail)).toEqual(['1 substantiated complaint (weight 2.0 after decay)', '3 substantiated complaints (weight 4.5 after decay)']);
  });
});
