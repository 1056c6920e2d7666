import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgenciesService, agenciesInScope, agencyIdsAfter, RiskFactor } from '@app/agencies';
import { Actor } from '@app/access';
import { Clock } from '@app/core';
import { PrioritiesQuery, PriorityView } from '../inspections.dto';
import { correctiveActionsSource, lastInspectionSource } from './inspection-risk-sources';
import { RiskFactorSource } from './risk-factor-source';
import { totalRisk } from './risk-rules';
import { riskDetailEn, riskDetailZh } from './risk-detail-words';

export interface AgencyRisk {
  score: number;
  factors: RiskFactor[];
}

/** How many agencies one round of factor queries covers in recomputeAll. */
const BATCH_SIZE = 2000;

/**
 * The 0-100 risk score of agencies: the sum of the points of every registered factor source,
 * capped at 100, always with the factors that made it.
 */
@Injectable()
export class RiskService {
  private readonly sources = new Map<string, RiskFactorSource>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly clock: Clock,
  ) {
    // Past sanctions are enforcement's to tell (cases decided, as they stand after appeals): it registers that source.
    for (const source of [lastInspectionSource, correctiveActionsSource]) this.register(source);
  }

  /** Adds a factor (self-assessments, complaints...); a second source of the same factor replaces the first. */
  register(source: RiskFactorSource): void {
    this.sources.set(source.factor, source);
  }

  /** Scores of the given agencies: one query per factor for all of them. */
  async compute(agencyIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, AgencyRisk>> {
    const result = new Map<string, AgencyRisk>();
    if (agencyIds.length === 0) return result;
    const today = this.clock.today();
    const factorsByAgency = new Map<string, RiskFactor[]>(agencyIds.map((id) => [id, []]));
    // One after another: inside a transaction every query shares one connection.
    for (const source of this.sources.values()) {
      const rows = await source.compute(manager, agencyIds, today);
      for (const row of rows) factorsByAgency.get(row.agencyId)?.push({ factor: source.factor, points: row.points, detail: row.detail });
    }
    for (const [agencyId, factors] of factorsByAgency) result.set(agencyId, totalRisk(factors));
    return result;
  }

  /** Recomputes and stores the scores of some agencies, inside the caller's transaction (after a submit or a decision). */
  async recompute(manager: EntityManager, agencyIds: string[]): Promise<void> {
    const scores = await this.compute(agencyIds, manager);
    await this.agencies.saveRiskScores(manager, [...scores].map(([agencyId, risk]) => ({ agencyId, ...risk })), this.clock.now());
  }

  /**
   * Recomputes every agency's score (the nightly `risk-scores` job). Set-based: agencies are taken
   * in id order in batches, each batch costs one query per factor and one UPDATE.
   */
  async recomputeAll(): Promise<{ agencies: number }> {
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    for (;;) {
      const ids = await agencyIdsAfter(this.dataSource.manager, after, BATCH_SIZE);
      if (ids.length === 0) return { agencies: count };
      await this.dataSource.transaction((manager) => this.recompute(manager, ids));
      count += ids.length;
      after = ids[ids.length - 1];
    }
  }

  /**
   * Agencies in the caller's scope ranked by live risk, highest first, with their factors.
   * Computed on request (one query per factor over the agencies in scope), so a finding filed a
   * minute ago already moves the ranking; the stored score is for lists and the register.
   */
  async priorities(actor: Actor, query: PrioritiesQuery): Promise<PriorityView[]> {
    const agencies = await agenciesInScope(this.dataSource.manager, actor, query.jurisdiction);
    const risks = await this.compute(agencies.map((a) => a.id));
    return agencies
      .map((agency) => {
        const risk = risks.get(agency.id) as AgencyRisk;
        const factors = risk.factors.map((f) => ({ ...f, detailZh: riskDetailZh(f.detail), detailEn: riskDetailEn(f.detail) }));
        return { agencyId: agency.id, nameZh: agency.nameZh, nameEn: agency.nameEn, jurisdictionCode: agency.jurisdictionCode, score: risk.score, factors };
      })
      .sort((a, b) => b.score - a.score || a.nameZh.localeCompare(b.nameZh) || a.agencyId.localeCompare(b.agencyId))
      .slice(0, query.limit ?? 50)
      .map((entry, index) => ({ rank: index + 1, ...entry }));
  }
}
