import { Body, Controller, Get, Header, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { HeaderValue, Problems, ProblemDetails, RateLimit } from '@app/core';
import { Public } from '@app/access';
import { ComplaintCategory } from './complaint.entity';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintReceipt, PublicComplaintRequest, PublicComplaintStatus } from './complaints.dto';

const TRACKING_CODE = /^CP-[A-Z0-9]{5}-[A-Z0-9]{5}$/;

@ApiTags('public')
@Controller('public')
export class PublicComplaintsController {
  constructor(private readonly intake: ComplaintIntakeService) {}

  @Post('complaints')
  @Public()
  @RateLimit('public')
  @Header('cache-control', 'no-store')
  @ApiOperation({ operationId: 'lodgePublicComplaint',
    summary: 'Lodge a complaint (anonymous allowed). The answer holds a tracking code and a secret, shown once',
    description: 'The same submission (or the same Idempotency-Key) within a minute is one complaint and gets the same answer.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8 to 100 characters; repeats within a minute return the first receipt', schema: { type: 'string', minLength: 8, maxLength: 100 } })
  @ApiCreatedResponse({ type: ComplaintReceipt })
  submit(@Body() request: PublicComplaintRequest, @Req() req: FastifyRequest, @HeaderValue('idempotency-key') idempotencyKey: string | undefined) {
    if (idempotencyKey !== undefined && (idempotencyKey.length < 8 || idempotencyKey.length > 100)) {
      throw Problems.invalid([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 8 to 100 characters' }]);
    }
    return this.intake.submitPublic(request, req.ip, idempotencyKey);
  }

  @Get('complaints/:trackingCode')
  @Public()
  @RateLimit('public')
  @Header('cache-control', 'no-store')
  @ApiOperation({ operationId: 'trackPublicComplaint', summary: 'Follow a complaint: its status and the notes meant for the complainant' })
  @ApiHeader({ name: 'X-Complaint-Secret', required: true, description: 'The secret given with the tracking code' })
  @ApiOkResponse({ type: PublicComplaintStatus })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'Unknown tracking code or wrong secret (not told apart)' })
  status(@Param('trackingCode') trackingCode: string, @HeaderValue('x-complaint-secret') secret: string | undefined) {
    if (!TRACKING_CODE.test(trackingCode)) throw Problems.notFound('Complaint', trackingCode.slice(0, 20));
    return this.intake.publicStatus(trackingCode, secret);
  }

  @Get('complaint-categories')
  @Public()
  @RateLimit('public')
  @Header('cache-control', 'public, max-age=3600')
  @ApiOperation({ operationId: 'listComplaintCategories', summary: 'The categories a complaint may name' })
  @ApiOkResponse({ type: [ComplaintCategory] })
  categories() {
    return this.intake.categories();
  }
}
