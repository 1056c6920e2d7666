import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '@app/core';

const PROBLEM_SCHEMA = { $ref: `#/components/schemas/${ProblemDetails.name}` };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The error answers every route shares, documented where they apply rather than repeated on each
 * route: a path id that names nothing (or a record outside the caller's jurisdiction) is a 404;
 * a body or query the validation pipe refuses is a 400 with field-level `errors`; a body carrying
 * the `version` the caller read is refused with 409 when that version is stale. Every error is
 * RFC 9457 problem+json, whatever media type a decorator assumed.
 */
export function documentProblemResponses(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses as Record<string, ResponseObject>;
      if (/\{[^}]+\}/.test(path)) addProblem(responses, 404, 'No such record, or one outside your jurisdiction');
      if (operation.requestBody || parameters(operation).some((p) => p.in === 'query')) {
        addProblem(responses, 400, 'The request is invalid; `errors` lists each offending field');
      }
      if (bodyProperties(document, operation).includes('version')) {
        addProblem(responses, 409, 'The version sent is stale: the record changed since it was read');
      }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !isOAuthError(response)) response.content = { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA } };
      }
    }
  }
  return document;
}

/** The OAuth token endpoint answers errors in RFC 6749's JSON, which OAuth client libraries read. */
function isOAuthError(response: ResponseObject): boolean {
  const schema = response.content?.['application/json']?.schema;
  return !!schema && '$ref' in schema && schema.$ref.endsWith('/OAuthError');
}

function addProblem(responses: Record<string, ResponseObject>, status: number, description: string): void {
  responses[status] ??= { description };
}

function parameters(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter((p): p is ParameterObject => 'in' in p);
}

function bodyProperties(document: OpenAPIObject, operation: OperationObject): string[] {
  const body = operation.requestBody;
  if (!body || '$ref' in body) return [];
  const schema = Object.values(body.content)[0]?.schema;
  const resolved = schema && resolve(document, schema);
  return Object.keys(resolved?.properties ?? {});
}

function resolve(document: OpenAPIObject, schema: SchemaObject | ReferenceObject): SchemaObject | undefined {
  if (!('$ref' in schema)) return schema;
  const resolved = document.components?.schemas?.[schema.$ref.split('/').pop() as string];
  return resolved && resolve(document, resolved);
}
