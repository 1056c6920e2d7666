import { Body, Controller, Header, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { HeaderValue, ProblemDetails, Problems, RateLimit, ReadRoute } from '@app/core';
import { Public } from '@app/access';
import { ComplaintCategory } from './complaint.entity';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintReceipt, PublicComplaintRequest, PublicComplaintStatus } from './complaints.dto';

const TRACKING_CODE = /^CP-[A-Z0-9]{5}-[A-Z0-9]{5}$/;

/**
 * A code as a worker types it on a phone: full-width letters, lower case, spaces, no dashes
 * ("cp abcde fghjk", "ＣＰ－ＡＢＣＤＥ－ＦＧＨＪＫ") is the same code.
 */
export function normaliseTrackingCode(typed: string): string {
  const compact = typed.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑–—_]/g, '');
  return /^CP[A-Z0-9]{10}$/.test(compact) ? `CP-${compact.slice(2, 7)}-${compact.slice(7)}` : typed;
}

@ApiTags('public')
@Controller('public')
export class PublicComplaintsController {
  constructor(private readonly intake: ComplaintIntakeService) {}

  @Post('complaints')
  @Public()
  @RateLimit('public')
  @Header('cache-control', 'no-store')
  @ApiOperation({ operationId: 'lodgePublicComplaint',
    summary: 'Lodge a complaint (anonymous allowed). The answer holds a tracking code and a 6-digit PIN (and a long secret), shown once',
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

  @ReadRoute('complaints/:trackingCode', { operationId: 'trackPublicComplaint', summary: 'Follow a complaint with its tracking code and PIN (or secret): its status and the notes meant for the complainant', type: PublicComplaintStatus, notFound: 'Unknown tracking code or wrong PIN or secret (not told apart)' })
  @Public()
  @RateLimit('public')
  @Header('cache-control', 'no-store')
  @ApiHeader({ name: 'X-Complaint-Pin', required: false, description: 'The 6-digit PIN given with the tracking code' })
  @ApiHeader({ name: 'X-Complaint-Secret', required: false, description: 'The long secret given with tracking codes before PINs (still accepted)' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: 'Too many wrong PINs for this tracking code: locked for a while (lockedUntil), whatever the address' })
  status(
    @Param('trackingCode') typedCode: string,
    @HeaderValue('x-complaint-secret') secret: string | undefined,
    @HeaderValue('x-complaint-pin') pin: string | undefined,
  ) {
    const trackingCode = normaliseTrackingCode(typedCode);
    if (!TRACKING_CODE.test(trackingCode)) throw Problems.notFound('Complaint', typedCode.slice(0, 20));
    return this.intake.publicStatus(trackingCode, { secret, pin: pin?.normalize('NFKC').replace(/\s/g, '') });
  }

  @ReadRoute('complaint-categories', { operationId: 'listComplaintCategories', summary: 'The categories a complaint may name', type: [ComplaintCategory] })
  @Public()
  @RateLimit('public')
  @Header('cache-control', 'public, max-age=3600')
  categories() {
    return this.intake.categories();
  }
}
