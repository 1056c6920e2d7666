import { INestApplication, Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CLIENT_CREDENTIALS_SCHEME } from '@app/access';
import { PROBLEM_CONTENT_TYPE, Problems, sendProblem } from '@app/core';
import { documentProblemResponses } from './openapi-problems';
import { simplifySchemaReferences } from './openapi-schemas';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const SWAGGER_UI_ASSET = /^\/api\/docs\/(|index\.html|index\.css|swagger-ui[\w.-]*\.(js|css)|swagger-initializer\.js|favicon-[\w-]+\.png|oauth2-redirect\.html)$/;
const logger = new Logger('OpenApi');

/** The OpenAPI document of the app; `npm run openapi:export` writes the same one to apps/api/openapi.json. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Agency Registry API')
    .setDescription(
      'System of record for licensing and monitoring private recruitment agencies. Errors are RFC 9457 ' +
        `\`${PROBLEM_CONTENT_TYPE}\`. Lists take \`?limit=&cursor=\` and answer \`{ items, nextCursor }\`. ` +
        'Records outside the caller\'s jurisdiction answer 404, like records that do not exist.',
    )
    .setVersion('0.1.0')
    // The paths carry their /api prefix, so the server is the origin the document is served from.
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // Machine clients (other government systems): a token from POST /api/auth/token, RFC 6749 §4.4.
    .addOAuth2(
      {
        type: 'oauth2',
        description: 'Registered API clients: exchange client_id and client_secret (form-encoded, or HTTP Basic) for a bearer token',
        flows: { clientCredentials: { tokenUrl: '/api/auth/token', scopes: { 'events:read': 'Read the events feed (GET /api/events)' } } },
      },
      CLIENT_CREDENTIALS_SCHEME,
    )
    .build();
  const document = typeCsvAsText(mergeHeaderParameters(SwaggerModule.createDocument(app, config, { operationIdFactory })));
  return simplifySchemaReferences(documentProblemResponses(document));
}

/** OpenAPI at /api/docs-json and the Swagger UI at /api/docs (when DOCS_ENABLED; off by default in production). Each operation lists its roles under `x-roles`. */
export function setupOpenApi(app: INestApplication): void {
  // swagger-ui-dist's own files (package.json, README.md, licences) say which version runs: only the UI's assets are served.
  const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/docs/') && !SWAGGER_UI_ASSET.test(path)) {
      sendProblem(request, reply, Problems.notFound('Page'), logger);
      return reply;
    }
  });
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}

/**
 * Operation ids a client's method names can be: `list` on AgenciesController is `listAgencies`,
 * any other method takes the singular, `getAgency`, `suspendLicence`. Routes whose method name
 * says less set their own id in @ApiOperation.
 */
export function operationIdFactory(controllerKey: string, methodKey: string): string {
  const resource = controllerKey.replace(/Controller$/, '');
  if (methodKey === 'list') return `list${resource}`;
  return `${methodKey}${singular(resource)}`;
}

function singular(resource: string): string {
  if (resource.endsWith('ies')) return `${resource.slice(0, -3)}y`;
  if (resource.endsWith('s')) return resource.slice(0, -1);
  return resource;
}

/**
 * A route answering JSON or, with `Accept: text/csv`, CSV declares one type for both media types
 * (@ApiProduces with @ApiOkResponse); the CSV is text, so a client must not parse it as that type.
 */
function typeCsvAsText(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }[]) {
      for (const response of Object.values(operation?.responses ?? {})) {
        const csv = response.content?.['text/csv'];
        if (csv) csv.schema = { type: 'string', description: 'UTF-8 CSV with a byte order mark; the header line names the columns' };
      }
    }
  }
  return document;
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
