import { ApiProperty } from '@nestjs/swagger';
import { namedEnum } from '@app/core';
import { DATASET_FORMATS, DATASET_NAMES, DatasetFormat, DatasetName } from './datasets';

const COLUMN_TYPES = ['string', 'integer', 'date', 'string[]'] as const;

export class DatasetColumnView {
  @ApiProperty({ example: 'licence_number' }) name: string;
  @ApiProperty(namedEnum('DatasetColumnType', COLUMN_TYPES)) type: (typeof COLUMN_TYPES)[number];
  descriptionZh: string;
  descriptionEn: string;
}

export class DatasetFormatView {
  @ApiProperty(namedEnum('DatasetFormat', DATASET_FORMATS)) format: DatasetFormat;
  @ApiProperty({ example: 'text/csv' }) mediaType: string;
  @ApiProperty({ example: '/api/public/datasets/licences.csv' }) url: string;
}

export class DatasetView {
  @ApiProperty(namedEnum('DatasetName', DATASET_NAMES)) name: DatasetName;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** The licence of reuse (OPEN_DATA_LICENCE). */
  @ApiProperty({ example: 'CC BY 4.0' }) licence: string;
  /** When the rows last changed (the Last-Modified of the files). */
  updatedAt: Date;
  @ApiProperty({ type: 'integer' }) rowCount: number;
  @ApiProperty({ type: [DatasetFormatView] }) formats: DatasetFormatView[];
  /** The data dictionary: each column of the files, in their order. */
  @ApiProperty({ type: [DatasetColumnView] }) columns: DatasetColumnView[];
}

export class DatasetCatalogue {
  @ApiProperty({ type: [DatasetView] }) items: DatasetView[];
}
