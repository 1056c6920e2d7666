import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testUscc } from './fixtures';

/**
 * Walks the exported OpenAPI document (apps/api/openapi.json) generically: for every operation,
 * one request per query or body parameter and per malformed value of that parameter's type, the
 * other required parameters valid, so that the handler behind the validation is reached too.
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
  example?: unknown;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  'x-roles'?: string[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface WalkCase {
  method: string;
  /** With path parameters filled. */
  path: string;
  /** Query string pairs (a key repeated sends an array). */
  query: [string, string][];
  /** JSON text of the body, when the operation takes one. */
  body?: string;
  roles: string[];
  /** What is malformed, for the failure message: `query from = 2026-01-01`. */
  what: string;
}

export function readOpenApiDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'apps', 'api', 'openapi.json'), 'utf8')) as OpenApiDocument;
}

const NUL = 'a\u0000b';
const LONE_SURROGATE = '\uD800x';
/** Numbers past every column's range, past 2^53, and past a double. */
const HUGE_NUMBERS = ['9'.repeat(40), '-' + '9'.repeat(40), '1e309', '9007199254740993', '1.5', 'NaN', '0x10'];
const DATE_TIMES = ['2026-01-01T00:00:00Z', '2026-03-01T10:00:00.123+08:00', '2026-01-01T00:00:00.123456789Z', '+275760-09-14T00:00:00.000Z'];
const DATES = ['2026-01-01', '2026-02-30', '0000-00-00', '99999-12-31', '20260101'];

export class OpenApiWalker {
  constructor(private readonly doc: OpenApiDocument) {}

  resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema.$ref) return this.resolve(this.doc.components.schemas[schema.$ref.split('/').pop() as string]);
    const single = schema.allOf ?? schema.oneOf ?? schema.anyOf;
    if (single?.length) return { ...this.resolve(single[0]), ...withoutCombinators(schema) };
    return schema;
  }

  /** Malformed values of a schema's type as text (query strings), each with a label. */
  malformedText(raw: Schema): string[] {
    const schema = this.resolve(raw);
    const common = [NUL, LONE_SURROGATE, 'x'.repeat(5000), ''];
    switch (schema.type) {
      case 'integer':
      case 'number':
        return [...HUGE_NUMBERS, ...common];
      case 'boolean':
        return ['maybe', '2', ...common];
      case 'array':
        return this.malformedText(schema.items ?? {});
      default:
        if (schema.enum) return ['not-a-member', ...common];
        if (schema.format === 'date') return [...DATE_TIMES, ...DATES.slice(1), ...common];
        if (schema.format === 'date-time') return [...DATES, ...DATE_TIMES.slice(2), ...common];
        if (schema.format === 'uuid') return ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', ...common];
        // A string the document does not type further may still be read as a date or a number.
        return [DATE_TIMES[0], DATE_TIMES[2], DATES[1], HUGE_NUMBERS[0], HUGE_NUMBERS[2], ...common];
    }
  }

  /** Malformed JSON values of a schema's type: the text ones, JSON numbers out of range, wrong types. */
  malformedJson(raw: Schema): unknown[] {
    const schema = this.resolve(raw);
    switch (schema.type) {
      case 'integer':
      case 'number':
        return [1e308, -1e308, 2 ** 53 + 2, 1.5, '1', [1], {}, true, NUL];
      case 'boolean':
        return ['true', 1, [true], NUL];
      case 'array': {
        const item = this.resolve(schema.items);
        const items = item.type === 'object' || item.properties ? this.malformedObjects(item).map((value) => [value]) : this.malformedJson(item).map((value) => [value]);
        return ['not-an-array', { 0: 'x' }, [null], ...items];
      }
      case 'object':
        return ['not-an-object', [], 1];
      default:
        if (schema.properties) return ['not-an-object', [], 1, ...this.malformedObjects(schema)];
        return [...this.malformedText(schema), 12, [this.validJson(schema)], { value: 'x' }, null];
    }
  }

  /** A nested object with one property at a time malformed. */
  private malformedObjects(schema: Schema): unknown[] {
    const valid = this.validJson(schema) as Record<string, unknown>;
    const objects: unknown[] = [];
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const resolved = this.resolve(property);
      // One level deep only: nested objects get their wrong types, not a walk of their own.
      const values = resolved.properties || resolved.type === 'array' ? ['not-an-object', [], 1] : this.malformedJson(resolved);
      for (const value of values) objects.push({ ...valid, [name]: value });
    }
    return objects;
  }

  /** A valid-looking value of a schema: its example, an enum member, or one shaped by its type. */
  validJson(raw: Schema, depth = 0): unknown {
    const schema = this.resolve(raw);
    if (schema.example !== undefined) return schema.example;
    if (schema.enum?.length) return schema.enum[0];
    switch (schema.type) {
      case 'integer':
      case 'number':
        return schema.minimum !== undefined && schema.minimum > 1 ? schema.minimum : 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 3 ? [] : Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => this.validJson(schema.items ?? {}, depth + 1));
      default:
        if (schema.properties || schema.type === 'object') {
          if (depth > 3) return {};
          const required = new Set(schema.required ?? []);
          return Object.fromEntries(
            Object.entries(schema.properties ?? {})
              .filter(([name]) => required.has(name))
              .map(([name, property]) => [name, BY_NAME[name] ?? this.validJson(property, depth + 1)]),
          );
        }
        if (schema.format === 'date') return '2026-01-15';
        if (schema.format === 'date-time') return '2026-01-15T08:00:00.000Z';
        if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
        if (schema.format === 'email') return 'someone@example.cn';
        return validString(schema);
    }
  }

  private validText(parameter: Parameter): string {
    const value = parameter.example ?? this.validJson(parameter.schema);
    return String(Array.isArray(value) ? value[0] : value);
  }

  /** Every case of every operation. */
  *cases(): Generator<WalkCase> {
    for (const [template, methods] of Object.entries(this.doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const parameters = operation.parameters ?? [];
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
          const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
          return encodeURIComponent(parameter ? this.validText(parameter) : 'x');
        });
        const queryParameters = parameters.filter((p) => p.in === 'query');
        const requiredQuery: [string, string][] = queryParameters.filter((p) => p.required).map((p) => [p.name, this.validText(p)]);
        const bodySchema = operation.requestBody?.content['application/json']?.schema;
        const validBody = bodySchema ? this.validJson(bodySchema) : undefined;
        const roles = operation['x-roles'] ?? [];
        const base = { method: method.toUpperCase(), path, roles, body: validBody === undefined ? undefined : JSON.stringify(validBody) };
        for (const parameter of queryParameters) {
          const others = requiredQuery.filter(([name]) => name !== parameter.name);
          for (const value of this.malformedText(parameter.schema)) {
            yield { ...base, query: [...others, [parameter.name, value]], what: `query ${parameter.name} = ${JSON.stringify(value.slice(0, 40))}` };
          }
          // An array where one value is expected (`?from=a&from=b`).
          yield { ...base, query: [...others, [parameter.name, this.validText(parameter)], [parameter.name, this.validText(parameter)]], what: `query ${parameter.name} twice` };
        }
        if (!bodySchema) continue;
        const body = this.resolve(bodySchema);
        for (const [name, property] of Object.entries(body.properties ?? {})) {
          for (const value of this.malformedJson(property)) {
            yield { ...base, query: requiredQuery, body: JSON.stringify({ ...(validBody as object), [name]: value }), what: `body ${name} = ${JSON.stringify(value)?.slice(0, 60)}` };
          }
        }
      }
    }
  }
}

/** Fields the document types only as strings, whose validators want more. */
const BY_NAME: Record<string, string> = { uscc: testUscc('350100'), jurisdictionCode: '350100', province: '350000', country: 'SG' };

/** Strings that fit the patterns the API's fields use (division codes, months, country codes, phone numbers). */
const PATTERNED = ['x', 'X1', '350100', '350000', '2026-01', '2026-01-15', 'SG', '+86 591 1234567', '91350100MA2Y00001X'];

function validString(schema: Schema): string {
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  const fitting = PATTERNED.find((text) => !pattern || pattern.test(text));
  const text = fitting ?? 'x';
  return text.length >= (schema.minLength ?? 0) ? text : text.padEnd(schema.minLength ?? 0, text === 'x' ? 'x' : '0');
}

function withoutCombinators(schema: Schema): Schema {
  const { allOf: _allOf, oneOf: _oneOf, anyOf: _anyOf, ...rest } = schema;
  return rest;
}
