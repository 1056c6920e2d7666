import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import fastJson from 'fast-json-stringify';
import { createOpenApiDocument } from './openapi';

/**
 * The lists officials open most: their answers are written by Fastify's serializer compiled from
 * the response schema the OpenAPI document publishes (fast-json-stringify), not by JSON.stringify
 * walking each row's object. The schema is the contract, so a property it does not name is not sent.
 */
export const COMPILED_RESPONSE_ROUTES = ['/api/licences', '/api/agencies', '/api/complaints'];

type Json = Record<string, unknown>;

/** Inlines `#/components/schemas/...` references: the route's schema stands alone. */
function inline(schema: unknown, named: Json, depth = 0): unknown {
  if (depth > 32) throw new Error('Response schema nests too deeply to compile (a cycle?)');
  if (Array.isArray(schema)) return schema.map((s) => inline(s, named, depth + 1));
  if (!schema || typeof schema !== 'object') return schema;
  const node = schema as Json;
  if (typeof node.$ref === 'string') return inline(named[node.$ref.split('/').pop() as string], named, depth + 1);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'example' ? value : inline(value, named, depth + 1)]));
}

/** The 200 answer's JSON schema of each compiled route, from the document. */
export function compiledResponseSchemas(document: OpenAPIObject, routes = COMPILED_RESPONSE_ROUTES): Map<string, unknown> {
  const named = (document.components?.schemas ?? {}) as Json;
  const schemas = new Map<string, unknown>();
  for (const route of routes) {
    const schema = (document.paths[route]?.get?.responses?.['200'] as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`No JSON 200 answer documented for GET ${route}: it cannot be compiled`);
    schemas.set(route, inline(schema, named));
  }
  return schemas;
}

/**
 * Attaches compiled serializers to the hot list routes as Nest registers them (call before
 * app.init). The OpenAPI document they come from is built on the first such answer, not at start:
 * most processes that start the API (tests, the CLI tools) never answer a list.
 */
export function compileListResponses(app: NestFastifyApplication): void {
  let schemas: Map<string, unknown> | undefined;
  const compile = (url: string): ((data: unknown) => string) => {
    schemas ??= compiledResponseSchemas(createOpenApiDocument(app));
    return fastJson(schemas.get(url) as Parameters<typeof fastJson>[0]);
  };
  app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
    const isGet = route.method === 'GET' || (Array.isArray(route.method) && route.method.includes('GET'));
    if (!isGet || !COMPILED_RESPONSE_ROUTES.includes(route.url)) return;
    const url = route.url;
    // A placeholder schema makes Fastify ask the route's compiler for the 200 answer's serializer.
    route.schema = { ...route.schema, response: { 200: { type: 'object' } } };
    route.serializerCompiler = () => {
      let serialize: ((data: unknown) => string) | undefined;
      return (data: unknown) => (serialize ??= compile(url))(data);
    };
  });
}
