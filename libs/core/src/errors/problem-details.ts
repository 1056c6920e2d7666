import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://agency-registry.example/problems/';

/** One field-level complaint about a request. */
export class FieldProblem {
  /** Path of the offending field, e.g. `scope.countries[0]`. */
  @ApiProperty() field: string;
  @ApiProperty() message: string;
  /** The message in Chinese, where the API gives one (the password policy does). */
  @ApiPropertyOptional() messageZh?: string;
}

/** RFC 9457 problem details, the body of every error answer. */
export class ProblemDetails {
  @ApiProperty({ example: `${TYPE_BASE}validation` }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ description: 'The request path' }) instance?: string;
  @ApiPropertyOptional({ description: 'Request id, also in the x-request-id header' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblem] }) errors?: FieldProblem[];
  [extension: string]: unknown;
}

export function problemType(slug: string): string {
  return `${TYPE_BASE}${slug}`;
}
