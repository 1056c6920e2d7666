import { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Problems, sendProblem } from '@app/core';

const SWAGGER_UI_ASSET = /^\/api\/docs\/(|index\.html|index\.css|swagger-ui[\w.-]*\.(js|css)|swagger-initializer\.js|favicon-[\w-]+\.png|oauth2-redirect\.html)$/;
const logger = new Logger('OpenApi');

/** OpenAPI at /api/docs-json and the Swagger UI at /api/docs (when DOCS_ENABLED; off by default in production). Each operation lists its roles under `x-roles`. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Agency Registry API')
    .setDescription(
      'System of record for licensing and monitoring private recruitment agencies. Errors are RFC 9457 ' +
        '`application/problem+json`. Lists take `?limit=&cursor=` and answer `{ items, nextCursor }`. ' +
        'Records outside the caller\'s jurisdiction answer 404, like records that do not exist.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  // swagger-ui-dist's own files (package.json, README.md, licences) say which version runs: only the UI's assets are served.
  const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/docs/') && !SWAGGER_UI_ASSET.test(path)) {
      sendProblem(request, reply, Problems.notFound('Page'), logger);
      return reply;
    }
  });
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}
