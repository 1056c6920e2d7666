import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { DatasetVersions } from './dataset-versions';
import { DatasetsController } from './datasets.controller';
import { OpenDatasetsJob } from './jobs/open-datasets.job';
import { OpenDataService } from './open-data.service';

/** Open datasets of the public register and sanctions, built from the owning libs' public queries. */
@Module({
  imports: [EventsModule],
  controllers: [DatasetsController],
  providers: [DatasetVersions, OpenDataService, OpenDatasetsJob],
  exports: [OpenDataService, DatasetVersions],
})
export class OpenDataModule {}
