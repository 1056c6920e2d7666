import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AppConfig, Problems } from '@app/core';
import { datasetFile } from './dataset-files';
import { DatasetVersion, DatasetVersions } from './dataset-versions';
import { DATASET_FORMATS, DATASETS, DatasetFormat, datasetNamed } from './datasets';
import { DatasetView } from './datasets.dto';

const MEDIA_TYPES: Record<DatasetFormat, string> = { csv: 'text/csv', json: 'application/json' };

export interface Conditions {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface DatasetAnswer {
  etag: string;
  lastModified: string;
  contentType: string;
  /** null: not modified (304). */
  body: Readable | null;
}

/** The open datasets' catalogue and files (see docs/open-data.md). */
@Injectable()
export class OpenDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: DatasetVersions,
    private readonly config: AppConfig,
  ) {}

  async catalogue(): Promise<DatasetView[]> {
    const licence = this.config.get('OPEN_DATA_LICENCE');
    const views: DatasetView[] = [];
    for (const dataset of DATASETS) {
      const version = await this.versions.current(dataset);
      views.push({
        name: dataset.name,
        titleZh: dataset.titleZh,
        titleEn: dataset.titleEn,
        descriptionZh: dataset.descriptionZh,
        descriptionEn: dataset.descriptionEn,
        licence,
        updatedAt: version.updatedAt,
        rowCount: version.rowCount,
        formats: DATASET_FORMATS.map((format) => ({ format, mediaType: MEDIA_TYPES[format], url: `/api/public/datasets/${dataset.name}.${format}` })),
        columns: dataset.query.columns.map((c) => ({ ...c })),
      });
    }
    return views;
  }

  /**
   * A dataset file, or null for its body when the caller's copy is current: If-None-Match wins
   * over If-Modified-Since (RFC 9110 §13.2.2). Only dataset_versions is read to decide.
   */
  async file(file: string, conditions: Conditions): Promise<DatasetAnswer> {
    const [, name, format] = /^([a-z]+)\.(csv|json)$/.exec(file) ?? [];
    const dataset = name ? datasetNamed(name) : undefined;
    if (!dataset) throw Problems.notFound('Dataset', file);
    const version = await this.versions.current(dataset);
    const etag = etagOf(version, format as DatasetFormat);
    const lastModified = version.updatedAt.toUTCString();
    const answer = { etag, lastModified, contentType: `${MEDIA_TYPES[format as DatasetFormat]}; charset=utf-8` };
    if (notModified(conditions, etag, version.updatedAt)) return { ...answer, body: null };
    return { ...answer, body: datasetFile(this.dataSource, dataset, format as DatasetFormat) };
  }
}

/** Strong: the same version of a dataset is the same bytes in each format. */
function etagOf(version: DatasetVersion, format: DatasetFormat): string {
  return `"${version.name}-${version.version}-${version.fingerprint.slice(0, 12)}-${format}"`;
}

function notModified({ ifNoneMatch, ifModifiedSince }: Conditions, etag: string, updatedAt: Date): boolean {
  if (ifNoneMatch !== undefined) {
    // Weak comparison (a proxy may have marked it W/), any of a list, or `*`.
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t.replace(/^W\//, '') === etag;
    });
  }
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds: compare at that precision.
  return !Number.isNaN(since) && Math.floor(updatedAt.getTime() / 1000) * 1000 <= since;
}
