import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

type Schema = SchemaObject | ReferenceObject;

/**
 * @nestjs/swagger wraps every reference to a named schema in a one-element `allOf`, so that
 * siblings such as `nullable` or `description` survive. Where nothing stands beside it the
 * wrapper only obscures the reference, and is dropped. Where `nullable` does, OpenAPI 3.0 wants
 * the `type` beside it too (a bare `nullable` is meaningless), so the referenced schema's type
 * is copied there: clients then read `LicenceStatus | null`.
 */
export function simplifySchemaReferences(document: OpenAPIObject): OpenAPIObject {
  const named = document.components?.schemas ?? {};
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!value || typeof value !== 'object') return value;
    const node = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, visit(child)])) as Record<string, unknown>;
    const allOf = node.allOf as Schema[] | undefined;
    if (allOf?.length !== 1 || !('$ref' in allOf[0])) return node;
    const ref = allOf[0];
    const siblings = Object.keys(node).filter((key) => key !== 'allOf');
    if (siblings.length === 0) return ref;
    if (node.nullable === true && node.type === undefined) {
      const target = named[ref.$ref.split('/').pop() as string] as SchemaObject | undefined;
      return { type: target?.type ?? 'object', ...node };
    }
    return node;
  };
  return visit(document) as OpenAPIObject;
}
