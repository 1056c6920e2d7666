/** An RFC 9457 problem the API answered with (or one made up for a network failure). */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[],
    /** Seconds from a 429's Retry-After. */
    readonly retryAfter: number | undefined,
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }

  /** The last part of the problem's type URI: `invalid-credentials`, `account-disabled` … */
  get slug(): string {
    return this.type.split('/').filter(Boolean).pop() ?? '';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export async function problemFrom(response: Response): Promise<ApiProblem> {
  const retryAfter = Number(response.headers.get('retry-after'));
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await response.clone().json();
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const errors = Array.isArray(body.errors)
    ? body.errors.filter((e): e is FieldError => !!e && typeof e === 'object' && typeof (e as FieldError).field === 'string' && typeof (e as FieldError).message === 'string')
    : [];
  return new ApiProblem(
    response.status,
    typeof body.type === 'string' ? body.type : 'about:blank',
    typeof body.title === 'string' ? body.title : response.statusText,
    typeof body.detail === 'string' ? body.detail : undefined,
    errors,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

export function networkProblem(): ApiProblem {
  return new ApiProblem(0, 'network', 'Network error', undefined, [], undefined);
}

export function isProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}
