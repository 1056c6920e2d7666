import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, applyScope } from '@app/access';
import { AgenciesService } from '@app/agencies';
import { byCreation, csvDocument, Page, paginateRows, Problems } from '@app/core';
import { Placement } from './placement.entity';
import { PlacementQuery } from './placements.dto';
import { PlacementRecordView } from './placement-views.dto';
import { PLACEMENT_CSV_HEADER, placementCsvRow, placementView } from './placement-views';

export const PLACEMENT_SCOPE = { jurisdiction: 'p.jurisdiction_code', agency: 'p.agency_id' };
/** Rows a CSV export holds at most; a larger one is narrowed by filters. */
export const PLACEMENT_CSV_LIMIT = 200;

/** Reading placements: lists, one record, CSV, and the counts other libs ask for. */
@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
  ) {}

  async list(actor: Actor, query: PlacementQuery): Promise<Page<PlacementRecordView>> {
    const qb = applyScope(this.dataSource.getRepository(Placement).createQueryBuilder('p'), actor, PLACEMENT_SCOPE);
    if (query.agencyId) qb.andWhere('p.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.checkCode) qb.andWhere('p.check_code = :checkCode', { checkCode: query.checkCode });
    if (query.destinationCountry) qb.andWhere('p.destination_country = :destination', { destination: query.destinationCountry });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.returnReason) qb.andWhere('p.return_reason = :returnReason', { returnReason: query.returnReason });
    if (query.from) qb.andWhere('p.departure_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('p.departure_date <= :to', { to: query.to });
    const page = await paginateRows(qb, query, byCreation('p'));
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  /** A page of the list as CSV (the shared writer: formulas neutralised, masked identities). */
  async csv(actor: Actor, query: PlacementQuery): Promise<string> {
    const page = await this.list(actor, { ...query, limit: query.limit ?? PLACEMENT_CSV_LIMIT });
    return csvDocument(PLACEMENT_CSV_HEADER, page.items.map(placementCsvRow));
  }

  /** The placement if the actor may see it; 404 otherwise, as if it did not exist. */
  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<Placement> {
    const placement = await applyScope(manager.createQueryBuilder(Placement, 'p'), actor, PLACEMENT_SCOPE).andWhere('p.id = :id', { id }).getOne();
    if (!placement) throw Problems.notFound('Placement', id);
    return placement;
  }

  async view(actor: Actor, id: string): Promise<PlacementRecordView> {
    const [view] = await this.views([await this.get(actor, id)]);
    return view;
  }

  /** Workers placed abroad by an agency in a year (by departure date), per destination: what its annual report should declare. */
  async filedByDestination(agencyId: string, year: number): Promise<{ country: string; workers: number }[]> {
    return (await this.dataSource.query(
      `SELECT destination_country AS country, count(*)::int AS workers FROM placements
        WHERE agency_id = $1 AND departure_date >= make_date($2, 1, 1) AND departure_date < make_date($2 + 1, 1, 1)
        GROUP BY destination_country ORDER BY destination_country`,
      [agencyId, year],
    )) as { country: string; workers: number }[];
  }

  /** Views with their agencies' names, loaded in one query. */
  private async views(placements: Placement[]): Promise<PlacementRecordView[]> {
    const agencies = new Map((await this.agencies.findByIds([...new Set(placements.map((p) => p.agencyId))])).map((a) => [a.id, a]));
    return placements.map((p) => placementView(p, agencies.get(p.agencyId)));
  }
}
