import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI at /api/docs-json and the Swagger UI at /api/docs. Each operation lists its roles under `x-roles`. */
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
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}
