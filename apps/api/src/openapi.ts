import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

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
  const document = mergeHeaderParameters(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}

/**
 * A handler's @Headers('x-name') shows up as a required header parameter of its own, next to the
 * @ApiHeader that documents it, so generated clients would ask for both spellings. HTTP header
 * names are case-insensitive: keep one per name, the documented one, and an undocumented one
 * (read with @Headers but optional to the caller, like Accept-Language) as not required.
 */
function mergeHeaderParameters(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as { parameters?: ParameterObject[] }[]) {
      if (!operation?.parameters) continue;
      const headers = new Map<string, ParameterObject>();
      for (const parameter of operation.parameters.filter((p) => p.in === 'header')) {
        const name = parameter.name.toLowerCase();
        const kept = headers.get(name);
        if (!kept || (!kept.description && parameter.description)) headers.set(name, parameter);
      }
      for (const parameter of headers.values()) if (!parameter.description) parameter.required = false;
      operation.parameters = operation.parameters.filter((p) => p.in !== 'header' || headers.get(p.name.toLowerCase()) === p);
    }
  }
  return document;
}
