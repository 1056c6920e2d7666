import { Injectable } from '@nestjs/common';
import { JobCounts, ScheduledJob } from '@app/scheduler';
import { DatasetVersions } from '../dataset-versions';
import { DATASETS } from '../datasets';

/**
 * `open-datasets`, daily at 03:30, after the night's licence expiry (00:05) and credit grades (03:00): each
 * dataset's rows are read once and its version moves on if they changed, so what no event
 * announces (a new credit grade) reaches the ETag too. Changes announced by events regenerate a
 * dataset at once, on its next request (DatasetVersions.current).
 */
@Injectable()
export class OpenDatasetsJob {
  constructor(private readonly versions: DatasetVersions) {}

  @ScheduledJob({
    name: 'open-datasets',
    cron: '30 3 * * *',
    description: {
      en: 'The open datasets are read again; a dataset whose rows changed gets a new version (ETag, Last-Modified)',
      zh: '重新读取开放数据集；数据有变化的数据集获得新版本（ETag、Last-Modified）',
    },
  })
  async run(): Promise<JobCounts> {
    let changed = 0;
    for (const dataset of DATASETS) {
      const before = await this.versions.current(dataset);
      const after = await this.versions.regenerate(dataset);
      if (after.version !== before.version) changed += 1;
    }
    return { datasets: DATASETS.length, changed };
  }
}
