import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, applyScope } from '@app/access';
import { AgenciesService } from '@app/agencies';
import { csvDocument } from '@app/core';
import { JurisdictionsService } from '@app/jurisdictions';
import { Placement, PlacementDestination } from './placement.entity';
import { PlacementSummaryQuery, SummaryGroup } from './placements.dto';
import { PlacementSummaryRow, PlacementSummaryView } from './placement-views.dto';
import { PLACEMENT_SCOPE } from './placements.service';

const GROUP_KEY: Record<SummaryGroup, string> = {
  destination: 'p.destination_country',
  province: `left(p.jurisdiction_code, 2) || '0000'`,
  month: `to_char(p.departure_date, 'YYYY-MM')`,
  agency: 'p.agency_id::text',
};

/** Placements, early returns and abuse by destination, province, month or agency, in the caller's jurisdiction. */
@Injectable()
export class PlacementSummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  async summary(actor: Actor, query: PlacementSummaryQuery): Promise<PlacementSummaryView> {
    const inner = applyScope(this.dataSource.getRepository(Placement).createQueryBuilder('p'), actor, PLACEMENT_SCOPE)
      .select(`${GROUP_KEY[query.groupBy]}`, 'key')
      .addSelect('count(*)::int', 'placements')
      .addSelect(`count(*) FILTER (WHERE p.return_reason IN ('ended_early', 'abuse'))::int`, 'returned_early')
      .addSelect(`count(*) FILTER (WHERE p.return_reason = 'abuse')::int`, 'abuse')
      .groupBy('1');
    if (query.from) inner.andWhere('p.departure_date >= :from', { from: query.from });
    if (query.to) inner.andWhere('p.departure_date <= :to', { to: query.to });
    if (query.destinationCountry) inner.andWhere('p.destination_country = :destination', { destination: query.destinationCountry });
    inner.orderBy(query.groupBy === 'month' ? '1' : '2', query.groupBy === 'month' ? 'ASC' : 'DESC').addOrderBy('1', 'ASC');
    const counts = (await inner.getRawMany<{ key: string; placements: number; returned_early: number; abuse: number }>()).map((r) => ({
      key: r.key,
      placements: Number(r.placements),
      returnedEarly: Number(r.returned_early),
      abuse: Number(r.abuse),
    }));
    const labels = await this.labels(query.groupBy, counts.map((c) => c.key));
    const rows: PlacementSummaryRow[] = counts.map((c) => ({ ...c, labelZh: labels.get(c.key)?.zh ?? c.key, labelEn: labels.get(c.key)?.en ?? c.key }));
    const total = rows.reduce((sum, r) => ({ ...sum, placements: sum.placements + r.placements, returnedEarly: sum.returnedEarly + r.returnedEarly, abuse: sum.abuse + r.abuse }), {
      key: 'total', labelZh: '合计', labelEn: 'Total', placements: 0, returnedEarly: 0, abuse: 0,
    });
    return { groupBy: query.groupBy, rows, total };
  }

  /** Names of the keys, read through their owners: destinations here, provinces and agencies from their libs. */
  private async labels(group: SummaryGroup, keys: string[]): Promise<Map<string, { zh: string; en: string }>> {
    if (group === 'destination') {
      const destinations = await this.dataSource.getRepository(PlacementDestination).find();
      return new Map(destinations.map((d) => [d.countryCode, { zh: d.nameZh, en: d.nameEn }]));
    }
    if (group === 'province') {
      const provinces = await this.jurisdictions.list({ level: 'province' });
      return new Map(provinces.map((j) => [j.code, { zh: j.nameZh, en: j.nameEn }]));
    }
    if (group === 'agency') {
      const agencies = await this.agencies.findByIds(keys);
      return new Map(agencies.map((a) => [a.id, { zh: a.nameZh, en: a.nameEn ?? a.nameZh }]));
    }
    return new Map();
  }
}

export function summaryCsv(view: PlacementSummaryView): Promise<string> {
  return csvDocument(['key', 'nameZh', 'nameEn', 'placements', 'returnedEarly', 'abuse'], [...view.rows, view.total].map((r) => [r.key, r.labelZh, r.labelEn, r.placements, r.returnedEarly, r.abuse]));
}
