import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventsService } from '@app/events';
import { OpenDataset } from './datasets';

export interface DatasetVersion {
  name: string;
  version: number;
  fingerprint: string;
  rowCount: number;
  updatedAt: Date;
}

interface VersionRow {
  name: string;
  version: number;
  fingerprint: string;
  row_count: number;
  event_seq: string;
  updated_at: Date;
}

/**
 * The version of each dataset, kept in dataset_versions so a conditional request costs two index
 * reads, not the data.
 *
 * A version is regenerated (row count and an order-free fingerprint of the rows, read once) when
 * the events feed holds an event of the dataset's kinds newer than the one it was checked against
 * (a licence suspended, a sanction decided: the first request after the change does it), and by the
 * nightly job for what no event announces (credit grades). The version number and Last-Modified
 * move only when the fingerprint changes. The change transactions themselves do not touch this
 * table: a row every licence change had to lock would serialise them.
 */
@Injectable()
export class DatasetVersions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  /** The current version, regenerated first if an event of the dataset's kinds committed since. */
  async current(dataset: OpenDataset): Promise<DatasetVersion> {
    const seq = await this.events.lastSeq(dataset.changedBy);
    const row = await this.read(dataset.name);
    if (row && Number(row.event_seq) >= seq) return view(row);
    return this.regenerate(dataset, seq);
  }

  /** Reads the rows once (count and fingerprint) and moves the version on if they changed. */
  async regenerate(dataset: OpenDataset, seq?: number): Promise<DatasetVersion> {
    // The feed number first: the rows read below then hold at least the changes it stands for.
    const eventSeq = seq ?? (await this.events.lastSeq(dataset.changedBy));
    const [updated] = (await this.dataSource.query(
      `WITH measured AS (
         SELECT count(*)::int AS row_count, md5(coalesce(sum(hashtextextended(t::text, 0)), 0)::text) AS fingerprint FROM (${dataset.query.sql}) t
       )
       INSERT INTO dataset_versions AS v (name, fingerprint, row_count, event_seq)
       SELECT $1, fingerprint, row_count, $2 FROM measured
       ON CONFLICT (name) DO UPDATE SET
         version = v.version + CASE WHEN v.fingerprint = EXCLUDED.fingerprint THEN 0 ELSE 1 END,
         updated_at = CASE WHEN v.fingerprint = EXCLUDED.fingerprint THEN v.updated_at ELSE now() END,
         fingerprint = EXCLUDED.fingerprint, row_count = EXCLUDED.row_count, event_seq = EXCLUDED.event_seq, checked_at = now()
       -- A regeneration that read an older state must not overwrite a newer one's.
       WHERE v.event_seq <= EXCLUDED.event_seq
       RETURNING v.*`,
      [dataset.name, eventSeq],
    )) as VersionRow[];
    return view(updated ?? (await this.read(dataset.name))!);
  }

  private async read(name: string): Promise<VersionRow | undefined> {
    const [row] = (await this.dataSource.query(`SELECT * FROM dataset_versions WHERE name = $1`, [name])) as VersionRow[];
    return row;
  }
}

function view(row: VersionRow): DatasetVersion {
  return { name: row.name, version: row.version, fingerprint: row.fingerprint, rowCount: row.row_count, updatedAt: row.updated_at };
}
