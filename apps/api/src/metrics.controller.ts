import { Controller, Get, Headers, HttpStatus, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiServiceUnavailableResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/access';
import { AppConfig, carriesMetricsToken, Metrics, metricsOnApiPort, ProblemDetails, ProblemException } from '@app/core';

@ApiTags('health')
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics of this process (under start:cluster, of all the API processes)',
    description:
      'With METRICS_TOKEN set, only to `Authorization: Bearer <METRICS_TOKEN>`; without it, open outside production and absent (404) in production and when METRICS_PORT serves them instead.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiServiceUnavailableResponse({ type: ProblemDetails, description: 'Under start:cluster, an API process did not give its metrics in time' })
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const token = this.config.get('METRICS_TOKEN');
    const env = { NODE_ENV: this.config.get('NODE_ENV'), METRICS_TOKEN: token, METRICS_PORT: this.config.get('METRICS_PORT') };
    if (!metricsOnApiPort(env)) throw new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Metrics are not served on this port: set METRICS_TOKEN, or scrape METRICS_PORT');
    if (token && !carriesMetricsToken(authorization, token)) {
      void reply.header('www-authenticate', 'Bearer');
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Metrics need the bearer token METRICS_TOKEN');
    }
    void reply.header('content-type', this.metrics.contentType);
    // Under start:cluster a process that does not answer the primary fails the scrape: a part of the cluster's figures would pass for the whole.
    return this.metrics.text().catch(() => {
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'service-unavailable', 'Metrics are unavailable: an API process of the cluster did not give its own in time');
    });
  }
}
