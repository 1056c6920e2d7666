import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, Problems } from '@app/core';
import { PlacementContractClause, PlacementDestination } from '../placement.entity';
import { CreateClauseRequest, DestinationRequest, UpdateClauseRequest } from '../placements.dto';
import { PlacementReferenceView } from '../placement-views.dto';
import { ContractClause, MinimumWage } from '../rules/contract-clauses';
import { REQUIRED_TRAINING_TOPICS, TRAINING_TOPIC_NAMES } from '../rules/training';

/**
 * The sample contract's clauses and the destinations (minimum wage, help line): tens of rows a
 * system admin keeps, read whole. Every change is audited.
 */
@Injectable()
export class PlacementReferenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  get trainingMinHours(): number {
    return this.config.get('PREDEPARTURE_TRAINING_MIN_HOURS');
  }

  /** The clauses in force, in their order. */
  async activeClauses(): Promise<ContractClause[]> {
    return this.dataSource.getRepository(PlacementContractClause).find({ where: { active: true }, order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  destination(countryCode: string): Promise<PlacementDestination | null> {
    return this.dataSource.getRepository(PlacementDestination).findOneBy({ countryCode });
  }

  minimumWageOf(destination: PlacementDestination | null): MinimumWage | null {
    return destination?.minimumMonthlyWage && destination.wageCurrency ? { amount: destination.minimumMonthlyWage, currency: destination.wageCurrency } : null;
  }

  async view(): Promise<PlacementReferenceView> {
    const [clauses, destinations] = await Promise.all([
      this.dataSource.getRepository(PlacementContractClause).find({ order: { sortOrder: 'ASC', code: 'ASC' } }),
      this.dataSource.getRepository(PlacementDestination).find({ order: { countryCode: 'ASC' } }),
    ]);
    return {
      clauses,
      destinations,
      requiredTrainingTopics: REQUIRED_TRAINING_TOPICS.map((code) => ({ code, nameZh: TRAINING_TOPIC_NAMES[code].zh, nameEn: TRAINING_TOPIC_NAMES[code].en })),
      trainingMinHours: this.trainingMinHours,
    };
  }

  async createClause(request: CreateClauseRequest): Promise<PlacementContractClause> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.findOneBy(PlacementContractClause, { code: request.code })) throw Problems.conflict('clause-exists', `Clause ${request.code} already exists`);
      const clause = await manager.save(manager.create(PlacementContractClause, { ...request, params: request.params ?? {}, sortOrder: request.sortOrder ?? 1000, active: request.active ?? true } as Partial<PlacementContractClause>));
      await this.audit.record(manager, { action: 'placement_clause.create', entityType: 'placement_contract_clause', entityId: clause.code, after: clause });
      return clause;
    });
  }

  async updateClause(code: string, request: UpdateClauseRequest): Promise<PlacementContractClause> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(PlacementContractClause, { code });
      if (!before) throw Problems.notFound('Contract clause', code);
      if (before.version !== request.version) throw Problems.staleVersion('Contract clause', before.version);
      const { version: _version, ...change } = request;
      await manager.update(PlacementContractClause, { code }, { ...change, params: request.params ?? before.params, version: before.version + 1 } as Partial<PlacementContractClause>);
      const after = await manager.findOneByOrFail(PlacementContractClause, { code });
      await this.audit.record(manager, { action: 'placement_clause.update', entityType: 'placement_contract_clause', entityId: code, before, after });
      return after;
    });
  }

  /** Adds a destination, or changes one (with the version read). */
  async putDestination(countryCode: string, request: DestinationRequest): Promise<PlacementDestination> {
    if ((request.minimumMonthlyWage ?? null) === null !== ((request.wageCurrency ?? null) === null)) {
      throw Problems.invalid([{ field: 'wageCurrency', message: 'give the minimum wage and its currency together' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(PlacementDestination, { countryCode });
      if (before && before.version !== request.version) throw Problems.staleVersion('Destination', before.version);
      const { version: _version, ...fields } = request;
      const values = {
        nameZh: fields.nameZh,
        nameEn: fields.nameEn,
        minimumMonthlyWage: fields.minimumMonthlyWage ?? null,
        wageCurrency: fields.wageCurrency ?? null,
        wageSourceUrl: fields.wageSourceUrl ?? null,
        helpLineNumber: fields.helpLineNumber ?? null,
        helpLineNameZh: fields.helpLineNameZh ?? null,
        helpLineNameEn: fields.helpLineNameEn ?? null,
        helpLineSourceUrl: fields.helpLineSourceUrl ?? null,
      };
      if (values.helpLineNumber && (!values.helpLineNameZh || !values.helpLineNameEn)) {
        throw Problems.invalid([{ field: 'helpLineNameZh', message: 'a help line needs its name in Chinese and English' }]);
      }
      if (before) await manager.update(PlacementDestination, { countryCode }, { ...values, version: before.version + 1 });
      else await manager.insert(PlacementDestination, { countryCode, ...values });
      const after = await manager.findOneByOrFail(PlacementDestination, { countryCode });
      await this.audit.record(manager, { action: before ? 'placement_destination.update' : 'placement_destination.create', entityType: 'placement_destination', entityId: countryCode, before: before ?? undefined, after });
      return after;
    });
  }
}
