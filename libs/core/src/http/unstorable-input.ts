import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { FieldProblem } from '../errors/problem-details';
import { sendProblem } from '../errors/problem-details.filter';
import { Problems } from '../errors/problem.exception';

/** No request of this API nests deeper; anything deeper is refused before validation walks it recursively. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text PostgreSQL cannot store, said of `subject` (a field path or "a field name"). */
function stringProblem(text: string, subject: string): string | null {
  if (text.includes('\u0000')) return `${subject} must not contain NUL characters`;
  if (LONE_SURROGATE.test(text)) return `${subject} must be well-formed Unicode (it holds a lone surrogate)`;
  return null;
}

const childPath = (parent: string, key: string, isIndex: boolean) => (isIndex ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/**
 * The first value in a parsed query or JSON body that PostgreSQL cannot store (NUL, lone
 * surrogates: text and jsonb refuse both) or that nests past MAX_INPUT_DEPTH, named by its field
 * path. Iterative, so a 100,000-deep document cannot exhaust the stack.
 */
export function findUnstorableInput(root: unknown, rootPath = ''): FieldProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      const problem = stringProblem(value, path || 'the body');
      if (problem) return { field: path || 'body', message: problem };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { field: path || 'body', message: `${path || 'the body'} is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    const isArray = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) {
      const path_ = childPath(path, key, isArray);
      const keyProblem = isArray ? null : stringProblem(key, 'a field name');
      if (keyProblem) return { field: path || 'body', message: keyProblem };
      stack.push({ value: child, path: path_, depth: depth + 1 });
    }
  }
  return null;
}

/** Refuses, with a 400 naming the field, query strings and JSON bodies that findUnstorableInput objects to. */
export function refuseUnstorableInput(fastify: FastifyInstance): void {
  const logger = new Logger('Input');
  fastify.addHook('preValidation', async (request, reply) => {
    const problem =
      findUnstorableInput(request.query) ??
      (request.body instanceof Readable ? null : findUnstorableInput(request.body)) ??
      findUnstorableInput(request.params);
    if (!problem) return;
    sendProblem(request, reply, Problems.invalid([problem]), logger);
    return reply;
  });
}
