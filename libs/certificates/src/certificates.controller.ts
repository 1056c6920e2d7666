import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Allow, CurrentActor } from '@app/access';
import { IdParam, ProblemDetails, UserRateLimit } from '@app/core';
import { CertificatesService } from './certificates.service';

@ApiTags('licences')
@Controller('licences')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':id/certificate.pdf')
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  @UserRateLimit('pdf')
  @ApiOperation({ operationId: 'getLicenceCertificate', summary: 'The licence certificate: A4, Chinese and English, with a QR code to the public verification page' })
  @ApiProduces('application/pdf')
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: 'More PDFs this minute than RATE_LIMIT_PDF_PER_USER_PER_MINUTE; Retry-After says when to try again' })
  @ApiOkResponse({ description: 'A PDF', schema: { type: 'string', format: 'binary' } })
  async certificate(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { licenceNumber, pdf } = await this.certificates.certificate(actor, id);
    void reply.header('content-type', 'application/pdf');
    void reply.header('content-disposition', `attachment; filename="licence-${licenceNumber}.pdf"`);
    void reply.header('cache-control', 'private, no-store');
    return pdf;
  }
}
