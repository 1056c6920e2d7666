import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemDetails, RateLimit } from '@app/core';
import { Public } from '@app/access';
import { DATASET_FORMATS, DATASET_NAMES } from './datasets';
import { DatasetCatalogue } from './datasets.dto';
import { OpenDataService } from './open-data.service';

const FILES = DATASET_NAMES.flatMap((name) => DATASET_FORMATS.map((format) => `${name}.${format}`));

@ApiTags('public')
@Controller('public/datasets')
export class DatasetsController {
  constructor(private readonly openData: OpenDataService) {}

  @Get()
  @Public()
  @RateLimit('datasets')
  @ApiOperation({ operationId: 'listDatasets', summary: 'The open datasets: titles, licence of reuse, last change, row count, file URLs and data dictionary' })
  @ApiOkResponse({ type: DatasetCatalogue })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: 'Over RATE_LIMIT_DATASETS_PER_MINUTE' })
  async catalogue(@Res({ passthrough: true }) reply: FastifyReply): Promise<DatasetCatalogue> {
    void reply.header('cache-control', 'public, max-age=60');
    return { items: await this.openData.catalogue() };
  }

  @Get(':file')
  @Public()
  @RateLimit('datasets')
  @ApiOperation({
    operationId: 'downloadDataset',
    summary: 'A whole open dataset as CSV or JSON, streamed; answers 304 to If-None-Match / If-Modified-Since when unchanged',
    description: 'CSV: UTF-8 with a byte order mark, a header line of the column names in the catalogue’s data dictionary, lists separated by semicolons. JSON: an array of objects keyed by the same names.',
  })
  @ApiParam({ name: 'file', enum: FILES, enumName: 'DatasetFile' })
  @ApiProduces('text/csv', 'application/json')
  @ApiResponse({ status: 200, description: 'The dataset, with ETag and Last-Modified', content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array', items: { type: 'object', additionalProperties: true } } } } })
  @ApiResponse({ status: 304, description: 'Unchanged since the ETag or date sent' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No such dataset or format' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: 'Over RATE_LIMIT_DATASETS_PER_MINUTE' })
  async download(
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const answer = await this.openData.file(file, { ifNoneMatch, ifModifiedSince });
    void reply.header('etag', answer.etag).header('last-modified', answer.lastModified).header('cache-control', 'public, max-age=300, must-revalidate');
    if (answer.body === null) {
      await reply.status(304).send();
      return;
    }
    void reply.header('content-type', answer.contentType).header('content-disposition', `attachment; filename="${file}"`);
    await reply.status(200).send(answer.body);
  }
}
