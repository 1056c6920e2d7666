import { applyDecorators, Delete, Get, HttpCode, HttpStatus, Patch, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { ApiResponseMetadata } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger';
import { ProblemDetails } from '../errors/problem-details';
import { PageOf } from '../pagination/page';

/*
 * The kinds of route this API has, each one decorator bundling its verb, OpenAPI operation and
 * responses, so that a controller method reads as "a step on a case" rather than a stack of six
 * decorators that must agree. Who may call stays a separate @Allow/@Public/@AllowClients on each
 * method: the access policy is the first thing a reviewer looks for.
 *
 * The swagger compiler plugin reads decorators by name in the source: a method with a JSDoc comment
 * and no literal @ApiOperation gets the comment as its summary, so comments on routes are `//`.
 */

/** What an operation says about itself in the OpenAPI document. */
export interface RouteDoc {
  /** Omitted: the name the export's operationIdFactory gives it (controller and method). */
  operationId?: string;
  summary: string;
}

/** The 200/201 body: a view class, or `[View]` for an array. */
export type ResponseBody = NonNullable<ApiResponseMetadata['type']>;

/** A problem response: `true` documents it plain, a string says when it happens. */
export type ProblemDoc = true | string;

export interface ResultDoc extends RouteDoc {
  type: ResponseBody;
  /** 404 beyond the scope checks every record route has: when the record or its parent is missing. */
  notFound?: ProblemDoc;
  /** 409: the state forbids it, or a stale version. */
  conflict?: ProblemDoc;
}

function operation({ operationId, summary }: RouteDoc): MethodDecorator {
  return ApiOperation(operationId === undefined ? { summary } : { operationId, summary });
}

function problems({ notFound, conflict }: Pick<ResultDoc, 'notFound' | 'conflict'>): MethodDecorator[] {
  const documented = (problem: ProblemDoc) => (problem === true ? { type: ProblemDetails } : { type: ProblemDetails, description: problem });
  return [
    ...(notFound === undefined ? [] : [ApiNotFoundResponse(documented(notFound))]),
    ...(conflict === undefined ? [] : [ApiConflictResponse(documented(conflict))]),
  ];
}

/** GET one record or view: 200 with `type`. */
export function ReadRoute(path: string | undefined, doc: ResultDoc) {
  return applyDecorators(Get(path), operation(doc), ApiOkResponse({ type: doc.type }), ...problems(doc));
}

/** GET a keyset-paged list: 200 with a page of `item`. */
export function ListRoute(path: string | undefined, doc: RouteDoc & { item: new () => unknown }) {
  return applyDecorators(Get(path), operation(doc), ApiOkResponse({ type: PageOf(doc.item) }));
}

/**
 * The swagger plugin, seeing no literal @Post or Api…Response on the method, documents its return
 * type as a 200 (its decorator runs before ours); a create answers 201 only, a removal 204.
 */
const withoutInferredOk: MethodDecorator = (_target, _key, descriptor) => {
  const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value as object) as Record<string, unknown> | undefined;
  if (responses && '200' in responses) {
    const { '200': _inferred, ...rest } = responses;
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, rest, descriptor.value as object);
  }
};

/** POST that creates: 201 with the record made. */
export function CreateRoute(path: string | undefined, doc: ResultDoc) {
  return applyDecorators(Post(path), operation(doc), ApiCreatedResponse({ type: doc.type }), ...problems(doc), withoutInferredOk);
}

/** POST of a step on a record (a state transition or an action on it): 200 with the record after it. */
export function StepRoute(path: string, doc: ResultDoc) {
  return applyDecorators(Post(path), HttpCode(HttpStatus.OK), operation(doc), ApiOkResponse({ type: doc.type }), ...problems(doc));
}

/** PUT or PATCH of a record or setting: 200 with it as now stored. */
export function ChangeRoute(method: 'PUT' | 'PATCH', path: string | undefined, doc: ResultDoc) {
  const verb = method === 'PUT' ? Put(path) : Patch(path);
  return applyDecorators(verb, operation(doc), ApiOkResponse({ type: doc.type }), ...problems(doc));
}

/** DELETE of a record (`?version=` as read): 204 with no body. */
export function RemoveRoute(path: string, doc: RouteDoc & Pick<ResultDoc, 'notFound' | 'conflict'> & { removed?: string }) {
  const noContent = doc.removed === undefined ? ApiNoContentResponse() : ApiNoContentResponse({ description: doc.removed });
  return applyDecorators(Delete(path), HttpCode(HttpStatus.NO_CONTENT), operation(doc), noContent, ...problems(doc), withoutInferredOk);
}
